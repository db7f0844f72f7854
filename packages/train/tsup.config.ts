import { packageBuild } from '@rfa/tsup-config';

export default packageBuild({
  // index is browser-safe; node adds file I/O (node:fs) behind '@rfa/train/node'.
  entry: ['src/index.ts', 'src/node.ts', 'src/internal.ts'],
  // one shared chunk in both formats, so CheckpointError is one class whichever entry threw it
  splitting: true,
});
