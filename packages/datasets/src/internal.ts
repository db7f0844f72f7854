/**
 * @rfa/datasets/internal — the IDX and gzip parsing under the MNIST loaders, for tools and
 * tests. Not part of the public API (unstable): anything here may change or go in any release.
 */
export { asBytes, isGzip, maybeGunzip } from './gzip.js';
export { IDX_IMAGES_MAGIC, IDX_LABELS_MAGIC, type IdxHeader, readIdxHeader } from './idx.js';
export { type IdxImages, type ParseImagesOptions, parseIdxImages } from './idx-images.js';
export { type ParseLabelsOptions, parseIdxLabels } from './idx-labels.js';
export { imageFile, labelFile, makeIdx, mnistFiles } from './testing/make-idx.js';
