import { resolve } from 'node:path';
import { reproduce } from './reproduce/reproduce-command.js';

export const MAIN_HELP = `pnpm bench main  (what \`npm start\` runs)
  The quick paper check: fig2 over 3 seeds and a --quick fig3a (MNIST) over 1 seed,
  their tables, and the HTML report in ./rfa-report/ — a few minutes on two cores.`;

export async function mainCommand(argv: string[]): Promise<number> {
  if (argv.includes('--help')) {
    console.log(MAIN_HELP);
    return 0;
  }
  const reports = await reproduce({
    experiments: ['fig2', 'fig3a'],
    seeds: 3,
    quick: false,
    perExperiment: { fig3a: { seeds: 1, quick: true } },
    backend: 'cpu',
    fma: false,
    outDir: resolve('rfa-report'),
  });
  return reports.some((r) => r.interrupted) ? 130 : 0;
}
