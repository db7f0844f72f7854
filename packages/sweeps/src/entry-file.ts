import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The built file of one of this package's worker entries (`pool-worker`, `queue-processor`),
 * which worker threads load by name: beside this module in `dist/`, or in `../dist/` when
 * this module runs from its source (tests).
 */
export function entryFile(name: string): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const beside = join(here, `${name}.js`);
  return existsSync(beside) ? beside : join(here, '..', 'dist', `${name}.js`);
}
