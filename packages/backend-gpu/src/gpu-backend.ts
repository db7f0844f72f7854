import type { CpuBackend } from '@rfa/backend-cpu';
import {
  type Activation,
  type BackendMemory,
  type GemmPlan,
  KernelBackend,
  keep,
  reshapeView,
  sameShape,
  type Tensor,
  type UnaryOp,
  UnsupportedError,
  type WindowGeometry,
} from '@rfa/tensor';
import type { Device, DeviceRef, KernelArg } from './device.js';
import * as act from './kernels/activation.js';
import * as ew from './kernels/elementwise.js';
import { gemm } from './kernels/gemm.js';
import * as rows from './kernels/rows.js';
import type { KernelSpec } from './kernels/spec.js';
import * as win from './kernels/window.js';
import { type GpuMode, isAsyncMode } from './modes.js';

/**
 * A tensor's storage. Small tensors (size below the threshold) live on the host
 * in a CpuBackend tensor; the rest in device storage. Both are made lazily, on
 * first use, so a tensor that is written before it is read never pays a fill.
 * A host tensor written by a device kernel moves to the device for good: moving
 * back would need a readback, which a training step must not do.
 */
interface Handle {
  onHost: boolean;
  host: Tensor | null;
  device: DeviceRef | null;
}

const handleOf = (t: Tensor): Handle => t.handle as Handle;

/** Memory of the GPU backend: tensors, plus what the device holds. */
export interface GpuBackendMemory extends BackendMemory {
  /** Device storage objects alive now: textures (GL), storage buffers (WebGPU), arrays (webasm, cpu). */
  deviceBuffers: number;
  /** Textures the GL context holds (created − deleted), where the context was instrumented; else null. */
  glTextures: number | null;
  /** Tensors living on the host (below the threshold). */
  hostTensors: number;
}

export interface GpuBackendParts {
  device: Device;
  cpu: CpuBackend;
  cpuThreshold: number;
  renderer: string;
  /** Why the mode is not the one asked for, when it is not. */
  fallbackNote?: string;
  glTextures?: () => number;
}

/**
 * The Backend interface as gpu.js kernels. Tensors stay in device storage between
 * ops (pipeline mode, immutable outputs): every op writes a fresh texture or
 * buffer and swaps it into the output tensor, deleting the old one, so outputs may
 * alias inputs. Data crosses to the host only on read/readSync. Work on tensors
 * below `cpuThreshold` entries runs on a private CPU backend.
 */
export class GpuBackend extends KernelBackend {
  readonly name = 'gpu';
  readonly canReadSync: boolean;
  readonly mode: GpuMode;
  readonly cpuThreshold: number;
  readonly renderer: string;
  private readonly device: Device;
  private readonly cpu: CpuBackend;
  private readonly fallbackNote?: string;
  private readonly glTextures?: () => number;

  constructor(parts: GpuBackendParts) {
    super();
    this.device = parts.device;
    this.cpu = parts.cpu;
    this.mode = parts.device.mode;
    this.cpuThreshold = parts.cpuThreshold;
    this.renderer = parts.renderer;
    this.fallbackNote = parts.fallbackNote;
    this.glTextures = parts.glTextures;
    this.canReadSync = !isAsyncMode(this.mode);
  }

  get description(): string {
    const where =
      this.mode === 'cpu' ? 'gpu.js cpu mode (JavaScript on the CPU, no GPU)' : `gpu.js ${this.mode} mode`;
    const parts = [
      `gpu: ${where} on ${this.renderer}`,
      `float32 ('single' precision) pipeline ${this.mode === 'webgpu' ? 'storage buffers' : 'textures'}`,
      `tensors under ${this.cpuThreshold} entries run on the CPU backend`,
    ];
    if (this.fallbackNote) parts.push(`FALLBACK: ${this.fallbackNote}`);
    if (this.device.fallbacks.size > 0)
      parts.push(`kernels gpu.js moved to its CPU fallback: ${[...this.device.fallbacks].join(', ')}`);
    return parts.join('; ');
  }

  /** Live tensors and bytes (as every backend), plus device storage counters for leak tests. */
  override memory(): GpuBackendMemory {
    return {
      ...super.memory(),
      deviceBuffers: this.device.live,
      glTextures: this.glTextures ? this.glTextures() : null,
      hostTensors: this.cpu.memory().tensors,
    };
  }

  /** Resolves when every kernel issued so far has run (WebGPU queues them; other modes run at the call). */
  finish(): Promise<void> {
    return this.device.drain();
  }

  override dispose(): void {
    this.device.destroy();
    this.cpu.dispose();
  }

  protected allocate(size: number): Handle {
    return { onHost: size < this.cpuThreshold, host: null, device: null };
  }

  protected free(handle: unknown): void {
    const h = handle as Handle;
    h.host?.dispose();
    if (h.device) this.device.release(h.device);
    h.host = null;
    h.device = null;
  }

  protected upload(t: Tensor, data: ArrayLike<number>): void {
    if (handleOf(t).onHost) this.cpu.write(this.host(t), data);
    else this.put(t, ew.copy, [data instanceof Float32Array ? data : Float32Array.from(data)]);
  }

  protected async download(t: Tensor): Promise<Float32Array> {
    if (handleOf(t).onHost) return this.cpu.read(this.host(t));
    return (await this.device.read(this.dev(t))).subarray(0, t.size);
  }

  protected downloadSync(t: Tensor): Float32Array {
    if (handleOf(t).onHost) return this.cpu.readSync(this.host(t));
    if (!this.canReadSync)
      throw new UnsupportedError(
        `readSync: the gpu backend in ${this.mode} mode reads back asynchronously; use read()`,
      );
    return this.device.readSync(this.dev(t)).subarray(0, t.size);
  }

  protected kCopy(out: Tensor, src: Tensor): void {
    this.route(
      [out, src],
      ([o, s]) => this.cpu.copy(o, s),
      () => [ew.copy, [this.arg(src)]],
    );
  }

  protected kFill(out: Tensor, value: number): void {
    this.route(
      [out],
      ([o]) => this.cpu.fill(o, value),
      () => [ew.fill, [value]],
    );
  }

  protected kGemm(c: Tensor, a: Tensor, b: Tensor, p: GemmPlan): void {
    const options = { transA: p.transA, transB: p.transB, alpha: p.alpha, beta: p.beta };
    this.route(
      [c, a, b],
      ([hc, ha, hb]) => this.cpu.gemm(hc, ha, hb, options),
      () => [
        gemm(p),
        p.beta !== 0
          ? [this.arg(a), this.arg(b), p.alpha, p.beta, this.arg(c)]
          : [this.arg(a), this.arg(b), p.alpha],
      ],
    );
  }

  protected kBinary(op: ew.BinaryOp, out: Tensor, a: Tensor, b: Tensor): void {
    this.route(
      [out, a, b],
      ([o, ha, hb]) => this.cpu[op](o, ha, hb),
      () => [ew.binary(op), [this.arg(a), this.arg(b)]],
    );
  }

  protected kScaleShift(out: Tensor, a: Tensor, scale: number, shift: number): void {
    this.route(
      [out, a],
      ([o, ha]) => {
        if (shift === 0) this.cpu.scale(o, ha, scale);
        else if (scale === 1) this.cpu.addScalar(o, ha, shift);
        else {
          this.cpu.scale(o, ha, scale);
          this.cpu.addScalar(o, o, shift);
        }
      },
      () => [ew.scaleShift, [this.arg(a), scale, shift]],
    );
  }

  protected kAxpy(y: Tensor, alpha: number, x: Tensor): void {
    this.route(
      [y, x],
      ([hy, hx]) => this.cpu.axpy(hy, alpha, hx),
      () => [ew.axpy, [this.arg(y), this.arg(x), alpha]],
    );
  }

  protected kUnary(out: Tensor, a: Tensor, op: UnaryOp): void {
    this.route(
      [out, a],
      ([o, ha]) => this.cpu.unary(o, ha, op),
      () => [ew.unary(op), [this.arg(a)]],
    );
  }

  protected kClamp(out: Tensor, a: Tensor, low: number, high: number): void {
    this.route(
      [out, a],
      ([o, ha]) => this.cpu.clamp(o, ha, low, high),
      () => [ew.clamp, [this.arg(a), low, high]],
    );
  }

  protected kGreater(out: Tensor, a: Tensor, threshold: number): void {
    this.route(
      [out, a],
      ([o, ha]) => this.cpu.greater(o, ha, threshold),
      () => [ew.greater, [this.arg(a), threshold]],
    );
  }

  protected kAddRowVector(out: Tensor, a: Tensor, row: Tensor): void {
    this.route(
      [out, a, row],
      ([o, ha, hr]) => this.cpu.addRowVector(o, ha, hr),
      () => [rows.addRowVector(a.cols), [this.arg(a), this.arg(row)]],
    );
  }

  protected kSum(out: Tensor, a: Tensor, axis: 0 | 1): void {
    this.route(
      [out, a],
      ([o, ha]) => this.cpu.sum(o, ha, axis),
      () => [rows.sum(a.rows, a.cols, axis), [this.arg(a)]],
    );
  }

  protected kArgmaxRows(out: Tensor, a: Tensor): void {
    this.route(
      [out, a],
      ([o, ha]) => this.cpu.argmaxRows(o, ha),
      () => [rows.argmaxRows(a.cols), [this.arg(a)]],
    );
  }

  protected kActivate(out: Tensor, a: Tensor, activation: Activation): void {
    this.route(
      [out, a],
      ([o, ha]) => this.cpu.activate(o, ha, activation),
      () => [act.activate(activation, a.cols), [this.arg(a)]],
    );
  }

  protected kActivationDerivative(out: Tensor, pre: Tensor, activation: Activation): void {
    this.route(
      [out, pre],
      ([o, hp]) => this.cpu.activationDerivative(o, hp, activation),
      () => [act.activationDerivative(activation as Exclude<Activation, 'softmax'>), [this.arg(pre)]],
    );
  }

  protected kIm2col(cols: Tensor, x: Tensor, g: WindowGeometry): void {
    this.route(
      [cols, x],
      ([hc, hx]) => this.cpu.im2col(hc, hx, g),
      () => [win.im2col(g), [this.arg(x)]],
    );
  }

  protected kCol2im(x: Tensor, cols: Tensor, g: WindowGeometry): void {
    this.route(
      [x, cols],
      ([hx, hc]) => this.cpu.col2im(hx, hc, g),
      () => [win.col2im(g), [this.arg(cols)]],
    );
  }

  /** Two device kernels (the max, then the winner's tap), since a gpu.js kernel writes one output. */
  protected kMaxPool(out: Tensor, argmax: Tensor, x: Tensor, g: WindowGeometry): void {
    if (this.onHost(out, argmax, x)) {
      this.cpu.maxPool(this.host(out), this.host(argmax), this.host(x), g);
      return;
    }
    const input = this.arg(x);
    this.put(out, win.maxPool(g, 'value'), [input]);
    this.put(argmax, win.maxPool(g, 'index'), [input]);
  }

  protected kMaxPoolBackward(dx: Tensor, dy: Tensor, argmax: Tensor, g: WindowGeometry): void {
    this.route(
      [dx, dy, argmax],
      ([hdx, hdy, ha]) => this.cpu.maxPoolBackward(hdx, hdy, ha, g),
      () => [win.maxPoolBackward(g), [this.arg(dy), this.arg(argmax)]],
    );
  }

  protected kAvgPool(out: Tensor, x: Tensor, g: WindowGeometry): void {
    this.route(
      [out, x],
      ([ho, hx]) => this.cpu.avgPool(ho, hx, g),
      () => [win.avgPool(g), [this.arg(x)]],
    );
  }

  protected kAvgPoolBackward(dx: Tensor, dy: Tensor, g: WindowGeometry): void {
    this.route(
      [dx, dy],
      ([hdx, hdy]) => this.cpu.avgPoolBackward(hdx, hdy, g),
      () => [win.avgPoolBackward(g), [this.arg(dy)]],
    );
  }

  protected kBernoulliFromUniform(out: Tensor, uniforms: Float32Array, p: number | Tensor): void {
    const perEntry = typeof p !== 'number';
    this.route(
      perEntry ? [out, p] : [out],
      ([o, hp]) => {
        const ov = this.cpu.hostView(o);
        const pv = hp ? this.cpu.hostView(hp) : null;
        for (let i = 0; i < ov.length; i++) ov[i] = uniforms[i] < (pv ? pv[i] : (p as number)) ? 1 : 0;
      },
      () => [ew.bernoulli(perEntry), [uniforms, perEntry ? this.arg(p) : p]],
    );
  }

  /**
   * Runs one op where its tensors live: `onCpu` on the private CPU backend (given each
   * tensor's host tensor, in order) when every tensor is a host tensor, else the device
   * kernel `device()` returns, into `tensors[0]` (the output). `device` is called only
   * on that path, so a host run never touches device storage.
   */
  private route(
    tensors: Tensor[],
    onCpu: (host: Tensor[]) => void,
    device: () => [KernelSpec, KernelArg[]],
  ): void {
    if (this.onHost(...tensors)) onCpu(tensors.map((t) => this.host(t)));
    else {
      const [spec, args] = device();
      this.put(tensors[0], spec, args);
    }
  }

  private onHost(...ts: Tensor[]): boolean {
    for (const t of ts) if (!handleOf(t).onHost) return false;
    return true;
  }

  /**
   * The host tensor of a host-resident tensor, made on first use. A view (`reshapeView`)
   * shares its base's handle, so it gets a CPU view of the same host tensor in its own
   * shape, kept until the host tensor changes.
   */
  private host(t: Tensor): Tensor {
    const h = handleOf(t);
    if (!h.host) h.host = keep(this.cpu.zeros(t.shape));
    if (sameShape(h.host.shape, t.shape)) return h.host;
    let view = this.hostViews.get(t);
    if (!view || view.base !== h.host) {
      view = keep(reshapeView(h.host, t.shape));
      this.hostViews.set(t, view);
    }
    return view;
  }

  /** CPU views of host tensors, for GPU tensors that are views of another shape. */
  private readonly hostViews = new WeakMap<Tensor, Tensor>();

  /** The device storage of a device-resident tensor; a never-written one is zero-filled now. */
  private dev(t: Tensor): DeviceRef {
    const h = handleOf(t);
    if (!h.device) h.device = this.device.run(ew.fill, t.size, [0]);
    return h.device;
  }

  /** A tensor as a kernel input: device storage, or the host floats (gpu.js uploads them). */
  private arg(t: Tensor): KernelArg {
    return handleOf(t).onHost ? this.cpu.hostView(this.host(t)) : this.dev(t);
  }

  /** Runs a kernel into fresh storage and swaps it into `out`; old storage is released after. */
  private put(out: Tensor, spec: KernelSpec, args: KernelArg[]): void {
    const ref = this.device.run(spec, out.size, args);
    const h = handleOf(out);
    if (h.device) this.device.release(h.device);
    h.host?.dispose();
    h.host = null;
    h.onHost = false;
    h.device = ref;
  }
}
