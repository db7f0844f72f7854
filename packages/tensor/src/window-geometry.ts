import { OptionError, ShapeError } from './errors.js';

/**
 * Where the windows of a convolution or a pooling lie over a batch of NHWC images.
 * An image batch is a `[batch, height·width·channels]` tensor, row-major, so pixel
 * (y, x), channel c of image b is entry `b·H·W·C + (y·W + x)·C + c`.
 * Zero padding `padTop`/`padLeft` comes before the image; the padding after it is
 * whatever the last window needs (implied by `outHeight`/`outWidth`).
 */
export interface WindowGeometry {
  batch: number;
  height: number;
  width: number;
  channels: number;
  kernelHeight: number;
  kernelWidth: number;
  strideHeight: number;
  strideWidth: number;
  padTop: number;
  padLeft: number;
  outHeight: number;
  outWidth: number;
}

/** Padding: 'valid' (none), 'same' (TensorFlow's rule: out = ceil(in / stride)), or explicit zeros on every side. */
export type WindowPadding = 'valid' | 'same' | number | [number, number];

export interface WindowGeometryOptions {
  batch: number;
  height: number;
  width: number;
  channels: number;
  /** Window size: one number for a square, or [height, width]. */
  kernel: number | [number, number];
  /** Step between windows; default 1. */
  stride?: number | [number, number];
  /** Default 'valid'. A number p pads p rows/columns on each side ([top/bottom, left/right] for a pair). */
  padding?: WindowPadding;
}

const OP = 'windowGeometry';

function positive(name: string, value: unknown, error: typeof ShapeError | typeof OptionError): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1)
    throw new error(`${OP}: ${name} must be a positive integer, got ${String(value)}`);
  return value;
}

function pair(name: string, value: unknown): [number, number] {
  if (Array.isArray(value)) {
    if (value.length !== 2)
      throw new OptionError(
        `${OP}: ${name} must be a number or [height, width], got ${JSON.stringify(value)}`,
      );
    return [positive(`${name}[0]`, value[0], OptionError), positive(`${name}[1]`, value[1], OptionError)];
  }
  const v = positive(name, value, OptionError);
  return [v, v];
}

/** One axis: [padBefore, out] for `size` pixels, window `k`, stride `s`. */
function axis(
  label: 'height' | 'width',
  size: number,
  k: number,
  s: number,
  padding: 'valid' | 'same' | number,
): [number, number] {
  if (padding === 'same') {
    const out = Math.ceil(size / s);
    const total = Math.max((out - 1) * s + k - size, 0);
    return [Math.floor(total / 2), out];
  }
  const pad = padding === 'valid' ? 0 : padding;
  if (pad >= k)
    throw new OptionError(
      `${OP}: padding ${pad} along the ${label} must be smaller than the kernel (${k}), or a window could hold only padding`,
    );
  const span = size + 2 * pad - k;
  if (span < 0)
    throw new ShapeError(
      `${OP}: a kernel of ${k} does not fit the ${label} ${size}${pad ? ` padded by ${pad} on each side` : ''}`,
    );
  return [pad, Math.floor(span / s) + 1];
}

function paddingPair(padding: unknown): ['valid' | 'same' | number, 'valid' | 'same' | number] {
  if (padding === 'valid' || padding === 'same') return [padding, padding];
  const check = (name: string, p: unknown): number => {
    if (typeof p !== 'number' || !Number.isInteger(p) || p < 0)
      throw new OptionError(
        `${OP}: ${name} must be 'valid', 'same', a non-negative integer or a pair of them, got ${JSON.stringify(p)}`,
      );
    return p;
  };
  if (Array.isArray(padding)) {
    if (padding.length !== 2)
      throw new OptionError(`${OP}: padding pair must be [height, width], got ${JSON.stringify(padding)}`);
    return [check('padding[0]', padding[0]), check('padding[1]', padding[1])];
  }
  const p = check('padding', padding);
  return [p, p];
}

/**
 * Validates a window layout and derives its output size; throws `ShapeError` for bad
 * image sizes or a window that does not fit, `OptionError` for bad kernel, stride or
 * padding, naming the field.
 * @example
 * const g = windowGeometry({ batch: 128, height: 28, width: 28, channels: 1, kernel: 5 });
 * // g.outHeight === 24, g.outWidth === 24
 */
export function windowGeometry(options: WindowGeometryOptions): WindowGeometry {
  if (options === null || typeof options !== 'object')
    throw new OptionError(`${OP}: expected an options object, got ${String(options)}`);
  const batch = positive('batch', options.batch, ShapeError);
  const height = positive('height', options.height, ShapeError);
  const width = positive('width', options.width, ShapeError);
  const channels = positive('channels', options.channels, ShapeError);
  const [kernelHeight, kernelWidth] = pair('kernel', options.kernel);
  const [strideHeight, strideWidth] = pair('stride', options.stride ?? 1);
  const [padH, padW] = paddingPair(options.padding ?? 'valid');
  const [padTop, outHeight] = axis('height', height, kernelHeight, strideHeight, padH);
  const [padLeft, outWidth] = axis('width', width, kernelWidth, strideWidth, padW);
  return {
    batch,
    height,
    width,
    channels,
    kernelHeight,
    kernelWidth,
    strideHeight,
    strideWidth,
    padTop,
    padLeft,
    outHeight,
    outWidth,
  };
}

/**
 * Checks a geometry handed to an op (it may not come from `windowGeometry`): positive
 * integer sizes, padding smaller than the kernel, and every window over at least one
 * pixel of the image. Throws `OptionError` naming the field.
 */
export function checkWindowGeometry(op: string, g: WindowGeometry): void {
  if (g === null || typeof g !== 'object')
    throw new OptionError(`${op}: expected a WindowGeometry (from windowGeometry()), got ${String(g)}`);
  const fields = [
    'batch',
    'height',
    'width',
    'channels',
    'kernelHeight',
    'kernelWidth',
    'strideHeight',
    'strideWidth',
    'outHeight',
    'outWidth',
  ] as const;
  for (const f of fields) {
    const v = g[f];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 1)
      throw new OptionError(`${op}: geometry ${f} must be a positive integer, got ${String(v)}`);
  }
  const sides = [
    ['padTop', g.padTop, g.kernelHeight, g.outHeight, g.strideHeight, g.height],
    ['padLeft', g.padLeft, g.kernelWidth, g.outWidth, g.strideWidth, g.width],
  ] as const;
  for (const [name, pad, k, out, s, size] of sides) {
    if (typeof pad !== 'number' || !Number.isInteger(pad) || pad < 0 || pad >= k)
      throw new OptionError(
        `${op}: geometry ${name} must be an integer in [0, ${k - 1}] (below the kernel), got ${String(pad)}`,
      );
    if ((out - 1) * s - pad > size - 1)
      throw new OptionError(
        `${op}: geometry ${name === 'padTop' ? 'outHeight' : 'outWidth'} ${out} puts windows past the image (${size} pixels, stride ${s}, padding ${pad})`,
      );
  }
}
