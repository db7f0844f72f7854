/**
 * @rfa/datasets/internal — IDX and gzip details for tools and tests. Not part of the
 * public API: anything here may change or go in any release.
 */
export { isGzip } from './gzip.js';
export { IDX_IMAGES_MAGIC, IDX_LABELS_MAGIC } from './idx.js';
