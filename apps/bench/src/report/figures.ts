import { join } from 'node:path';
import type { Experiment, ExperimentReport, PlotSpec } from '@rfa/experiments';
import type { SpikeTrace } from '@rfa/spiking';
import { plotSvg } from './plot.js';
import { encodePng } from './png.js';
import { type ReceptiveFields, receptiveFieldGrid } from './receptive-fields.js';
import { traceSvg } from './traces.js';
import { writeFileAtomic } from './write-atomic.js';

/** What a report other than `reproduce`'s (a sweep's) changes in the figures. */
export interface FigureOptions {
  /** Plots to draw (default: the experiment's). */
  plots?: readonly PlotSpec[];
  /** File-name prefix (default: the experiment's id). */
  name?: string;
  /** Title of plots and traces (default: the experiment's). */
  title?: string;
}

/** A result key as a file-name part ('fa feedbackInit=0.5' → 'fa_feedbackInit_0.5'). */
const fileSafe = (key: string) => key.replace(/[^A-Za-z0-9._-]+/g, '_');

/**
 * Writes an experiment's figures beside its JSON: its plots (`<id>-<metric>.svg`, one colour
 * per rule, the registry's), first-layer receptive fields of each rule that recorded them
 * (`<id>-receptive-fields-<rule>.png`), and spike traces (`<id>-traces-<when>.svg`).
 * Returns the file names in the order the report shows them.
 */
export async function writeFigures(
  exp: Experiment,
  report: ExperimentReport,
  outDir: string,
  o: FigureOptions = {},
): Promise<string[]> {
  const files: string[] = [];
  const name = o.name ?? exp.id;
  const title = o.title ?? exp.title;
  for (const plot of o.plots ?? exp.plots) {
    const svg = await plotSvg(title, exp, plot, report.results);
    if (!svg) continue;
    const file = `${name}-${plot.metric}.svg`;
    await writeFileAtomic(join(outDir, file), svg);
    files.push(file);
  }
  for (const [rule, r] of Object.entries(report.results)) {
    const rf = r.snapshots?.receptiveFields as ReceptiveFields | undefined;
    if (rf) {
      const file = `${name}-receptive-fields-${fileSafe(rule)}.png`;
      // small fields (a conv layer's 5×5 kernels) get bigger pixels, so every tile is about 60 pixels wide
      const scale = Math.max(3, Math.round(60 / rf.width));
      await writeFileAtomic(join(outDir, file), encodePng(receptiveFieldGrid(rf, 5, scale)));
      files.push(file);
    }
    const traces = r.snapshots?.traces as Record<string, SpikeTrace> | undefined;
    for (const [when, trace] of Object.entries(traces ?? {})) {
      const file = `${name}-traces-${when}.svg`;
      await writeFileAtomic(
        join(outDir, file),
        await traceSvg(`${title}: ${rule}, ${when} in training`, trace),
      );
      files.push(file);
    }
  }
  return files;
}
