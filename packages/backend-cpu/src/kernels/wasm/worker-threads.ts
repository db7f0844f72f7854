import { ARG } from './pool-chunk.js';
import type { WasmKernels } from './wasm-instance.js';
import { CONTROL_BYTES, SLOT, WORKER_SOURCE } from './worker-source.js';

/** What the pool needs of a Node or browser worker. */
interface WorkerLike {
  postMessage(message: unknown): void;
  terminate(): unknown;
  unref?(): void;
  on?(event: 'error', listener: (error: unknown) => void): void;
}

interface Helper {
  worker: WorkerLike;
  control: number;
  ints: Int32Array;
  floats: Float32Array;
  scratch: number;
}

/** Starts one worker on the platform's Worker: node:worker_threads, or a Blob URL in a browser. */
function spawn(): WorkerLike | null {
  const nodeProcess = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const threads = nodeProcess?.getBuiltinModule?.('node:worker_threads') as
    | { Worker: new (source: string, options: { eval: boolean }) => WorkerLike }
    | undefined;
  if (threads) return new threads.Worker(WORKER_SOURCE, { eval: true });
  if (typeof Worker === 'function' && typeof Blob === 'function' && typeof URL !== 'undefined') {
    return new Worker(URL.createObjectURL(new Blob([WORKER_SOURCE], { type: 'text/javascript' })));
  }
  return null;
}

/** Whether this thread may block in Atomics.wait (not a browser's main thread). */
function canBlock(): boolean {
  try {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 1, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * A small fixed pool of worker threads on the kernels' shared memory. Each
 * worker has a control block and its own scratch in that memory and sleeps in
 * Atomics.wait between jobs; `post` hands a worker a job (a gemm or an activation
 * pass, whose chunks caller and workers claim from one counter) and `wait`
 * collects it. Workers are unref'd: they never keep a Node process alive, and
 * `dispose` ends them.
 */
export class WorkerThreads {
  private readonly helpers: Helper[] = [];
  private readonly blocking = canBlock();

  constructor(kernels: WasmKernels, workers: number, scratchBytes: number) {
    const { heap } = kernels;
    for (let w = 0; w < workers; w++) {
      const worker = spawn();
      if (!worker) break;
      worker.unref?.();
      const control = heap.alloc(CONTROL_BYTES);
      const scratch = heap.alloc(scratchBytes);
      const ints = new Int32Array(heap.memory.buffer, control, CONTROL_BYTES / 4);
      const floats = new Float32Array(heap.memory.buffer, control, CONTROL_BYTES / 4);
      // a worker that dies is never handed a job (jobs run on fewer threads) and must not crash the process
      worker.on?.('error', () => Atomics.store(ints, SLOT.FAILED, 1));
      worker.postMessage({ module: kernels.module, memory: heap.memory, control });
      this.helpers.push({ worker, control, ints, floats, scratch });
    }
  }

  private readyList: Helper[] = [];

  /** Workers that have started and wait for jobs (they boot asynchronously; checked until all are up). */
  ready(): Helper[] {
    if (this.readyList.length < this.helpers.length) {
      this.readyList = this.helpers.filter(
        (h) => Atomics.load(h.ints, SLOT.READY) === 1 && h.ints[SLOT.FAILED] === 0,
      );
    }
    return this.readyList;
  }

  /** Resolves once every worker has booted (or after `timeoutMs`); returns how many are ready. */
  async whenReady(timeoutMs = 5000): Promise<number> {
    const start = Date.now();
    while (this.ready().length < this.helpers.length && Date.now() - start < timeoutMs) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    return this.ready().length;
  }

  /** Chunks the workers have computed so far (a check that they take part). */
  chunksDone(): number {
    return this.helpers.reduce((sum, h) => sum + Atomics.load(h.ints, SLOT.CHUNKS), 0);
  }

  /** Workers started (ready or still booting). */
  get size(): number {
    return this.helpers.length;
  }

  /** Hands `helper` a job: the `ARG` block `args` (alpha, beta as floats) plus its own scratch; `wait` collects it. */
  post(helper: Helper, args: Int32Array, alpha: number, beta: number): void {
    const at = SLOT.ARGS;
    helper.ints.set(args, at);
    helper.floats[at + ARG.ALPHA] = alpha;
    helper.floats[at + ARG.BETA] = beta;
    helper.ints[at + ARG.SCRATCH] = helper.scratch;
    Atomics.add(helper.ints, SLOT.SEQ, 1);
    Atomics.notify(helper.ints, SLOT.SEQ);
  }

  /** Blocks until `helper` finished its job (spinning where Atomics.wait is not allowed). */
  wait(helper: Helper): void {
    const seq = Atomics.load(helper.ints, SLOT.SEQ);
    if (this.blocking) {
      for (
        let done = Atomics.load(helper.ints, SLOT.DONE);
        done !== seq;
        done = Atomics.load(helper.ints, SLOT.DONE)
      ) {
        Atomics.wait(helper.ints, SLOT.DONE, done);
      }
    } else {
      while (Atomics.load(helper.ints, SLOT.DONE) !== seq) {
        // a browser's main thread may not block: spin for the few milliseconds a panel takes
      }
    }
    if (helper.ints[SLOT.FAILED] !== 0) throw new Error('wasm worker failed: its kernel trapped');
  }

  /** Ends every worker. */
  dispose(): void {
    for (const h of this.helpers) {
      Atomics.store(h.ints, SLOT.QUIT, 1);
      Atomics.add(h.ints, SLOT.SEQ, 1);
      Atomics.notify(h.ints, SLOT.SEQ);
      h.worker.terminate();
    }
    this.helpers.length = 0;
    this.readyList = [];
  }
}
