import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { getExperiment, resolveConfig } from '@rfa/experiments';
import { expandSweep } from '@rfa/sweeps';
import { describe, expect, it } from 'vitest';
import { overridesFor, parseReproduceArgs } from './commands/reproduce/reproduce-args.js';
import { parseSpeedArgs } from './commands/speed/speed-args.js';
import { PLACE_OPTIONS, SPEC_OPTIONS, specFromFlags } from './commands/sweep/sweep-args.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** The root README and every page under docs/: where users copy bench commands from. */
function pages(): string[] {
  const docs = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? docs(join(dir, e.name)) : e.name.endsWith('.md') ? [join(dir, e.name)] : [],
    );
  return [join(ROOT, 'README.md'), ...docs(join(ROOT, 'docs'))];
}

/** Splits a shell line into words: quotes kept together, a trailing `# comment` dropped. */
function words(line: string): string[] {
  const out: string[] = [];
  for (const m of line.matchAll(/'([^']*)'|"([^"]*)"|(#.*$)|(\S+)/g)) {
    if (m[3] !== undefined) break;
    out.push(m[1] ?? m[2] ?? m[4]);
  }
  return out;
}

/** Every `pnpm bench reproduce|sweep|speed …` line in the pages' code, inline or fenced, as argv after the command. */
function benchCommands(): { page: string; command: string; argv: string[] }[] {
  const found: { page: string; command: string; argv: string[] }[] = [];
  for (const page of pages()) {
    const text = readFileSync(page, 'utf8');
    const fenced = [...text.matchAll(/```(?:sh|bash)\n([\s\S]*?)```/g)].flatMap((m) => m[1].split('\n'));
    const inline = [...text.matchAll(/`(pnpm bench [^`]+)`/g)].map((m) => m[1]);
    for (const line of [...fenced, ...inline]) {
      const at = line.indexOf('pnpm bench ');
      if (at === -1 || line.includes('…') || line.includes('<')) continue;
      const [, , command, ...argv] = words(line.slice(at).replace(/\\$/, ''));
      if (command === 'reproduce' || command === 'sweep' || command === 'speed')
        found.push({ page: page.slice(ROOT.length), command, argv });
    }
  }
  return found;
}

async function check(command: string, argv: string[]): Promise<void> {
  if (command === 'speed') {
    parseSpeedArgs(argv);
    return;
  }
  if (command === 'reproduce') {
    const args = parseReproduceArgs(argv);
    for (const id of args.experiments)
      resolveConfig(getExperiment(id), { quick: args.quick, overrides: overridesFor(id, args.overrides) });
    return;
  }
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      ...SPEC_OPTIONS,
      ...PLACE_OPTIONS,
      workers: { type: 'string' },
      wait: { type: 'boolean' },
      'checkpoint-dir': { type: 'string' },
      'checkpoint-seconds': { type: 'string' },
      attempts: { type: 'string' },
      'backoff-seconds': { type: 'string' },
    },
  });
  if (values.spec) return; // the spec file is the user's own
  expandSweep(await specFromFlags(values, positionals));
}

describe('bench commands in the README and docs', () => {
  const commands = benchCommands();

  it('finds the README commands', () => {
    const readme = commands.filter((c) => c.page === 'README.md').map((c) => c.command);
    expect(readme).toEqual(expect.arrayContaining(['reproduce', 'sweep', 'speed']));
  });

  it.each(commands.map((c) => [`${c.page}: pnpm bench ${c.command} ${c.argv.join(' ')}`, c] as const))(
    '%s parses, with every --set and --grid field known',
    async (_label, c) => {
      await expect(check(c.command, c.argv)).resolves.toBeUndefined();
    },
  );

  it('refuses a command with an unknown config field (the check can fail)', async () => {
    await expect(check('reproduce', ['fig4', '--set', 'epoch=1'])).rejects.toThrow(/epoch/);
    await expect(check('sweep', ['fig2', '--grid', 'learningRat=0.1,0.2'])).rejects.toThrow(/learningRat/);
  });
});
