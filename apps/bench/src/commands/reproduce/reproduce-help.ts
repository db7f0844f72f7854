import { configFields, type Experiment, experimentIds, getExperiment } from '@rfa/experiments';
import { dataDirHelp } from '../../data-dir.js';

/** Seeds a runner uses when none are asked for. */
const DEFAULT_SEEDS = 3;

/** Each experiment's default seeds, grouped: '20 for a, b; 3 for c; 1 for d'. */
function defaultSeedsLine(experiments: readonly Experiment[]): string {
  const byCount = new Map<number, string[]>();
  for (const e of experiments) {
    const n = e.defaultSeeds ?? DEFAULT_SEEDS;
    byCount.set(n, [...(byCount.get(n) ?? []), e.id]);
  }
  return [...byCount]
    .sort((a, b) => b[0] - a[0])
    .map(([n, ids]) => `${n} for ${ids.join(', ')}`)
    .join('; ');
}

const experiments = () => experimentIds().map((id) => getExperiment(id));

export const REPRODUCE_HELP = `pnpm bench reproduce <${experimentIds().join('|')}|all> [options]
  --seeds N          seeded runs per experiment (default: the paper's n = 20 where that takes
                     minutes here: ${defaultSeedsLine(experiments())})
  --quick            a short version that keeps the comparison meaningful
  --set KEY=VALUE    change a config field (repeatable; KEY may be dotted, e.g. learningRates.<rule>;
                     with several experiments, prefix one's id: <id>.KEY=VALUE)
  --rules a,b        run these rule keys (an experiment lists the ones it knows in its --help)
  --backend cpu|gpu  (default cpu)
  --fma              cpu: gemm with fused multiply-adds (relaxed SIMD, switched on in Node 20 by the
                     CLI): ≈12% faster at Fig. 4's size, numbers differ from a run without it in the last bits
  --out DIR          report folder: <exp>.json, SVG plots, index.html (default ./rfa-report)
  --json FILE        also write the results as JSON (one object, or an array for several experiments)
  --checkpoint-dir DIR  where runs keep checkpoints and finished results (default <out>/checkpoints)
  --resume           continue an interrupted run of the same config from its checkpoints
  ${dataDirHelp(19)}
  pnpm bench reproduce <experiment> --help   lists that experiment's fields, defaults and quick values

experiments:
${experiments()
  .map((e) => `  ${e.id.padEnd(6)} ${e.title}`)
  .join('\n')}`;

const show = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

/** One experiment's help: its rules, then every config field with default, quick value and meaning. */
export function experimentHelp(id: string): string {
  const exp = getExperiment(id);
  const rules = Object.entries(exp.rules).map(
    ([k, r]) => `  ${k.padEnd(18)} ${r.description}${r.optional ? ' (only with --rules)' : ''}`,
  );
  const fields = configFields(exp).map((f) => {
    const quick = show(f.quickValue) === show(f.defaultValue) ? '' : ` (quick: ${show(f.quickValue)})`;
    return `  ${f.key.padEnd(28)} ${show(f.defaultValue)}${quick}${f.description ? ` — ${f.description}` : ''}`;
  });
  return `${exp.title}\n\ndefault seeds: ${exp.defaultSeeds ?? DEFAULT_SEEDS}\n\nrules (--rules a,b):\n${rules.join('\n')}\n\nconfig fields (--set KEY=VALUE), default${' '}and quick values:\n${fields.join('\n')}`;
}
