import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { CliError } from '../../cli-error.js';
import { writeJsonAtomic } from '../../report/write-atomic.js';
import { runStep } from './run-step.js';
import { parseStepSpec } from './spec.js';

export const STEP_HELP = `pnpm bench step --spec IN.json --out OUT.json
  Performs exactly one update of the network in IN.json and writes weights, biases,
  deltas (per layer, batch × units; null where the rule does not teach) and the loss
  before the step to OUT.json. See apps/bench/README.md for the spec format.`;

export async function stepCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { spec: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean' } },
  });
  if (values.help) {
    console.log(STEP_HELP);
    return 0;
  }
  if (!values.spec) throw new CliError('step: --spec IN.json is required');
  if (!values.out) throw new CliError('step: --out OUT.json is required');
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(values.spec, 'utf8'));
  } catch (err) {
    throw new CliError(`step: cannot read spec file '${values.spec}': ${(err as Error).message}`);
  }
  const result = await runStep(parseStepSpec(raw));
  await writeJsonAtomic(values.out, result);
  console.log(`step: wrote ${values.out} (loss before the step ${result.loss})`);
  return 0;
}
