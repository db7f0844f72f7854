import type { Activation, Backend, Tensor } from '@rfa/tensor';
import type { ConvWorkspace } from './conv-workspace.js';

/**
 * What every layer of a `Network` is: a learning unit with weights `W` (rank 2) and a bias,
 * an activation, and the products the learning rules need, so a rule never asks which kind
 * of layer it teaches. Sizes are per example:
 * - `inputSize`: the values the layer reads (for an image, height·width·channels, NHWC);
 * - `units`: its pre-activations (what `pre`, `post`, `derivative` and a teaching signal δ hold);
 * - `outputSize`: what the layer above reads (`units`, or fewer after a pooling stage).
 */
export interface Layer {
  readonly kind: 'dense' | 'conv';
  readonly backend: Backend;
  readonly inputSize: number;
  readonly units: number;
  readonly outputSize: number;
  readonly activation: Activation;
  /** [out, fanIn]: the dense W, or the conv kernel as [outChannels, kH·kW·inChannels]. */
  readonly weights: Tensor;
  /** [out] for a dense layer, [outChannels] for a conv layer. */
  readonly bias: Tensor;
  readonly mask: Tensor | null;
  /** The layer's per-batch scratch (im2col columns, pooling argmax); null for a dense layer. */
  createWorkspace(batchSize: number): ConvWorkspace | null;
  /** Fills `pre`, `post`, `derivative` ([batch, units]) and `output` ([batch, outputSize]) from `x`. */
  run(
    x: Tensor,
    pre: Tensor,
    post: Tensor,
    output: Tensor,
    workspace: ConvWorkspace | null,
    derivative?: Tensor,
    noise?: Tensor,
  ): void;
  /**
   * `dx` [batch, inputSize] ← the signal `signal` [batch, units] carried down to the layer's
   * input through `matrix`: W's layout ([out, fanIn], as backprop's W or a sign-concordant B)
   * or, with `transposed`, Wᵀ's ([fanIn, out], as FA's B). For a conv layer this is the
   * transposed convolution, `col2im(signal · matrix)`.
   */
  inputSignal(
    dx: Tensor,
    signal: Tensor,
    matrix: Tensor,
    transposed: boolean,
    workspace: ConvWorkspace | null,
  ): void;
  /**
   * `target` ← alpha · Σ δ ⊗ input + beta · target, in W's shape: the sum over the batch
   * (and over every window position for a conv layer) of the outer products that make ∂W.
   */
  weightGradient(
    target: Tensor,
    delta: Tensor,
    input: Tensor,
    workspace: ConvWorkspace | null,
    alpha: number,
    beta: number,
  ): void;
  /** As `weightGradient`, in Wᵀ's layout ([fanIn, out]): Σ input ⊗ δ. */
  transposedWeightGradient(
    target: Tensor,
    delta: Tensor,
    input: Tensor,
    workspace: ConvWorkspace | null,
    alpha: number,
    beta: number,
  ): void;
  /** `y` [batch, units] ← the linear response to `x` without bias (x·Wᵀ, or conv(x, W)). */
  linearResponse(y: Tensor, x: Tensor, workspace: ConvWorkspace | null): void;
  /** Positions W is applied at per example: 1 for a dense layer, outH·outW for a conv layer. */
  readonly positions: number;
  /** `out` [bias size] ← Σ δ over the batch (and window positions). */
  biasGradient(out: Tensor, delta: Tensor): void;
  /**
   * `units` [batch, units] ← the signal `atOutput` [batch, outputSize] arriving at the layer's
   * output, routed back through its pooling stage (the max's winners, the mean's windows);
   * a copy when there is none.
   */
  routeToUnits(units: Tensor, atOutput: Tensor, workspace: ConvWorkspace | null): void;
  dispose(): void;
}
