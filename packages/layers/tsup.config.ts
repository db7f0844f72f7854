import { packageBuild } from '@rfa/tsup-config';

export default packageBuild({
  entry: ['src/index.ts'],
});
