import type { Backend, Tensor } from '@rfa/tensor';
import { flushSubnormals } from './flush-subnormals.js';
import type { NetworkTensors, SpikingLayer } from './network-tensors.js';
import type { ResolvedSpikingOptions } from './options.js';
import { applyPhiDelta } from './phi-delta.js';

/**
 * One time step t of the whole network, forward and feedback at once (P rows,
 * layers 1..L; shapes in brackets). Order within the step:
 * 1. input spikes s_0 ~ Bernoulli(min(x, clamp))                         [P, n_0]
 * 2. bottom-up, l = 1..L: V_l ← (1−tau)·V_l + tau·(s_{l−1} W_l^T + b_l)   [P, n_l]
 *    and s_l ~ Bernoulli(sigmoid(V_l)), so layer l sees s_{l−1}(t) of this step.
 * 3. error units: U_L ← (1−tau)·U_L + tau·(y* − s_L)                      [P, n_L]
 * 4. top-down, l = L−1..1: U_l ← (1−tau)·U_l + tau·phi(U_{l+1}) B_{l+1}
 *    ([P, n_{l+1}]·[n_{l+1}, n_l] → [P, n_l]; per unit: sum_k B_kj phi(U_k)).
 * 5. if `plastic`, every layer, top one first: W_l ← (1−gamma)·W_l + eta'·(phi(U_l) ∘ sigmoid'(V_l))^T s_{l−1}
 *    ([n_l, P]·[P, n_{l−1}]), eta' = eta (sum over rows) or eta/P (mean);
 *    b_l ← (1−gamma)·b_l + eta'·sum_rows(phi(U_l) ∘ sigmoid'(V_l)) (the paper decays "all
 *    forward weights and biases").
 * Allocates nothing: every op writes into a tensor of `net`.
 */
export function simulateStep(
  backend: Backend,
  net: NetworkTensors,
  o: ResolvedSpikingOptions,
  plastic: boolean,
): void {
  forwardPass(backend, net, o);
  feedbackPass(backend, net, o);
  if (!plastic) return;
  // Each layer's update reads only its own state, so the order changes no number; top first
  // leaves the bottom layers' weights, which the next step's forward pass reads first, in cache.
  for (let l = net.layers.length - 1; l >= 0; l--) {
    plasticity(backend, net.layers[l], l === 0 ? net.inputSpikes : net.layers[l - 1].spikes, o);
  }
}

/**
 * Where a run of plastic steps starts and ends with respect to the weight update it
 * leaves behind. `atStart`: an earlier call left its last update pending (δ in `scratch`,
 * s_{l−1} in `pendingPre`); apply it inside this call's first forward pass. `leave`: keep
 * this call's last update pending for the next call (or `applyPendingUpdates`) to apply,
 * so that between presentations, too, each W is read once per step.
 */
export interface PendingUpdates {
  atStart?: boolean;
  leave?: boolean;
}

/**
 * `steps` plastic steps on what was presented, each step's weight update applied inside
 * the next step's forward pass (`updateThenProject`, one pass over each W where the
 * backend fuses it) and the last one's at the end, unless `pending.leave` keeps it for later.
 * The same numbers as `steps` calls of `simulateStep(…, true)`: the update of step t
 * uses step t's δ (kept in `scratch`) and s_{l−1} (copied to `pendingPre`), and lands
 * before step t+1 reads W.
 */
export function simulatePlasticSteps(
  backend: Backend,
  net: NetworkTensors,
  o: ResolvedSpikingOptions,
  steps: number,
  pending: PendingUpdates = {},
): void {
  for (let t = 0; t < steps; t++) {
    forwardPass(backend, net, o, t > 0 || pending.atStart === true);
    feedbackPass(backend, net, o);
    const last = t === steps - 1 && !pending.leave;
    for (let l = net.layers.length - 1; l >= 0; l--) {
      const layer = net.layers[l];
      const below = l === 0 ? net.inputSpikes : net.layers[l - 1].spikes;
      if (last) plasticity(backend, layer, below, o);
      else {
        postFactor(backend, layer);
        updateBias(backend, layer, o);
        backend.copy(layer.pendingPre, below);
      }
    }
  }
}

/** Applies the weight updates that `simulatePlasticSteps(…, { leave: true })` left pending (biases are already current). */
export function applyPendingUpdates(backend: Backend, net: NetworkTensors, o: ResolvedSpikingOptions): void {
  for (let l = net.layers.length - 1; l >= 0; l--) {
    const layer = net.layers[l];
    updateWeights(backend, layer, layer.pendingPre, o);
  }
}

/** Steps 3 and 4: the error units, then the feedback units top-down. */
function feedbackPass(backend: Backend, net: NetworkTensors, o: ResolvedSpikingOptions): void {
  const L = net.layers.length;
  updateErrorUnits(backend, net.layers[L - 1], net.targets, o);
  for (let l = L - 2; l >= 0; l--) updateFeedbackUnits(backend, net.layers[l], net.layers[l + 1], o);
}

/**
 * Steps 1 and 2: input spikes, then every layer bottom-up. With `pending`, each layer
 * first applies the weight update of the step before (δ in `scratch`, s_{l−1} in `pendingPre`).
 */
export function forwardPass(
  backend: Backend,
  net: NetworkTensors,
  o: ResolvedSpikingOptions,
  pending = false,
): void {
  backend.randomBernoulli(net.inputSpikes, o.rng, net.inputProbability);
  let below = net.inputSpikes;
  for (const layer of net.layers) {
    forwardLayer(backend, layer, below, o, pending);
    below = layer.spikes;
  }
}

/**
 * Leaky integration of the input from below (after a pending weight update), then a
 * Bernoulli spike per unit; sigmoid'(V), which plasticity needs later in the step, is
 * computed in the same pass as sigmoid(V).
 */
function forwardLayer(
  backend: Backend,
  layer: SpikingLayer,
  below: Tensor,
  o: ResolvedSpikingOptions,
  pending = false,
): void {
  const { potential, weights, bias, biasScratch, scratch, slope } = layer;
  const integrate = { alpha: o.tau, beta: 1 - o.tau };
  if (pending) {
    backend.updateThenProject(weights, scratch, layer.pendingPre, below, potential, {
      alpha: plasticityRate(o),
      beta: 1 - o.weightDecay,
      outAlpha: integrate.alpha,
      outBeta: integrate.beta,
    });
  } else backend.gemm(potential, below, weights, { transB: true, ...integrate });
  if (bias && biasScratch) {
    backend.scale(biasScratch, bias, o.tau);
    // V += tau·b, then sigmoid(V) and sigmoid'(V): one pass (the numbers of addRowVector, activate, activationDerivative)
    backend.biasActivation(potential, biasScratch, scratch, 'logistic', slope);
  } else {
    backend.activate(scratch, potential, 'logistic');
    backend.activationDerivative(slope, potential, 'logistic');
  }
  backend.randomBernoulli(layer.spikes, o.rng, scratch);
}

/** spikes ~ Bernoulli(sigmoid(potential)); `probability` is scratch of the same shape. */
export function emitSpikes(
  backend: Backend,
  spikes: Tensor,
  probability: Tensor,
  potential: Tensor,
  o: Pick<ResolvedSpikingOptions, 'rng'>,
): void {
  backend.activate(probability, potential, 'logistic');
  backend.randomBernoulli(spikes, o.rng, probability);
}

/** U_L ← (1−tau)·U_L + tau·(y* − s_L) (subnormals flushed, see `flushSubnormals`), then the modulator phi(U_L). */
function updateErrorUnits(
  backend: Backend,
  output: SpikingLayer,
  targets: Tensor,
  o: ResolvedSpikingOptions,
): void {
  const { feedbackPotential: u, scratch } = output;
  backend.sub(scratch, targets, output.spikes);
  backend.scale(u, u, 1 - o.tau);
  backend.axpy(u, o.tau, scratch);
  if (o.flushSubnormals) flushSubnormals(backend, u, scratch);
  applyPhiDelta(backend, output.modulator, u, o.phiDelta);
}

/** U_l ← (1−tau)·U_l + tau·phi(U_{l+1}) B_{l+1}, then the modulator phi(U_l). */
function updateFeedbackUnits(
  backend: Backend,
  layer: SpikingLayer,
  above: SpikingLayer,
  o: ResolvedSpikingOptions,
): void {
  const u = layer.feedbackPotential;
  // B stored transposed: the product is dot products over B's contiguous rows
  backend.gemm(u, above.modulator, above.feedbackTransposed as Tensor, {
    transB: true,
    alpha: o.tau,
    beta: 1 - o.tau,
  });
  applyPhiDelta(backend, layer.modulator, u, o.phiDelta);
}

/** eta' = eta (rows summed) or eta/P (rows averaged). */
function plasticityRate(o: ResolvedSpikingOptions): number {
  return o.batchReduction === 'mean' ? o.learningRate / o.parallel : o.learningRate;
}

/** The three-factor rule: pre spikes, post sigmoid'(V), modulator phi(U); weight decay folded into beta, biases decayed alike. */
function plasticity(backend: Backend, layer: SpikingLayer, below: Tensor, o: ResolvedSpikingOptions): void {
  postFactor(backend, layer);
  updateWeights(backend, layer, below, o);
  updateBias(backend, layer, o);
}

/** W ← (1−gamma)·W + eta'·scratch^T pre, with scratch = δ of the layer. */
function updateWeights(backend: Backend, layer: SpikingLayer, pre: Tensor, o: ResolvedSpikingOptions): void {
  backend.gemm(layer.weights, layer.scratch, pre, {
    transA: true,
    alpha: plasticityRate(o),
    beta: 1 - o.weightDecay,
  });
}

/** scratch ← sigmoid'(V) ∘ phi(U): the post and modulatory factors of every synapse onto the layer (sigmoid'(V) from this step's forward pass). */
function postFactor(backend: Backend, layer: SpikingLayer): void {
  backend.mul(layer.scratch, layer.slope, layer.modulator);
}

/** b ← (1−gamma)·b + eta'·sum_rows(scratch). */
function updateBias(backend: Backend, layer: SpikingLayer, o: ResolvedSpikingOptions): void {
  const { scratch, bias, biasScratch } = layer;
  if (!bias || !biasScratch) return;
  backend.sum(biasScratch, scratch, 0);
  if (o.weightDecay > 0) backend.scale(bias, bias, 1 - o.weightDecay);
  backend.axpy(bias, plasticityRate(o), biasScratch);
}
