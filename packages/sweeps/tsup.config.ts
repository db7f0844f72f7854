import { packageBuild } from '@rfa/tsup-config';

export default packageBuild({
  // Node only, ESM only. The two job entries are loaded by file name: by the local pool's
  // worker threads (pool-worker) and by BullMQ's sandboxed processors (queue-processor).
  entry: ['src/index.ts', 'src/testing.ts', 'src/pool-worker.ts', 'src/queue-processor.ts'],
  format: ['esm'],
  dts: { entry: ['src/index.ts', 'src/testing.ts'] },
  target: 'node20',
  splitting: true,
});
