/**
 * @rfa/train/internal — pieces of the checkpoint format for tools and tests. Not part
 * of the public API: anything here may change or go in any release.
 */
export { crc32 } from './checkpoint/crc32.js';
export { CHECKPOINT_MAGIC } from './checkpoint/format.js';
