// The one tsup build of rfa's packages. A package's tsup.config.ts names its entries and
// what differs (splitting, shims, an ESM-only Node target); everything else is here.

/** What every package's build has unless it says otherwise. */
export const PACKAGE_BUILD = Object.freeze({
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
});

/**
 * A package's tsup options: `PACKAGE_BUILD` with `options` on top.
 * @example
 * // packages/x/tsup.config.ts
 * import { packageBuild } from '@rfa/tsup-config';
 * export default packageBuild({ entry: ['src/index.ts', 'src/internal.ts'], splitting: true });
 */
export function packageBuild(options) {
  if (!Array.isArray(options?.entry) || options.entry.length === 0) {
    throw new TypeError('packageBuild: entry must be a non-empty array of source files');
  }
  return { ...PACKAGE_BUILD, ...options };
}
