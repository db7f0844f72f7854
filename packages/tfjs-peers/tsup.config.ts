import { packageBuild } from '@rfa/tsup-config';

export default packageBuild({
  // ESM only. The main entry runs anywhere (the browser race bundles it into its tfjs worker);
  // `./node` loads TensorFlow.js and its wasm binaries from node_modules.
  entry: ['src/index.ts', 'src/node.ts'],
  format: ['esm'],
  dts: { entry: ['src/index.ts', 'src/node.ts'] },
  target: 'node20',
  splitting: true,
});
