export { angleDegrees, rowAngles } from './angles.js';
export { classificationError } from './classification-error.js';
export { softmaxCrossEntropyFromLogits } from './cross-entropy.js';
export type { HostArray } from './host-array.js';
export { normalisedSquaredError } from './normalised-squared-error.js';
export { portableAtan2 } from './portable-atan.js';
export { pseudoInverse } from './pseudo-inverse.js';
export { meanSquaredErrorLoss, sumSquaredError } from './squared-error.js';
export { studentTCdf, studentTTwoSidedP } from './student-t.js';
export { mean, type Summary, sampleVariance, standardDeviation, summarize } from './summary.js';
export {
  tensorAngle,
  tensorClassificationError,
  tensorMatrixAngleToTranspose,
  tensorNormalisedSquaredError,
  tensorPerNeuronAngles,
} from './tensor-metrics.js';
export { updateAngle } from './update-angle.js';
export { matrixAngleToTranspose, perNeuronAngles } from './weight-angles.js';
export { type WelchTTestResult, welchTTest } from './welch-t-test.js';
