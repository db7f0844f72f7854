import { defineConfig } from 'vite';
import { workerAsChunk } from './scripts/worker-chunk.js';

// Cross-origin isolation (SharedArrayBuffer) lets the CPU backend use threads.
const isolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  base: './',
  plugins: [workerAsChunk(new URL('./src/worker/demo-worker.ts', import.meta.url).href)],
  server: { headers: isolation },
  preview: { headers: isolation },
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 4096,
    // a lazy chunk is not preloaded from code: Vite's preload helper adds <link> tags to the
    // document, and the worker (which imports the GPU backend lazily) has none
    modulePreload: { resolveDependencies: (_file, deps, { hostType }) => (hostType === 'html' ? deps : []) },
  },
});
