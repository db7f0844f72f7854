import type { Backend, Tensor } from '@rfa/tensor';
import type { ResolvedSpikingOptions } from './options.js';

/**
 * One layer l ≥ 1 of forward units and the feedback units that sit beside them.
 * P = parallel rows, n = this layer's width, m = the width of the layer below.
 */
export interface SpikingLayer {
  /** W_l [n, m] (out × in): the forward synapses. */
  readonly weights: Tensor;
  /** b_l [n], or null when `biases` is off. */
  readonly bias: Tensor | null;
  /**
   * B_l [n, m], fixed: carries this layer's modulatory signal down to layer l−1.
   * Same shape as W_l, so `B_l = W_l` would be exact backprop's transport.
   * Null for the first hidden layer (the input has no feedback units).
   */
  readonly feedback: Tensor | null;
  /**
   * B_lᵀ [m, n]: the same numbers laid out for the feedback product φ(U_l)·B_l, whose dot
   * products then read B by contiguous rows (B read 64 bytes at a time, 6 KB apart, is what
   * the hardware prefetchers do not follow). Derived from `feedback` when the network is made
   * and by `setState`; change B through `setState`, not by writing `feedback`.
   */
  readonly feedbackTransposed: Tensor | null;
  /** V_l [P, n]: forward potentials (PSPs). */
  readonly potential: Tensor;
  /** s_l [P, n]: spikes, 0 or 1. */
  readonly spikes: Tensor;
  /** U_l [P, n]: feedback potentials; the error units on the output layer. */
  readonly feedbackPotential: Tensor;
  /** phi_delta(U_l) [P, n]: the modulatory third factor. */
  readonly modulator: Tensor;
  /** Scratch [P, n]: sigmoid(V) for the spike draw, then sigmoid'(V)·phi(U) for plasticity. */
  readonly scratch: Tensor;
  /** sigmoid'(V_l) [P, n]: the post factor, written by the forward pass in the same pass as sigmoid(V_l). */
  readonly slope: Tensor;
  /** Scratch [n]: tau·b_l for the potential, then the bias change. Null without biases. */
  readonly biasScratch: Tensor | null;
  /**
   * s_{l−1} [P, m] of the step whose weight update is pending: the next step's forward
   * pass draws new spikes below before it applies that update (see `fusedUpdates`).
   */
  readonly pendingPre: Tensor;
}

/** Every tensor the simulation touches, allocated once so a step never allocates. */
export interface NetworkTensors {
  /** min(x, inputClamp) [P, n_0], written once per presented batch. */
  readonly inputProbability: Tensor;
  /** s_0 [P, n_0]: input spikes, drawn anew each step. */
  readonly inputSpikes: Tensor;
  readonly layers: readonly SpikingLayer[];
  /** y* [P, n_L]: 1 on the units of the presented class, else 0. */
  readonly targets: Tensor;
  /** Output spikes summed over the steps of one test presentation [P, n_L]. */
  readonly spikeCount: Tensor;
  /** [n_L, classes]: 1 where output unit k belongs to class c; pools spikes per class. */
  readonly classPool: Tensor;
  /** Spikes per class [P, classes]. */
  readonly classCount: Tensor;
  /** The winning class per row [P]. */
  readonly prediction: Tensor;
}

/** Allocates all tensors and draws W ~ U[±forwardInit] then B ~ U[±feedbackInit] from `o.rng`, layer by layer. */
export function allocateNetwork(backend: Backend, o: ResolvedSpikingOptions): NetworkTensors {
  const P = o.parallel;
  const widths = o.layers;
  const layers: SpikingLayer[] = [];
  for (let l = 1; l < widths.length; l++) {
    const [n, m] = [widths[l], widths[l - 1]];
    const weights = backend.zeros([n, m]);
    backend.randomUniform(weights, o.rng, -o.forwardInit, o.forwardInit);
    let feedback: Tensor | null = null;
    let feedbackTransposed: Tensor | null = null;
    if (l > 1) {
      feedback = backend.zeros([n, m]);
      backend.randomUniform(feedback, o.rng, -o.feedbackInit, o.feedbackInit);
      feedbackTransposed = backend.zeros([m, n]);
      transposeInto(backend, feedbackTransposed, feedback);
    }
    layers.push({
      weights,
      bias: o.biases ? backend.zeros([n]) : null,
      feedback,
      feedbackTransposed,
      potential: backend.zeros([P, n]),
      spikes: backend.zeros([P, n]),
      feedbackPotential: backend.zeros([P, n]),
      modulator: backend.zeros([P, n]),
      scratch: backend.zeros([P, n]),
      slope: backend.zeros([P, n]),
      biasScratch: o.biases ? backend.zeros([n]) : null,
      pendingPre: backend.zeros([P, m]),
    });
  }
  const outputs = widths[widths.length - 1];
  const pool = new Float32Array(outputs * o.classes);
  for (let k = 0; k < outputs; k++) pool[k * o.classes + Math.floor(k / o.unitsPerClass)] = 1;
  return {
    inputProbability: backend.zeros([P, widths[0]]),
    inputSpikes: backend.zeros([P, widths[0]]),
    layers,
    targets: backend.zeros([P, outputs]),
    spikeCount: backend.zeros([P, outputs]),
    classPool: backend.fromArray(pool, [outputs, o.classes]),
    classCount: backend.zeros([P, o.classes]),
    prediction: backend.zeros([P]),
  };
}

/**
 * out ← aᵀ on any backend, exactly: out = I·aᵀ, each entry one product by 1 plus exact
 * zeros (the contract has no transpose; this runs once, when the network is made).
 */
function transposeInto(backend: Backend, out: Tensor, a: Tensor): void {
  const m = a.shape[1];
  const eye = new Float32Array(m * m);
  for (let i = 0; i < m; i++) eye[i * m + i] = 1;
  const identity = backend.fromArray(eye, [m, m]);
  backend.gemm(out, identity, a, { transB: true });
  identity.dispose();
}

/** Every tensor in `net`, in a fixed order (for dispose and for counting). */
export function allTensors(net: NetworkTensors): Tensor[] {
  const out: Tensor[] = [net.inputProbability, net.inputSpikes];
  for (const layer of net.layers) {
    for (const t of Object.values(layer)) if (t) out.push(t as Tensor);
  }
  out.push(net.targets, net.spikeCount, net.classPool, net.classCount, net.prediction);
  return out;
}
