import type { Options } from 'tsup';

/** What every package's build has unless it says otherwise. */
export declare const PACKAGE_BUILD: Readonly<
  Pick<Options, 'format' | 'dts' | 'sourcemap' | 'clean' | 'target'>
>;

/** A package's tsup options: `PACKAGE_BUILD` with `options` on top; `entry` is required. */
export declare function packageBuild(options: Options & { entry: string[] }): Options;
