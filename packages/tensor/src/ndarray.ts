/**
 * @rfa/tensor/ndarray — tensors to and from scijs ndarrays. A subpath of its own so that
 * the contract does not load `ndarray` (an optional peer: install it to use this entry).
 */
export { fromNdarray, type NdArrayLike, toNdarray } from './ndarray-interop.js';
