export type {
  Activation,
  Backend,
  BackendMemory,
  GemmOptions,
  UnaryOp,
  UpdateProjectOptions,
} from './backend.js';
export { ACTIVATIONS, UNARY_OPS } from './backend.js';
export {
  BackendMismatchError,
  BackendStartError,
  DisposedError,
  LengthError,
  MissingPackageError,
  OptionError,
  RfaError,
  ShapeError,
  UnknownBackendError,
  UnsupportedError,
} from './errors.js';
export { type GemmPlan, KernelBackend, type UpdateProjectPlan } from './kernel-backend.js';
export {
  type BackendFactory,
  type BackendFailure,
  type ChooseBackendOptions,
  type ChosenBackend,
  chooseBackend,
  createBackend,
  fallbackOrder,
  listBackends,
  registerBackend,
  unregisterBackend,
} from './registry.js';
export { reshapeView, sameStorage } from './reshape-view.js';
export { createRng, Rng, type RngState } from './rng.js';
export { keep, scope, scopeAsync } from './scope.js';
export { checkLength, checkShape, formatShape, rowsCols, type Shape, sameShape, sizeOf } from './shape.js';
export { Tensor } from './tensor.js';
export {
  type WindowGeometry,
  type WindowGeometryOptions,
  type WindowPadding,
  windowGeometry,
} from './window-geometry.js';
