import {
  type Activation,
  type Backend,
  OptionError,
  type Rng,
  ShapeError,
  windowGeometry,
} from '@rfa/tensor';
import { ConvLayer, type Padding, type PoolOptions } from './conv-layer.js';
import { DenseLayer, type DenseLayerOptions } from './dense-layer.js';
import type { Initializer } from './initializers.js';
import type { Layer } from './layer.js';

/** A fully connected layer (`type` may be left out). */
export interface LayerConfig {
  type?: 'dense';
  /** Units in (for the first layer) — later layers may omit it; it must match the layer below. */
  in?: number;
  out: number;
  activation: Activation;
  init?: Initializer;
  biasInit?: Initializer;
  removeFraction?: number;
}

/** A 2-D convolution on the image below: `out` filters of `kernel` size. */
export interface ConvLayerConfig {
  type: 'conv';
  /** Input channels; optional, and if given it must match the image below. */
  in?: number;
  /** Output channels (filters). */
  out: number;
  kernel: number | [number, number];
  stride?: number | [number, number];
  padding?: Padding;
  activation: Activation;
  init?: Initializer;
  biasInit?: Initializer;
  removeFraction?: number;
}

/** Max or average pooling; it must directly follow a conv layer, whose output it pools. */
export interface PoolLayerConfig {
  type: 'maxPool' | 'avgPool';
  size: number | [number, number];
  stride?: number | [number, number];
  padding?: Padding;
}

/** Image to vector. NHWC rows are already flat, so this only marks the change (dense layers also take an image directly). */
export interface FlattenLayerConfig {
  type: 'flatten';
}

export type NetworkLayerConfig = LayerConfig | ConvLayerConfig | PoolLayerConfig | FlattenLayerConfig;

/** What flows between layers: an image [height, width, channels] or a vector. */
type Flow = { image: [number, number, number] } | { size: number };

const sizeOf = (f: Flow) => ('size' in f ? f.size : f.image[0] * f.image[1] * f.image[2]);

/** Runs `build`, prefixing a shape or option error with the layer it is about. */
function at<T>(index: number, type: string, build: () => T): T {
  try {
    return build();
  } catch (e) {
    if (e instanceof ShapeError) throw new ShapeError(`Network: layers[${index}] (${type}): ${e.message}`);
    if (e instanceof OptionError) throw new OptionError(`Network: layers[${index}] (${type}): ${e.message}`);
    throw e;
  }
}

export interface BuildOptions {
  rng: Rng;
  init?: Initializer;
  biasInit?: Initializer;
  inputShape?: [number, number, number];
}

/** The input: an image when `inputShape` is given, else layers[0].in (a dense first layer). */
function inputFlow(configs: readonly NetworkLayerConfig[], inputShape?: number[]): Flow {
  if (inputShape !== undefined) {
    if (
      !Array.isArray(inputShape) ||
      inputShape.length !== 3 ||
      !inputShape.every((v) => Number.isInteger(v) && v >= 1)
    )
      throw new OptionError(
        `Network: inputShape must be [height, width, channels] of positive integers, got ${JSON.stringify(inputShape)}`,
      );
    return { image: [inputShape[0], inputShape[1], inputShape[2]] };
  }
  const first = configs[0];
  if ((first.type ?? 'dense') !== 'dense' || (first as LayerConfig).in === undefined)
    throw new OptionError(
      'Network: layers[0].in (the input size) is required, or inputShape [height, width, channels] for an image input',
    );
  return { size: (first as LayerConfig).in! };
}

/**
 * Builds a network's layers from its spec, inferring every size from the input: a conv layer
 * reads the image below (and takes the pooling that follows it as its output stage), a dense
 * layer reads whatever is below as a flat row. Errors name the layer index and the field.
 */
export function buildLayers(
  backend: Backend,
  configs: readonly NetworkLayerConfig[],
  options: BuildOptions,
): Layer[] {
  if (!configs?.length) throw new OptionError('Network: layers must list at least one layer');
  let flow = inputFlow(configs, options.inputShape);
  const layers: Layer[] = [];
  for (let i = 0; i < configs.length; i++) {
    const cfg = configs[i];
    const type = cfg.type ?? 'dense';
    const isLast = i === configs.length - 1;
    if (type === 'flatten') {
      flow = { size: sizeOf(flow) };
      continue;
    }
    if (type === 'maxPool' || type === 'avgPool')
      throw new OptionError(
        `Network: layers[${i}] (${type}) must directly follow a conv layer (pooling is a conv layer's output stage)`,
      );
    if (type !== 'dense' && type !== 'conv')
      throw new OptionError(
        `Network: layers[${i}].type must be 'dense', 'conv', 'maxPool', 'avgPool' or 'flatten', got ${JSON.stringify(type)}`,
      );
    const c = cfg as LayerConfig | ConvLayerConfig;
    if (c.activation === 'softmax' && !isLast)
      throw new OptionError(`Network: softmax is only allowed on the last layer (layers[${i}])`);
    const layerOptions: DenseLayerOptions = {
      init: c.init ?? options.init,
      biasInit: c.biasInit ?? options.biasInit,
      removeFraction: c.removeFraction,
    };
    if (type === 'dense') {
      const size = sizeOf(flow);
      if (c.in !== undefined && c.in !== size)
        throw new ShapeError(`Network: layers[${i}].in is ${c.in} but the layer below has ${size} outputs`);
      const layer = at(i, type, () => {
        const spec = { inputSize: size, outputSize: c.out, activation: c.activation };
        return new DenseLayer(backend, spec, options.rng, layerOptions);
      });
      layers.push(layer);
      flow = { size: c.out };
      continue;
    }
    const conv = c as ConvLayerConfig;
    if (isLast) throw new OptionError(`Network: layers[${i}] (conv): the last layer must be dense`);
    if (!('image' in flow))
      throw new ShapeError(
        `Network: layers[${i}] (conv) needs an image [height, width, channels] below it, but gets a flat row of ${flow.size} (give inputShape, and put conv layers before dense ones)`,
      );
    const [height, width, channels] = flow.image;
    if (conv.in !== undefined && conv.in !== channels)
      throw new ShapeError(
        `Network: layers[${i}].in is ${conv.in} but the image below has ${channels} channels`,
      );
    if (!Number.isInteger(conv.out) || conv.out < 1)
      throw new OptionError(
        `Network: layers[${i}].out (output channels) must be a positive integer, got ${conv.out}`,
      );
    const next = configs[i + 1];
    const pool =
      next && (next.type === 'maxPool' || next.type === 'avgPool') ? (next as PoolLayerConfig) : undefined;
    // check the convolution and then the pooling on their own, so an error names its own layer
    const g = at(i, 'conv', () =>
      windowGeometry({
        batch: 1,
        height,
        width,
        channels,
        kernel: conv.kernel,
        stride: conv.stride,
        padding: conv.padding,
      }),
    );
    if (pool)
      at(i + 1, pool.type, () =>
        windowGeometry({
          batch: 1,
          height: g.outHeight,
          width: g.outWidth,
          channels: conv.out,
          kernel: pool.size,
          stride: pool.stride ?? pool.size,
          padding: pool.padding,
        }),
      );
    const poolOptions: PoolOptions | undefined = pool && {
      kind: pool.type === 'maxPool' ? 'max' : 'avg',
      size: pool.size,
      stride: pool.stride,
      padding: pool.padding,
    };
    const layer = at(
      i,
      'conv',
      () =>
        new ConvLayer(
          backend,
          {
            height,
            width,
            inChannels: channels,
            outChannels: conv.out,
            kernel: conv.kernel,
            stride: conv.stride,
            padding: conv.padding,
            activation: conv.activation,
            pool: poolOptions,
          },
          options.rng,
          layerOptions,
        ),
    );
    layers.push(layer);
    flow = { image: layer.outputShape };
    if (pool) i++;
  }
  if (layers.length === 0 || layers[layers.length - 1].kind !== 'dense')
    throw new OptionError('Network: the last layer must be dense');
  return layers;
}
