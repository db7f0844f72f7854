import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/cli.ts'],
  format: ['esm'],
  dts: false,
  sourcemap: true,
  clean: true,
  target: 'node20',
  // private tooling shipped as TypeScript source: bundled in (it only holds the Chromium launch flags we use)
  noExternal: ['@rfa/browser-testing'],
});
