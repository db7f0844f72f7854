import { createGpuBackend } from '@rfa/backend-gpu';

const backend = await createGpuBackend(); // mode 'auto'; or { mode: 'webgl2' }, ...
console.log(backend.description); // the mode it got, the renderer, the CPU threshold
const a = backend.fromArray([1, 2, 3, 4, 5, 6], [2, 3]);
const w = backend.fromArray([1, 0, 0, 1, 1, 1], [3, 2]);
const y = backend.zeros([2, 2]);
backend.gemm(y, a, w); // [[4, 5], [10, 11]], on the device
backend.activate(y, y, 'tanh'); // out may alias the input
const values = await y.read(); // the one host transfer
console.log(Array.from(values, (v) => v.toFixed(4))); // [ '0.9993', '0.9999', '1.0000', '1.0000' ]
backend.dispose();
