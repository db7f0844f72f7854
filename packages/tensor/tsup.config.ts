import { packageBuild } from '@rfa/tsup-config';

export default packageBuild({
  entry: ['src/index.ts', 'src/ndarray.ts', 'src/internal.ts'],
  // one shared chunk in both formats: Tensor and the error classes are one whichever entry loaded them
  splitting: true,
});
