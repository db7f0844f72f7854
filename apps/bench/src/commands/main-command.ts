import { resolve } from 'node:path';
import { QUICK_CHECK } from '@rfa/experiments';
import { reproduce } from './reproduce/reproduce-command.js';

const described = QUICK_CHECK.map(
  (c) => `${c.quick ? 'a --quick ' : ''}${c.id} over ${c.seeds} seed${c.seeds === 1 ? '' : 's'}`,
).join(' and ');

export const MAIN_HELP = `pnpm bench main  (what \`npm start\` runs)
  The quick paper check: ${described},
  their tables, and the HTML report in ./rfa-report/ — a few minutes on two cores.`;

export async function mainCommand(argv: string[]): Promise<number> {
  if (argv.includes('--help')) {
    console.log(MAIN_HELP);
    return 0;
  }
  const reports = await reproduce({
    experiments: QUICK_CHECK.map((c) => c.id),
    quick: false,
    perExperiment: Object.fromEntries(QUICK_CHECK.map((c) => [c.id, { seeds: c.seeds, quick: c.quick }])),
    backend: 'cpu',
    fma: false,
    outDir: resolve('rfa-report'),
  });
  return reports.some((r) => r.interrupted) ? 130 : 0;
}
