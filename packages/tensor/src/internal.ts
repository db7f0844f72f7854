/**
 * @rfa/tensor/internal — the operand checks `KernelBackend` runs before every kernel, for
 * backends that bypass it. Not part of the public API (unstable): anything here may change
 * or go in any release, semver or not.
 */
export {
  checkActivation,
  checkArgmax,
  checkFinite,
  checkGemm,
  checkMatrix,
  checkOperands,
  checkRowVector,
  checkSameShape,
  checkSum,
  checkUnary,
  checkUpdateProject,
  checkWindowOp,
  windowShapes,
} from './validate.js';
export { checkWindowGeometry } from './window-geometry.js';
