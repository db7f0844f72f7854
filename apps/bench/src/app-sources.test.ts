import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXPERIMENTS, ruleKeys } from '@rfa/experiments';
import { describe, expect, it } from 'vitest';

// The definitions in @rfa/experiments are the only place that knows an experiment or a rule:
// an app that names one in its source (a switch over ids, a table keyed by rule) is a side
// table that the next experiment or rule would have to be added to by hand.

const apps = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Names that an app may use, each with why (file relative to apps/, the name). */
const ALLOWED: { file: string; name: string; why: string }[] = [
  // the speed headline compares rfa's FA with the TF.js peer's backprop (issue 33's target)
  { file: 'bench/src/speed/speed-table.ts', name: 'bp', why: 'headline: rfa FA over tfjs-wasm BP' },
  { file: 'bench/src/speed/speed-table.ts', name: 'fa', why: 'headline: rfa FA over tfjs-wasm BP' },
];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' || e.name === 'dist' ? [] : sources(path);
    return /\.(ts|tsx|mts|js|mjs|css|html)$/.test(e.name) && !/\.test\.|\.e2e\./.test(e.name) ? [path] : [];
  });
}

/** The code of a file without its comments (line and block), strings kept. */
const withoutComments = (code: string) =>
  code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');

const regexEscape = (s: string) => s.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');

/** Every experiment id and every rule key (the registry's and each experiment's). */
export function names(): { name: string; pattern: RegExp }[] {
  const ids = Object.keys(EXPERIMENTS);
  const rules = new Set<string>([
    ...ruleKeys(),
    ...Object.values(EXPERIMENTS).flatMap((e) => Object.keys(e.rules)),
  ]);
  return [
    // an id anywhere in code or text: 'fig3a', fig3a: {…}, "fig4.size=…"
    ...ids.map((id) => ({ name: id, pattern: new RegExp(`(?<![\\w-])${regexEscape(id)}(?![\\w-])`) })),
    // a rule key as a whole string literal, or as an object key
    ...[...rules].map((key) => ({
      name: key,
      pattern: new RegExp(`(['"\`])${regexEscape(key)}\\1|(?<![\\w.'"-])${regexEscape(key)}\\s*:(?!:)`),
    })),
  ];
}

/** `file: name` for each registry name an app source file uses outside the allow-list. */
export function sideTables(): string[] {
  const found: string[] = [];
  const all = names();
  for (const app of readdirSync(apps, { withFileTypes: true })) {
    if (!app.isDirectory()) continue;
    let files: string[] = [];
    try {
      files = sources(join(apps, app.name, 'src'));
    } catch {
      continue; // an app without src/
    }
    // and the app's page (index.html beside src/)
    const root = join(apps, app.name);
    files.push(
      ...readdirSync(root)
        .filter((f) => f.endsWith('.html'))
        .map((f) => join(root, f)),
    );
    for (const file of files) {
      const rel = relative(apps, file).split('\\').join('/');
      const code = withoutComments(readFileSync(file, 'utf8'));
      for (const { name, pattern } of all)
        if (pattern.test(code) && !ALLOWED.some((a) => a.file === rel && a.name === name))
          found.push(`${rel}: ${name}`);
    }
  }
  return found;
}

describe('apps name no experiment or rule', () => {
  it('no experiment id or rule key appears in apps/*/src outside tests and the allow-list', () => {
    expect(sideTables()).toEqual([]);
  });

  it('the patterns catch a switch case, a table key and a literal, not a longer word or prose', () => {
    const hits = (code: string) =>
      names()
        .filter((n) => n.pattern.test(withoutComments(code)))
        .map((n) => n.name)
        .sort();
    expect(hits("switch (id) { case 'fig2': return 1; }")).toEqual(['fig2']);
    expect(hits('const presets = { fig3a: { epochs: 5 } };')).toEqual(['fig3a']);
    expect(hits("const c = { 'fa-sparse50': orange, shallow: grey };")).toEqual(['fa-sparse50', 'shallow']);
    expect(hits("const label = 'Figure 4'; // fig4 in a comment")).toEqual([]);
    expect(hits("const n = 'fig2x'; const o = { fa_rate: 1 }; const mode = 'shallow copy';")).toEqual([]);
  });

  it('the scan finds a name where there is one (each allow-listed name is really there)', () => {
    for (const a of ALLOWED) {
      const code = withoutComments(readFileSync(join(apps, a.file), 'utf8'));
      const entry = names().find((n) => n.name === a.name);
      expect(entry?.pattern.test(code), `${a.file}: ${a.name}`).toBe(true);
    }
  });
});
