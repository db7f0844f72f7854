import type { KernelSpec } from './kernels/spec.js';
import { type GpuMode, isAsyncMode } from './modes.js';

/** What gpu.js hands back from a pipeline kernel: a Texture (GL), a buffer handle (WebGPU) or a Float32Array (webasm, cpu). */
type DeviceValue = { delete?: () => void; toArray?: () => unknown } | Float32Array;

/** A device-resident tensor's storage. `value` is filled when its kernel has run (at once, or later on WebGPU's queue). */
export interface DeviceRef {
  value: DeviceValue | null;
}

/** A kernel argument: device storage, host floats (uploaded by gpu.js) or a scalar. */
export type KernelArg = DeviceRef | Float32Array | number;

/** A gpu.js kernel callable; `kernel` is what actually runs (a CPUKernel after a fallback). */
type GpuKernel = ((...args: unknown[]) => DeviceValue) & { kernel?: { constructor: { name: string } } };
/** The part of a gpu.js GPU instance this file uses. */
type GpuInstance = {
  createKernel: (source: string, settings: Record<string, unknown>) => GpuKernel;
  destroy?: () => unknown;
};

/**
 * Runs cached gpu.js kernels in pipeline mode and owns the storage they return.
 * Sync modes run each kernel at the call; WebGPU (whose kernel calls return
 * Promises) runs them in call order on one promise chain, resolving argument
 * storage when each kernel runs, so issue order is execution order.
 */
export class Device {
  /** Storage objects held now (textures, storage buffers, arrays): the leak counter. */
  live = 0;
  /** Kernels compiled so far, per (op, shape). */
  readonly compiled = new Map<string, GpuKernel>();
  /** Kernels gpu.js moved to its CPU fallback; reported in the description. */
  readonly fallbacks = new Set<string>();
  private chain: Promise<void> = Promise.resolve();
  private failure: unknown = null;
  private readonly async: boolean;

  constructor(
    private readonly gpu: GpuInstance,
    readonly mode: GpuMode,
  ) {
    this.async = isAsyncMode(mode);
  }

  /** Runs `spec` over `size` outputs and returns the new storage. */
  run(spec: KernelSpec, size: number, args: KernelArg[]): DeviceRef {
    const kernel = this.kernel(spec, size);
    const ref: DeviceRef = { value: null };
    if (!this.async) {
      ref.value = kernel(...args.map(resolve));
      this.live++;
      this.checkFallback(spec, kernel);
      return ref;
    }
    // Host arrays may change before the queue reaches this kernel: copy them now.
    const frozen = args.map((a) => (a instanceof Float32Array ? a.slice() : a));
    this.enqueue(async () => {
      ref.value = await kernel(...frozen.map(resolve));
      this.live++;
    });
    return ref;
  }

  /** Frees storage once every kernel issued before has run. */
  release(ref: DeviceRef): void {
    const drop = () => {
      if (ref.value === null) return;
      if (!(ref.value instanceof Float32Array)) ref.value.delete?.();
      ref.value = null;
      this.live--;
    };
    if (this.async) this.enqueue(async () => drop());
    else drop();
  }

  async read(ref: DeviceRef): Promise<Float32Array> {
    if (this.async) await this.drain();
    return flatten(await toHost(ref.value));
  }

  readSync(ref: DeviceRef): Float32Array {
    return flatten(toHost(ref.value) as Float32Array);
  }

  /** Waits for every issued kernel; rethrows the first failure. */
  async drain(): Promise<void> {
    await this.chain;
    if (this.failure) throw this.failure;
  }

  destroy(): void {
    this.gpu.destroy?.();
    this.compiled.clear();
  }

  private enqueue(step: () => Promise<void>): void {
    this.chain = this.chain.then(step).catch((err) => {
      this.failure ??= err;
    });
  }

  private kernel(spec: KernelSpec, size: number): GpuKernel {
    const key = `${spec.key}#${size}`;
    let k = this.compiled.get(key);
    if (!k) {
      k = this.gpu.createKernel(spec.source, {
        output: [size],
        constants: spec.constants,
        pipeline: true,
        immutable: true,
        precision: 'single',
        tactic: 'precision',
        returnType: 'Number',
        loopMaxIterations: 1 << 20,
      });
      this.compiled.set(key, k);
    }
    return k;
  }

  private checkFallback(spec: KernelSpec, kernel: GpuKernel): void {
    if (this.mode === 'cpu' || this.fallbacks.has(spec.key)) return;
    if (kernel.kernel?.constructor.name === 'CPUKernel') this.fallbacks.add(spec.key);
  }
}

function resolve(arg: KernelArg): unknown {
  if (typeof arg === 'number' || arg instanceof Float32Array) return arg;
  if (arg.value === null)
    throw new Error('gpu backend: a kernel argument has no storage (disposed or never written)');
  return arg.value;
}

function toHost(value: DeviceValue | null): unknown {
  if (value === null) throw new Error('gpu backend: read of released storage');
  return value instanceof Float32Array ? value : value.toArray?.();
}

/** gpu.js returns Float32Array for 1D outputs (some modes a plain array, or a longer padded one); copy to exactly-owned floats. */
function flatten(values: unknown): Float32Array {
  if (values instanceof Float32Array) return values.slice();
  return Float32Array.from(values as ArrayLike<number>);
}
