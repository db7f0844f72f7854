import type { ForwardCache, Network } from '@rfa/layers';
import { type Backend, OptionError, type Rng, type Tensor } from '@rfa/tensor';
import type { Loss } from '../loss.js';
import type { BackwardContext, LearningRule, RuleFactory } from '../rule.js';

export interface NodePerturbationOptions {
  /**
   * Standard deviation σ of the Gaussian noise added to each perturbed unit's
   * pre-activation (default 0.01). Much smaller σ drowns the loss change in
   * float32 rounding: the estimate divides it by σ².
   */
  sigma?: number;
  /**
   * 'all' (default): perturb every unit, output included, so no error signal is
   * used anywhere (the pure reinforcement baseline); 'hidden': perturb hidden units
   * only and teach the output layer with its exact local error.
   */
  perturb?: 'hidden' | 'all';
}

/**
 * Node perturbation (the reinforcement-learning baseline of the paper's Fig. 2):
 * a second, noisy forward pass with ξ_l ~ N(0, σ²) added to the perturbed units'
 * pre-activations; the change in each example's loss estimates the gradient,
 * `delta_l ≈ −(L(noisy) − L(clean)) / σ² · ξ_l`. No error is carried backwards.
 */
export function nodePerturbation(options: NodePerturbationOptions = {}): RuleFactory {
  const sigma = options.sigma ?? 0.01;
  if (!(sigma > 0)) throw new OptionError(`nodePerturbation: sigma must be > 0, got ${sigma}`);
  const perturb = options.perturb ?? 'all';
  return {
    name: 'nodePerturbation',
    options: { sigma, perturb },
    bind(network: Network, rng: Rng): LearningRule {
      const backend = network.backend;
      const last = network.layers.length - 1;
      const perturbed = (l: number) => l < last || perturb === 'all';
      // one set of noise buffers per batch size, so alternating sizes never reallocate
      const buffers = new Map<number, NoiseBuffers>();
      return {
        name: 'nodePerturbation',
        feedbackWeights: 'none',
        teaches: () => true,
        backward(ctx: BackwardContext) {
          const batch = ctx.cache.batchSize;
          let nb = buffers.get(batch);
          if (!nb) {
            nb = new NoiseBuffers(backend, network, batch, perturbed);
            buffers.set(batch, nb);
          }
          for (const n of nb.noise) if (n) backend.randomNormal(n, rng, 0, sigma);
          backend.copy(nb.noisyCache.input, ctx.cache.input);
          network.forward(nb.noisyCache, nb.noise);
          // per-example change in loss, [batch, 1]
          perExampleLoss(backend, ctx.cache, ctx.target, ctx.loss, nb, nb.cleanLoss);
          perExampleLoss(backend, nb.noisyCache, ctx.target, ctx.loss, nb, nb.noisyLoss);
          backend.sub(nb.lossChange, nb.noisyLoss, nb.cleanLoss);
          network.layers.forEach((_, l) => {
            if (!perturbed(l)) return;
            // delta_l = −ΔL/σ² · ξ_l: broadcast ΔL across the row with a rank-1 product
            backend.gemm(ctx.deltas[l], nb.lossChange, nb.onesRow[l], { alpha: -1 / (sigma * sigma) });
            backend.mul(ctx.deltas[l], ctx.deltas[l], nb.noise[l]!);
          });
        },
        feedback: () => [],
        dispose() {
          for (const nb of buffers.values()) nb.dispose();
        },
      };
    },
  };
}

class NoiseBuffers {
  readonly noisyCache: ForwardCache;
  readonly noise: (Tensor | null)[];
  readonly onesRow: Tensor[];
  readonly onesColumn: Tensor;
  readonly scratch: Tensor;
  readonly cleanLoss: Tensor;
  readonly noisyLoss: Tensor;
  readonly lossChange: Tensor;

  constructor(
    backend: Backend,
    network: Network,
    readonly batch: number,
    perturbed: (l: number) => boolean,
  ) {
    this.noisyCache = network.createCache(batch);
    this.noise = network.layers.map((layer, l) =>
      perturbed(l) ? backend.zeros([batch, layer.units]) : null,
    );
    this.onesRow = network.layers.map((layer) =>
      backend.fromArray(new Float32Array(layer.units).fill(1), [1, layer.units]),
    );
    this.onesColumn = backend.fromArray(new Float32Array(network.outputSize).fill(1), [
      network.outputSize,
      1,
    ]);
    this.scratch = backend.zeros([batch, network.outputSize]);
    this.cleanLoss = backend.zeros([batch, 1]);
    this.noisyLoss = backend.zeros([batch, 1]);
    this.lossChange = backend.zeros([batch, 1]);
  }

  dispose(): void {
    this.noisyCache.dispose();
    for (const t of [
      ...this.noise,
      ...this.onesRow,
      this.onesColumn,
      this.scratch,
      this.cleanLoss,
      this.noisyLoss,
      this.lossChange,
    ]) {
      t?.dispose();
    }
  }
}

/** Each example's loss into `out` [batch, 1]: ½Σe² or −Σ y* log p, summed across outputs by a product with ones. */
function perExampleLoss(
  backend: Backend,
  cache: ForwardCache,
  target: Tensor,
  loss: Loss,
  nb: NoiseBuffers,
  out: Tensor,
): void {
  const output = cache.output;
  if (loss === 'mse') {
    backend.sub(nb.scratch, target, output);
    backend.mul(nb.scratch, nb.scratch, nb.scratch);
    backend.gemm(out, nb.scratch, nb.onesColumn, { alpha: 0.5 });
  } else {
    backend.clamp(nb.scratch, output, 1e-30, 1);
    backend.unary(nb.scratch, nb.scratch, 'log');
    backend.mul(nb.scratch, nb.scratch, target);
    backend.gemm(out, nb.scratch, nb.onesColumn, { alpha: -1 });
  }
}
