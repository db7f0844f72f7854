import { defineConfig } from 'tsup';

export default defineConfig({
  // Node only, ESM only. The two job entries are loaded by file name: by the local pool's
  // worker threads (pool-worker) and by BullMQ's sandboxed processors (queue-processor).
  entry: ['src/index.ts', 'src/testing.ts', 'src/pool-worker.ts', 'src/queue-processor.ts'],
  format: ['esm'],
  dts: { entry: ['src/index.ts', 'src/testing.ts'] },
  sourcemap: true,
  clean: true,
  target: 'node20',
  splitting: true,
});
