import { packageBuild } from '@rfa/tsup-config';

export default packageBuild({
  entry: ['src/index.ts', 'src/internal.ts'],
  // one shared chunk in both formats: the main and ./internal entries share one copy of each module
  splitting: true,
});
