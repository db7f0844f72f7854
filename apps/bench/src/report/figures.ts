import { join } from 'node:path';
import type { Experiment, ExperimentReport } from '@rfa/experiments';
import type { SpikeTrace } from '@rfa/spiking';
import { plotSvg } from './plot.js';
import { encodePng } from './png.js';
import { type ReceptiveFields, receptiveFieldGrid } from './receptive-fields.js';
import { traceSvg } from './traces.js';
import { writeFileAtomic } from './write-atomic.js';

/**
 * Writes an experiment's figures beside its JSON: its plots (`<id>-<metric>.svg`, one colour
 * per rule key throughout), first-layer receptive fields of each rule that recorded them
 * (`<id>-receptive-fields-<rule>.png`), and spike traces (`<id>-traces-<when>.svg`).
 * Returns the file names in the order the report shows them.
 */
export async function writeFigures(
  exp: Experiment,
  report: ExperimentReport,
  outDir: string,
): Promise<string[]> {
  const files: string[] = [];
  const ruleOrder = Object.keys(exp.rules);
  for (const plot of exp.plots) {
    const svg = await plotSvg(exp.title, plot, report.results, ruleOrder);
    if (!svg) continue;
    const name = `${exp.id}-${plot.metric}.svg`;
    await writeFileAtomic(join(outDir, name), svg);
    files.push(name);
  }
  for (const [rule, r] of Object.entries(report.results)) {
    const rf = r.snapshots?.receptiveFields as ReceptiveFields | undefined;
    if (rf) {
      const name = `${exp.id}-receptive-fields-${rule}.png`;
      await writeFileAtomic(join(outDir, name), encodePng(receptiveFieldGrid(rf)));
      files.push(name);
    }
    const traces = r.snapshots?.traces as Record<string, SpikeTrace> | undefined;
    for (const [when, trace] of Object.entries(traces ?? {})) {
      const name = `${exp.id}-traces-${when}.svg`;
      await writeFileAtomic(
        join(outDir, name),
        await traceSvg(`${exp.title}: ${rule}, ${when} in training`, trace),
      );
      files.push(name);
    }
  }
  return files;
}
