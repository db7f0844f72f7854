import { defineConfig } from 'tsup';

export default defineConfig({
  // index is browser-safe; node adds file I/O (node:fs) behind '@rfa/train/node'.
  entry: ['src/index.ts', 'src/node.ts', 'src/internal.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
  // one shared chunk in both formats, so CheckpointError is one class whichever entry threw it
  splitting: true,
});
