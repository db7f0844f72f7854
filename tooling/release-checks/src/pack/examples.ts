import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import type { PublishablePackage } from '../publishable-packages.js';
import { type Run, run } from './commands.js';

export interface Example {
  /** Package name ('@rfa/tensor'). */
  name: string;
  /** The example's TypeScript file inside the test project (examples/<dir>.ts). */
  file: string;
  /** False when it imports `node:*` or a package's `/node` entry: it is not bundled for browsers. */
  browserSafe: boolean;
}

const NODE_ONLY_IMPORT = /from\s+'(node:[^']+|@rfa\/[^/']+\/node)'/;

/** Copies each package's examples/readme.ts into `project/examples/<dir>.ts`. */
export function copyExamples(packages: PublishablePackage[], project: string): Example[] {
  mkdirSync(join(project, 'examples'), { recursive: true });
  return packages.map((p) => {
    const source = join(p.path, 'examples', 'readme.ts');
    if (!existsSync(source))
      throw new Error(`${p.manifest.name} has no examples/readme.ts (its README example)`);
    const file = join(project, 'examples', `${p.dir}.ts`);
    copyFileSync(source, file);
    return { name: p.manifest.name, file, browserSafe: !NODE_ONLY_IMPORT.test(readFileSync(source, 'utf8')) };
  });
}

/**
 * Writes the example as an ES module (`.mjs`) and as CommonJS (`.cjs`, its body in an
 * async function so top-level await works, imports turned into `require`), types stripped.
 */
export function transpile(example: Example): { esm: string; cjs: string } {
  const source = readFileSync(example.file, 'utf8');
  const compile = (module: ts.ModuleKind) =>
    ts.transpileModule(source, {
      compilerOptions: { module, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: false },
      fileName: example.file,
    }).outputText;
  const esm = example.file.replace(/\.ts$/, '.mjs');
  const cjs = example.file.replace(/\.ts$/, '.cjs');
  writeFileSync(esm, compile(ts.ModuleKind.ESNext));
  writeFileSync(
    cjs,
    `(async () => {\n${compile(ts.ModuleKind.CommonJS)}\n})().catch((error) => {\n  console.error(error);\n  process.exit(1);\n});\n`,
  );
  return { esm, cjs };
}

/** Runs a transpiled example with this Node, in the project. */
export function runExample(file: string, project: string): Run {
  return run(process.execPath, [file], project, {}, 300_000);
}
