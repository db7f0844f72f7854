import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { type Run, run } from './commands.js';

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

/**
 * The two ways a user's project resolves modules that the examples must compile under
 * (TypeScript's default libraries for the target, DOM included: backend-cpu's types name
 * `WebAssembly.Memory`, which @types/node 20 does not declare).
 */
export const RESOLUTIONS = {
  bundler: { module: 'ESNext', moduleResolution: 'bundler' },
  node16: { module: 'node16', moduleResolution: 'node16' },
} as const;

/**
 * Type-checks the project's examples with TypeScript (this repo's pinned version) in
 * strict mode, without skipLibCheck, so every shipped .d.ts is checked too.
 */
export function typecheckExamples(project: string, resolution: keyof typeof RESOLUTIONS): Run {
  const config = join(project, `tsconfig.${resolution}.json`);
  const compilerOptions = {
    ...RESOLUTIONS[resolution],
    target: 'ES2022',
    strict: true,
    skipLibCheck: false,
    noEmit: true,
    types: ['node'],
  };
  writeFileSync(config, `${JSON.stringify({ compilerOptions, include: ['examples/*.ts'] }, null, 2)}\n`);
  return run(process.execPath, [tsc, '-p', config], project);
}
