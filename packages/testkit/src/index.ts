export { expectThrows, expectTrue } from './conformance/assert.js';
export * from './conformance/index.js';
export { countTypedArrays } from './count-typed-arrays.js';
export { expectClose, expectEqual, MismatchError, type Tolerance } from './expect-close.js';
export { ELEMENTWISE_SHAPES, GEMM_LARGE, GEMM_SIZES, randomArray } from './fixtures.js';
export { checkGradient, finiteDifferenceGradient, type GradientCheckResult } from './gradient-check.js';
export * from './reference.js';
export * from './reference-window.js';
