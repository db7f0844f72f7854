import { ARG, runChunks } from './pool-chunk.js';

/**
 * Layout of one worker's control block (Int32 slots in shared wasm memory): the
 * main thread writes a job's arguments (`ARG` layout from slot ARGS), bumps SEQ
 * and notifies; the worker runs the chunks it claims from a shared counter,
 * writes SEQ into DONE and notifies back.
 */
export const SLOT = { SEQ: 0, DONE: 1, READY: 2, QUIT: 3, FAILED: 4, CHUNKS: 5, ARGS: 8 } as const;
/**
 * Loads of SEQ a worker spins through (~0.2-0.5 ms) before it sleeps: the next job
 * of a training step usually comes within that, and waking a sleeper costs ~10-50 µs
 * each time. On a 784-1000-10 step at batch 128 (idle, 2 cores) the threaded
 * activation took 215-235 µs with this spin and 255-400 µs without; a 5× longer
 * spin was sometimes slower (it competes with whatever else the machine runs).
 */
const SPIN_LOADS = 20_000;
/** Bytes of one control block. */
export const CONTROL_BYTES = 4 * (SLOT.ARGS + ARG.COUNT);

/**
 * The worker's whole program, as source text so it ships inside the bundle (no
 * worker file to locate): a Node `eval` worker and a browser Blob worker alike.
 * It instantiates the kernels on the shared memory it is sent; between jobs it
 * spins briefly, then sleeps in `Atomics.wait`, so a job costs a notify, not a message.
 */
export const WORKER_SOURCE = `
const SLOT = ${JSON.stringify(SLOT)};
const SPIN = ${SPIN_LOADS};
const runChunks = ${runChunks.toString()};
function start({ module, memory, control }) {
  const { exports } = new WebAssembly.Instance(module, { env: { memory } });
  const ints = new Int32Array(memory.buffer, control, ${CONTROL_BYTES / 4});
  const floats = new Float32Array(memory.buffer, control, ${CONTROL_BYTES / 4});
  Atomics.store(ints, SLOT.READY, 1);
  let seen = 0;
  for (;;) {
    for (let spin = 0; spin < SPIN && Atomics.load(ints, SLOT.SEQ) === seen; spin++);
    Atomics.wait(ints, SLOT.SEQ, seen);
    seen = Atomics.load(ints, SLOT.SEQ);
    if (Atomics.load(ints, SLOT.QUIT)) return;
    try {
      ints[SLOT.CHUNKS] += runChunks(exports, memory.buffer, ints, floats, SLOT.ARGS);
    } catch (error) {
      Atomics.store(ints, SLOT.FAILED, 1);
    }
    Atomics.store(ints, SLOT.DONE, seen);
    Atomics.notify(ints, SLOT.DONE);
  }
}
if (typeof require === 'function') require('node:worker_threads').parentPort.once('message', start);
else self.onmessage = (event) => start(event.data);
`;
