import { createCpuBackend } from '@rfa/backend-cpu';
import { OptionError, Rng } from '@rfa/tensor';
import { expectClose, randomArray } from '@rfa/testkit';
import { describe, expect, it } from 'vitest';
import { ConvLayer, type ConvLayerSpec } from './conv-layer.js';
import { DenseLayer } from './dense-layer.js';
import { normalInit } from './initializers.js';

const backend = createCpuBackend();

/** Runs one conv layer on `x` with weights and bias set; returns post and output. */
function runConv(spec: ConvLayerSpec, w: number[], bias: number[], x: number[], batch = 1) {
  const layer = new ConvLayer(backend, spec, new Rng(1));
  backend.write(layer.weights, w);
  backend.write(layer.bias, bias);
  const ws = layer.createWorkspace(batch);
  const input = backend.fromArray(x, [batch, layer.inputSize]);
  const pre = backend.zeros([batch, layer.units]);
  const post = spec.activation === 'linear' ? pre : backend.zeros([batch, layer.units]);
  const output = layer.poolKind ? backend.zeros([batch, layer.outputSize]) : post;
  layer.run(input, pre, post, output, ws);
  const result = { post: Array.from(post.readSync()), output: Array.from(output.readSync()), layer };
  for (const t of new Set([input, pre, post, output])) t.dispose();
  ws.dispose();
  return result;
}

// the 3×3 image 1..9 (one channel), kernel [[1, 2], [3, 4]]
const IMAGE = [1, 2, 3, 4, 5, 6, 7, 8, 9];
const KERNEL = [1, 2, 3, 4];
const base = { height: 3, width: 3, inChannels: 1, outChannels: 1, kernel: 2, activation: 'linear' } as const;

describe('ConvLayer forward (hand-worked)', () => {
  it('valid 2×2 on 3×3: 1·1+2·2+3·4+4·5 = 37, 47, 67, 77, plus the bias', () => {
    const { post } = runConv(base, KERNEL, [0.5], IMAGE);
    expect(post).toEqual([37.5, 47.5, 67.5, 77.5]);
  });

  it("'same' padding with stride 2 pads after the image: 37, 1·3+3·6 = 21, 1·7+2·8 = 23, 1·9 = 9", () => {
    const { post, layer } = runConv({ ...base, stride: 2, padding: 'same' }, KERNEL, [0], IMAGE);
    expect(layer.outputShape).toEqual([2, 2, 1]);
    expect(post).toEqual([37, 21, 23, 9]);
  });

  it('max pooling keeps 77 and average pooling gives (37 + 47 + 67 + 77) / 4 = 57; relu clips', () => {
    expect(runConv({ ...base, pool: { kind: 'max', size: 2 } }, KERNEL, [0], IMAGE).output).toEqual([77]);
    expect(runConv({ ...base, pool: { kind: 'avg', size: 2 } }, KERNEL, [0], IMAGE).output).toEqual([57]);
    const relu = runConv({ ...base, activation: 'relu' }, [-1, 0, 0, 1], [0], IMAGE);
    expect(relu.post).toEqual([4, 4, 4, 4]); // x[y+1][x+1] − x[y][x] = 4 everywhere
    const clipped = runConv({ ...base, activation: 'relu' }, [1, 0, 0, -1], [0], IMAGE);
    expect(clipped.post).toEqual([0, 0, 0, 0]);
  });

  it('two channels: the kernel entry order is (ky, kx, c), the order of an NHWC row', () => {
    // a 1×2 image with 2 channels [[a0, a1], [b0, b1]] = [1, 10, 100, 1000]; a 1×2 kernel
    const spec = { ...base, height: 1, width: 2, inChannels: 2, kernel: [1, 2] as [number, number] };
    const { post } = runConv(spec, [1, 2, 3, 4], [0], [1, 10, 100, 1000]);
    expect(post).toEqual([1 * 1 + 2 * 10 + 3 * 100 + 4 * 1000]);
  });
});

describe('ConvLayer closed-form equivalences with DenseLayer', () => {
  const rng = new Rng(7);
  it('a kernel the size of the image is a dense layer on the flattened image', () => {
    const [h, w, c, out, batch] = [4, 3, 2, 5, 3];
    const spec = { height: h, width: w, inChannels: c, outChannels: out, kernel: [h, w] as [number, number] };
    const conv = new ConvLayer(backend, { ...spec, activation: 'tanh' }, rng, { init: normalInit(0.5) });
    const dense = new DenseLayer(backend, { inputSize: h * w * c, outputSize: out, activation: 'tanh' }, rng);
    backend.copy(dense.weights, conv.weights);
    backend.randomUniform(conv.bias, rng, -1, 1);
    backend.copy(dense.bias, conv.bias);
    const x = randomArray(rng, [batch, h * w * c]);
    const results = [conv, dense].map((layer) => {
      const input = backend.fromArray(x, [batch, h * w * c]);
      const [pre, post] = [backend.zeros([batch, out]), backend.zeros([batch, out])];
      const ws = layer.createWorkspace(batch);
      layer.run(input, pre, post, post, ws as never);
      return post.readSync();
    });
    expectClose(results[0], results[1], { atol: 1e-6, rtol: 1e-6 }, 'conv = dense');
  });

  it('a 1×1 kernel is the dense layer applied to every pixel', () => {
    const [h, w, c, out] = [3, 2, 4, 3];
    const conv = new ConvLayer(
      backend,
      { height: h, width: w, inChannels: c, outChannels: out, kernel: 1, activation: 'logistic' },
      rng,
      { init: normalInit(0.5), biasInit: normalInit(0.5) },
    );
    const dense = new DenseLayer(backend, { inputSize: c, outputSize: out, activation: 'logistic' }, rng);
    backend.copy(dense.weights, conv.weights);
    backend.copy(dense.bias, conv.bias);
    const x = randomArray(rng, [1, h * w * c]);
    const input = backend.fromArray(x, [1, h * w * c]);
    const ws = conv.createWorkspace(1);
    const [pre, post] = [backend.zeros([1, h * w * out]), backend.zeros([1, h * w * out])];
    conv.run(input, pre, post, post, ws);
    // the same numbers as a dense layer on h·w rows of c values
    const pixels = backend.fromArray(x, [h * w, c]);
    const [dPre, dPost] = [backend.zeros([h * w, out]), backend.zeros([h * w, out])];
    dense.forward(pixels, dPre, dPost);
    expectClose(post.readSync(), dPost.readSync(), { atol: 1e-6, rtol: 1e-6 }, '1×1 conv');
  });

  it('refuses softmax, a non-integer channel count and a bad pool kind, naming the field', () => {
    expect(() => new ConvLayer(backend, { ...base, activation: 'softmax' }, rng)).toThrow(/softmax/);
    expect(() => new ConvLayer(backend, { ...base, outChannels: 1.5 }, rng)).toThrow(/outChannels/);
    expect(
      () => new ConvLayer(backend, { ...base, pool: { kind: 'median' as 'max', size: 2 } }, rng),
    ).toThrow(OptionError);
  });
});
