import '@rfa/backend-cpu'; // registers 'cpu'
import { createBackend, Rng, ShapeError, scope } from '@rfa/tensor';

const backend = await createBackend('cpu');
const w = backend.zeros([3, 4]);
backend.randomUniform(w, new Rng(42), -0.5, 0.5); // same numbers on every backend
const x = backend.fromArray([1, 2, 3, 4, 5, 6, 7, 8], [2, 4]);
const y = backend.zeros([2, 3]);
backend.gemm(y, x, w, { transB: true }); // y = x · Wᵀ, written into y
backend.activate(y, y, 'tanh'); // elementwise ops may alias their input
const colSums = scope(() => {
  const s = backend.zeros([3]);
  backend.sum(s, y, 0);
  return s; // returned: kept; anything else made in the scope is disposed
});
try {
  backend.add(y, x, x);
} catch (e) {
  if (!(e instanceof ShapeError)) throw e;
  console.log(e.code, e.message); // SHAPE add: shapes differ: [2,3] vs [2,4] vs [2,4]
}
console.log(Array.from(await y.read(), (v) => v.toFixed(3))); // host copy (every backend)
// [ '-0.455', '-0.999', '-0.770', '-0.927', '-1.000', '-0.916' ]
console.log(colSums.readSync().length, backend.memory()); // 3 { tensors: 4, bytes: 116 }
backend.dispose();
