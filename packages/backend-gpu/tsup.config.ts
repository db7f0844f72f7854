import { packageBuild } from '@rfa/tsup-config';

export default packageBuild({
  entry: ['src/index.ts'],
  // import.meta.url (finding the optional gl package beside gpu.js) in the CommonJS build.
  shims: true,
});
