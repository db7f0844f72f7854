import type {
  Activation,
  Backend,
  BackendMemory,
  GemmOptions,
  UnaryOp,
  UpdateProjectOptions,
} from './backend.js';
import { OptionError } from './errors.js';
import type { Rng } from './rng.js';
import { checkLength, checkShape, type Shape, sizeOf } from './shape.js';
import { Tensor } from './tensor.js';
import {
  checkActivation,
  checkArgmax,
  checkFinite,
  checkGemm,
  checkOperands,
  checkRowVector,
  checkSameShape,
  checkSum,
  checkUnary,
  checkUpdateProject,
  checkWindowOp,
} from './validate.js';
import type { WindowGeometry } from './window-geometry.js';

/** gemm options with defaults filled in and the sizes resolved. */
export interface GemmPlan {
  m: number;
  n: number;
  k: number;
  transA: boolean;
  transB: boolean;
  alpha: number;
  beta: number;
}

/** `updateThenProject` with defaults filled in: W [n, m], D [p, n], S [p, m], X [q, m], Y [q, n]. */
export interface UpdateProjectPlan {
  n: number;
  m: number;
  p: number;
  q: number;
  alpha: number;
  beta: number;
  outAlpha: number;
  outBeta: number;
}

/**
 * Base class for backends: it validates every call (liveness, ownership, shapes,
 * options) and counts live tensors, then hands the work to the kernel methods a
 * backend implements. Validation lives here once, so every backend throws the
 * same typed errors with the same messages.
 */
export abstract class KernelBackend implements Backend {
  abstract readonly name: string;
  abstract readonly description: string;
  abstract readonly canReadSync: boolean;
  private liveCount = 0;
  private liveBytes = 0;

  protected abstract allocate(size: number): unknown;
  protected abstract free(handle: unknown): void;
  protected abstract upload(t: Tensor, data: ArrayLike<number>): void;
  protected abstract download(t: Tensor): Promise<Float32Array>;
  protected abstract downloadSync(t: Tensor): Float32Array;
  protected abstract kCopy(out: Tensor, src: Tensor): void;
  protected abstract kFill(out: Tensor, value: number): void;
  protected abstract kGemm(c: Tensor, a: Tensor, b: Tensor, plan: GemmPlan): void;
  protected abstract kBinary(op: 'add' | 'sub' | 'mul' | 'div', out: Tensor, a: Tensor, b: Tensor): void;
  protected abstract kScaleShift(out: Tensor, a: Tensor, scale: number, shift: number): void;
  protected abstract kAxpy(y: Tensor, alpha: number, x: Tensor): void;
  protected abstract kUnary(out: Tensor, a: Tensor, op: UnaryOp): void;
  protected abstract kClamp(out: Tensor, a: Tensor, low: number, high: number): void;
  protected abstract kGreater(out: Tensor, a: Tensor, threshold: number): void;
  protected abstract kAddRowVector(out: Tensor, a: Tensor, row: Tensor): void;
  protected abstract kSum(out: Tensor, a: Tensor, axis: 0 | 1): void;
  protected abstract kArgmaxRows(out: Tensor, a: Tensor): void;
  protected abstract kActivate(out: Tensor, a: Tensor, activation: Activation): void;
  protected abstract kActivationDerivative(out: Tensor, pre: Tensor, activation: Activation): void;
  protected abstract kIm2col(cols: Tensor, x: Tensor, g: WindowGeometry): void;
  protected abstract kCol2im(x: Tensor, cols: Tensor, g: WindowGeometry): void;
  protected abstract kMaxPool(out: Tensor, argmax: Tensor, x: Tensor, g: WindowGeometry): void;
  protected abstract kMaxPoolBackward(dx: Tensor, dy: Tensor, argmax: Tensor, g: WindowGeometry): void;
  protected abstract kAvgPool(out: Tensor, x: Tensor, g: WindowGeometry): void;
  protected abstract kAvgPoolBackward(dx: Tensor, dy: Tensor, g: WindowGeometry): void;
  /** Writes host-drawn uniforms in [0,1) into `out` then maps them; see the random* methods. */
  protected abstract kBernoulliFromUniform(out: Tensor, uniforms: Float32Array, p: number | Tensor): void;

  /**
   * out ~ Bernoulli(p), one `rng.uniform()` per entry in row-major order. The default
   * draws the uniforms on the host into a scratch array kept between calls (a spiking step
   * samples every layer, so no array is allocated per step); a backend may draw them
   * in its own kernel if it continues the same stream bit for bit.
   */
  protected kBernoulli(out: Tensor, rng: Rng, p: number | Tensor): void {
    const uniforms = this.hostScratch(out.size);
    for (let i = 0; i < uniforms.length; i++) uniforms[i] = rng.uniform();
    this.kBernoulliFromUniform(out, uniforms, p);
  }

  /**
   * A host array of `size` floats for numbers drawn on the host before they go to a
   * tensor (the random fills, Bernoulli's uniforms): a view of one scratch array kept
   * between calls, so a step that draws noise allocates nothing once its sizes were seen.
   * Its contents are only valid until the next call.
   */
  protected hostScratch(size: number): Float32Array {
    let view = this.scratchViews.get(size);
    if (!view) {
      if (this.scratch.length < size) {
        this.scratch = new Float32Array(size);
        this.scratchViews.clear();
      }
      view = this.scratch.subarray(0, size);
      this.scratchViews.set(size, view);
    }
    return view;
  }

  private scratch = new Float32Array(0);
  /** Views of `scratch` by length, so the sizes a step draws cost no allocation. */
  private readonly scratchViews = new Map<number, Float32Array>();

  /** Overridable fused kernel; the default composes the basic ones. */
  protected kBiasActivation(
    pre: Tensor,
    bias: Tensor,
    post: Tensor,
    activation: Activation,
    derivative?: Tensor,
  ): void {
    this.kAddRowVector(pre, pre, bias);
    if (derivative) this.kActivationDerivative(derivative, pre, activation);
    this.kActivate(post, pre, activation);
  }

  zeros(shape: Shape): Tensor {
    checkShape('zeros', shape);
    const size = sizeOf(shape);
    const t = new Tensor(this, shape, this.allocate(size));
    this.liveCount++;
    this.liveBytes += 4 * size;
    return t;
  }

  fromArray(data: ArrayLike<number>, shape: Shape): Tensor {
    checkShape('fromArray', shape);
    checkLength('fromArray', data.length, shape);
    const t = this.zeros(shape);
    this.upload(t, data);
    return t;
  }

  write(t: Tensor, data: ArrayLike<number>): void {
    checkOperands('write', this, t);
    checkLength('write', data.length, t.shape);
    this.upload(t, data);
  }

  read(t: Tensor): Promise<Float32Array> {
    checkOperands('read', this, t);
    return this.download(t);
  }

  readSync(t: Tensor): Float32Array {
    checkOperands('readSync', this, t);
    return this.downloadSync(t);
  }

  release(t: Tensor): void {
    if (t.handle === null) return;
    this.free(t.handle);
    this.liveCount--;
    this.liveBytes -= 4 * t.size;
  }

  memory(): BackendMemory {
    return { tensors: this.liveCount, bytes: this.liveBytes };
  }

  dispose(): void {}

  copy(out: Tensor, src: Tensor): void {
    checkOperands('copy', this, out, src);
    checkSameShape('copy', out, src);
    if (out !== src) this.kCopy(out, src);
  }

  fill(out: Tensor, value: number): void {
    checkOperands('fill', this, out);
    if (typeof value !== 'number')
      throw new OptionError(`fill: value must be a number, got ${String(value)}`);
    this.kFill(out, value);
  }

  gemm(c: Tensor, a: Tensor, b: Tensor, options: GemmOptions = {}): void {
    checkOperands('gemm', this, c, a, b);
    const [m, n, k] = checkGemm(c, a, b, options);
    const alpha = options.alpha ?? 1;
    const beta = options.beta ?? 0;
    checkFinite('gemm', 'alpha', alpha);
    checkFinite('gemm', 'beta', beta);
    this.kGemm(c, a, b, { m, n, k, transA: !!options.transA, transB: !!options.transB, alpha, beta });
  }

  updateThenProject(
    w: Tensor,
    d: Tensor,
    s: Tensor,
    x: Tensor,
    y: Tensor,
    options: UpdateProjectOptions = {},
  ): void {
    checkOperands('updateThenProject', this, w, d, s, x, y);
    const [n, m, p, q] = checkUpdateProject(w, d, s, x, y);
    const plan = {
      alpha: options.alpha ?? 1,
      beta: options.beta ?? 1,
      outAlpha: options.outAlpha ?? 1,
      outBeta: options.outBeta ?? 0,
    };
    for (const [name, v] of Object.entries(plan)) checkFinite('updateThenProject', name, v);
    this.kUpdateThenProject(w, d, s, x, y, { n, m, p, q, ...plan });
  }

  /** Default: the two products one after the other; a backend overrides it to fuse them. */
  protected kUpdateThenProject(
    w: Tensor,
    d: Tensor,
    s: Tensor,
    x: Tensor,
    y: Tensor,
    plan: UpdateProjectPlan,
  ): void {
    const { n, m, p, q } = plan;
    this.kGemm(w, d, s, {
      m: n,
      n: m,
      k: p,
      transA: true,
      transB: false,
      alpha: plan.alpha,
      beta: plan.beta,
    });
    this.kGemm(y, x, w, {
      m: q,
      n,
      k: m,
      transA: false,
      transB: true,
      alpha: plan.outAlpha,
      beta: plan.outBeta,
    });
  }

  private binary(op: 'add' | 'sub' | 'mul' | 'div', out: Tensor, a: Tensor, b: Tensor): void {
    checkOperands(op, this, out, a, b);
    checkSameShape(op, out, a, b);
    this.kBinary(op, out, a, b);
  }

  add(out: Tensor, a: Tensor, b: Tensor): void {
    this.binary('add', out, a, b);
  }

  sub(out: Tensor, a: Tensor, b: Tensor): void {
    this.binary('sub', out, a, b);
  }

  mul(out: Tensor, a: Tensor, b: Tensor): void {
    this.binary('mul', out, a, b);
  }

  div(out: Tensor, a: Tensor, b: Tensor): void {
    this.binary('div', out, a, b);
  }

  scale(out: Tensor, a: Tensor, alpha: number): void {
    checkOperands('scale', this, out, a);
    checkSameShape('scale', out, a);
    checkFinite('scale', 'alpha', alpha);
    this.kScaleShift(out, a, alpha, 0);
  }

  addScalar(out: Tensor, a: Tensor, s: number): void {
    checkOperands('addScalar', this, out, a);
    checkSameShape('addScalar', out, a);
    checkFinite('addScalar', 's', s);
    this.kScaleShift(out, a, 1, s);
  }

  axpy(y: Tensor, alpha: number, x: Tensor): void {
    checkOperands('axpy', this, y, x);
    checkSameShape('axpy', y, x);
    checkFinite('axpy', 'alpha', alpha);
    this.kAxpy(y, alpha, x);
  }

  unary(out: Tensor, a: Tensor, op: UnaryOp): void {
    checkOperands('unary', this, out, a);
    checkSameShape('unary', out, a);
    checkUnary(op);
    this.kUnary(out, a, op);
  }

  clamp(out: Tensor, a: Tensor, low: number, high: number): void {
    checkOperands('clamp', this, out, a);
    checkSameShape('clamp', out, a);
    if (!(low <= high)) throw new OptionError(`clamp: low (${low}) must not exceed high (${high})`);
    this.kClamp(out, a, low, high);
  }

  greater(out: Tensor, a: Tensor, threshold: number): void {
    checkOperands('greater', this, out, a);
    checkSameShape('greater', out, a);
    checkFinite('greater', 'threshold', threshold);
    this.kGreater(out, a, threshold);
  }

  addRowVector(out: Tensor, a: Tensor, row: Tensor): void {
    checkOperands('addRowVector', this, out, a, row);
    checkRowVector('addRowVector', out, a, row);
    this.kAddRowVector(out, a, row);
  }

  sum(out: Tensor, a: Tensor, axis: 0 | 1): void {
    checkOperands('sum', this, out, a);
    checkSum(out, a, axis);
    if (out === a) throw new OptionError('sum: out must not alias a');
    this.kSum(out, a, axis);
  }

  argmaxRows(out: Tensor, a: Tensor): void {
    checkOperands('argmaxRows', this, out, a);
    checkArgmax(out, a);
    this.kArgmaxRows(out, a);
  }

  activate(out: Tensor, a: Tensor, activation: Activation): void {
    checkOperands('activate', this, out, a);
    checkSameShape('activate', out, a);
    checkActivation('activate', activation);
    this.kActivate(out, a, activation);
  }

  activationDerivative(out: Tensor, pre: Tensor, activation: Activation): void {
    checkOperands('activationDerivative', this, out, pre);
    checkSameShape('activationDerivative', out, pre);
    checkActivation('activationDerivative', activation, true);
    this.kActivationDerivative(out, pre, activation);
  }

  biasActivation(pre: Tensor, bias: Tensor, post: Tensor, activation: Activation, derivative?: Tensor): void {
    const operands = derivative ? [pre, bias, post, derivative] : [pre, bias, post];
    checkOperands('biasActivation', this, ...operands);
    checkRowVector('biasActivation', post, pre, bias);
    if (derivative) checkSameShape('biasActivation', pre, derivative);
    checkActivation('biasActivation', activation, derivative !== undefined);
    this.kBiasActivation(pre, bias, post, activation, derivative);
  }

  im2col(cols: Tensor, x: Tensor, g: WindowGeometry): void {
    checkOperands('im2col', this, cols, x);
    checkWindowOp('im2col', g, 1, [
      ['cols', cols, 'cols'],
      ['x', x, 'image'],
    ]);
    this.kIm2col(cols, x, g);
  }

  col2im(x: Tensor, cols: Tensor, g: WindowGeometry): void {
    checkOperands('col2im', this, x, cols);
    checkWindowOp('col2im', g, 1, [
      ['x', x, 'image'],
      ['cols', cols, 'cols'],
    ]);
    this.kCol2im(x, cols, g);
  }

  maxPool(out: Tensor, argmax: Tensor, x: Tensor, g: WindowGeometry): void {
    checkOperands('maxPool', this, out, argmax, x);
    checkWindowOp('maxPool', g, 2, [
      ['out', out, 'pooled'],
      ['argmax', argmax, 'pooled'],
      ['x', x, 'image'],
    ]);
    this.kMaxPool(out, argmax, x, g);
  }

  maxPoolBackward(dx: Tensor, dy: Tensor, argmax: Tensor, g: WindowGeometry): void {
    checkOperands('maxPoolBackward', this, dx, dy, argmax);
    checkWindowOp('maxPoolBackward', g, 1, [
      ['dx', dx, 'image'],
      ['dy', dy, 'pooled'],
      ['argmax', argmax, 'pooled'],
    ]);
    this.kMaxPoolBackward(dx, dy, argmax, g);
  }

  avgPool(out: Tensor, x: Tensor, g: WindowGeometry): void {
    checkOperands('avgPool', this, out, x);
    checkWindowOp('avgPool', g, 1, [
      ['out', out, 'pooled'],
      ['x', x, 'image'],
    ]);
    this.kAvgPool(out, x, g);
  }

  avgPoolBackward(dx: Tensor, dy: Tensor, g: WindowGeometry): void {
    checkOperands('avgPoolBackward', this, dx, dy);
    checkWindowOp('avgPoolBackward', g, 1, [
      ['dx', dx, 'image'],
      ['dy', dy, 'pooled'],
    ]);
    this.kAvgPoolBackward(dx, dy, g);
  }

  randomUniform(out: Tensor, rng: Rng, low: number, high: number): void {
    checkOperands('randomUniform', this, out);
    checkFinite('randomUniform', 'low', low);
    checkFinite('randomUniform', 'high', high);
    const data = this.hostScratch(out.size);
    for (let i = 0; i < data.length; i++) data[i] = low + (high - low) * rng.uniform();
    this.upload(out, data);
  }

  randomNormal(out: Tensor, rng: Rng, mean: number, std: number): void {
    checkOperands('randomNormal', this, out);
    checkFinite('randomNormal', 'mean', mean);
    checkFinite('randomNormal', 'std', std);
    const data = this.hostScratch(out.size);
    for (let i = 0; i < data.length; i++) data[i] = mean + std * rng.normal();
    this.upload(out, data);
  }

  randomBernoulli(out: Tensor, rng: Rng, p: number | Tensor): void {
    if (typeof p === 'number') {
      checkOperands('randomBernoulli', this, out);
      checkFinite('randomBernoulli', 'p', p);
    } else {
      checkOperands('randomBernoulli', this, out, p);
      checkSameShape('randomBernoulli', out, p);
    }
    this.kBernoulli(out, rng, p);
  }
}
