import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

/** What the page imports for its worker's URL. */
const ID = 'virtual:demo-worker-url';
const RESOLVED = `\0${ID}`;

/**
 * Builds the training worker as a chunk of the page's own build, not as Vite's separate
 * worker bundle: the code both load (the experiments, the learning rules, zod, comlink) is
 * then one shared chunk, fetched once, instead of a copy in each. `import url from
 * 'virtual:demo-worker-url'` gives the worker's URL (the dev server's module in `vite dev`).
 */
export function workerAsChunk(entry: string): Plugin {
  let serve = false;
  return {
    name: 'rfa-demo-worker-as-chunk',
    configResolved(config) {
      serve = config.command === 'serve';
    },
    resolveId: (id) => (id === ID ? RESOLVED : undefined),
    load(id) {
      if (id !== RESOLVED) return undefined;
      const file = fileURLToPath(entry);
      if (serve) return `export default new URL(${JSON.stringify(`/@fs${file}`)}, import.meta.url).href;`;
      const ref = this.emitFile({ type: 'chunk', id: file, name: 'demo-worker' });
      return `export default import.meta.ROLLUP_FILE_URL_${ref};`;
    },
  };
}
