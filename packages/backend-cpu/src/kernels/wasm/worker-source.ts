/**
 * Layout of one worker's control block (Int32 slots in shared wasm memory): the
 * main thread writes a job's arguments, bumps SEQ and notifies; the worker runs
 * `gemmPanel` on column chunks it claims from a shared counter, writes SEQ into
 * DONE and notifies back.
 */
export const SLOT = { SEQ: 0, DONE: 1, READY: 2, QUIT: 3, FAILED: 4, CHUNKS: 5, ARGS: 8, ALPHA: 24, BETA: 25 } as const;
/** Bytes of one control block. */
export const CONTROL_BYTES = 128;

/**
 * The worker's whole program, as source text so it ships inside the bundle (no
 * worker file to locate): a Node `eval` worker and a browser Blob worker alike.
 * It instantiates the kernels on the shared memory it is sent and then sleeps in
 * `Atomics.wait` between jobs, so a job costs a notify, not a message.
 */
export const WORKER_SOURCE = `
const SLOT = ${JSON.stringify(SLOT)};
function start({ module, memory, control }) {
  const { exports } = new WebAssembly.Instance(module, { env: { memory } });
  const ints = new Int32Array(memory.buffer, control, ${CONTROL_BYTES / 4});
  const floats = new Float32Array(memory.buffer, control, ${CONTROL_BYTES / 4});
  Atomics.store(ints, SLOT.READY, 1);
  let seen = 0;
  for (;;) {
    Atomics.wait(ints, SLOT.SEQ, seen);
    seen = Atomics.load(ints, SLOT.SEQ);
    if (Atomics.load(ints, SLOT.QUIT)) return;
    const x = SLOT.ARGS;
    try {
      // claim column chunks until none is left; the caller claims from the same counter
      const n = ints[x + 8];
      const chunk = ints[x + 10];
      const next = new Int32Array(memory.buffer, ints[x + 11], 1);
      for (let j0 = Atomics.add(next, 0, chunk); j0 < n; j0 = Atomics.add(next, 0, chunk)) {
        exports.gemmPanel(ints[x], ints[x + 1], ints[x + 2], ints[x + 3], ints[x + 4], ints[x + 5], ints[x + 6],
          ints[x + 7], n, ints[x + 9], floats[SLOT.ALPHA], floats[SLOT.BETA], j0, Math.min(n, j0 + chunk), ints[x + 12]);
        ints[SLOT.CHUNKS]++;
      }
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
