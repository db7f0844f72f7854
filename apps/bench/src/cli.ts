import { RfaError } from '@rfa/tensor';
import { MAIN_HELP, mainCommand } from './commands/main-command.js';
import { REPRODUCE_HELP, reproduceCommand } from './commands/reproduce/reproduce-command.js';
import { SPEED_HELP, speedCommand } from './commands/speed/speed-command.js';
import { STEP_HELP, stepCommand } from './commands/step/step-command.js';
import { COLLECT_HELP, collectCommand } from './commands/sweep/collect-command.js';
import { SWEEP_HELP, sweepCommand } from './commands/sweep/sweep-command.js';
import { WORKER_HELP, workerCommand } from './commands/sweep/worker-command.js';

type Command = { run: (argv: string[]) => Promise<number>; help: string };

const commands: Record<string, Command> = {
  main: { run: mainCommand, help: MAIN_HELP },
  reproduce: { run: reproduceCommand, help: REPRODUCE_HELP },
  step: { run: stepCommand, help: STEP_HELP },
  speed: { run: speedCommand, help: SPEED_HELP },
  sweep: { run: sweepCommand, help: SWEEP_HELP },
  worker: { run: workerCommand, help: WORKER_HELP },
  collect: { run: collectCommand, help: COLLECT_HELP },
};

const USAGE = `rfa bench — reproduce the paper, measure speed, cross-check one step

Usage: pnpm bench <command> [options]   (pnpm bench <command> --help for details)

${Object.values(commands)
  .map((c) => c.help)
  .join('\n\n')}`;

/** Runs the CLI; returns the exit code. User errors print one line and exit 2. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === 'help') {
    console.log(USAGE);
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    console.error(`rfa bench: unknown command '${name}' (commands: ${Object.keys(commands).join(', ')})`);
    return 2;
  }
  try {
    return await command.run(rest);
  } catch (err) {
    const code = String((err as { code?: unknown })?.code ?? '');
    if (err instanceof RfaError || code.startsWith('ERR_PARSE_ARGS')) {
      console.error(`rfa bench ${name}: ${(err as Error).message}`);
      return 2;
    }
    throw err;
  }
}
