import {
  angleDegrees,
  classificationError,
  matrixAngleToTranspose,
  normalisedSquaredError,
  perNeuronAngles,
  summarize,
  welchTTest,
} from '@rfa/metrics';
import { Rng } from '@rfa/tensor';

const rng = new Rng(3);
const draw = (n: number) => Float32Array.from({ length: n }, () => rng.normal());

const target = draw(4 * 10); // 4 examples × 10 outputs, one example per row
const output = target.map((t) => t + 0.1 * rng.normal()); // a close prediction
const nse = normalisedSquaredError(output, target, 4, 10); // 0 perfect, 1 = predicting the batch mean

const deltaBP = draw(20); // backprop's hidden teaching signal
const deltaFA = deltaBP.map((d) => d + rng.normal()); // one that is partly aligned with it
const deltaAngle = angleDegrees(deltaFA, deltaBP); // degrees, in [0, 180]

const W = draw(10 * 20); // W is 10×20 (out × hidden); B is 20×10, here exactly Wᵀ
const B = new Float32Array(20 * 10);
for (let i = 0; i < 10; i++) for (let j = 0; j < 20; j++) B[j * 10 + i] = W[i * 20 + j];
const weightAngle = matrixAngleToTranspose(W, B, 10, 20); // 0: B is Wᵀ
const unitAngles = perNeuronAngles(W, B, 10, 20); // Float64Array(20), degrees

const error = classificationError([0.1, 0.9, 0.8, 0.2], [1, 1], 2, 2); // row 2 picks class 0: 0.5
const fa = summarize([0.0216, 0.0231, 0.0209]); // { mean, sd, n } over three seeds
const { t, df, p } = welchTTest([0.0742, 0.0738, 0.0749], [0.0003, 0.0007, 0.0002]); // two-sided
console.log(nse.toFixed(4), deltaAngle.toFixed(1), weightAngle.toFixed(6), Math.max(...unitAngles), error);
// 0.0158 32.9 0.000000 0 0.5
console.log(fa.mean.toFixed(4), fa.sd.toFixed(4), fa.n, t.toFixed(1), df.toFixed(2), p.toExponential(1));
// 0.0219 0.0011 3 207.6 2.86 4.6e-7
