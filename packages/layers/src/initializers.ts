import { type Backend, OptionError, type Rng, type Tensor } from '@rfa/tensor';

/**
 * How to draw a weight matrix of shape [out, in]:
 * - `uniform`: U[-scale, scale] (the paper's choice, scale tuned per task)
 * - `normal`: N(0, std²)
 * - `xavier` (Glorot & Bengio 2010): U[-a, a], a = gain·sqrt(6 / (in + out))
 * - `he` (He et al. 2015): N(0, 2 / in)
 * - `zeros`
 */
export type Initializer =
  | { kind: 'uniform'; scale: number }
  | { kind: 'normal'; std: number }
  | { kind: 'xavier'; gain?: number }
  | { kind: 'he' }
  | { kind: 'zeros' };

export const uniformInit = (scale: number): Initializer => ({ kind: 'uniform', scale });
export const normalInit = (std: number): Initializer => ({ kind: 'normal', std });
export const xavierInit = (gain = 1): Initializer => ({ kind: 'xavier', gain });
export const heInit = (): Initializer => ({ kind: 'he' });
export const zerosInit = (): Initializer => ({ kind: 'zeros' });

/** Fills `w` ([out, in]) from `rng` according to `init`. */
export function initialize(backend: Backend, w: Tensor, init: Initializer, rng: Rng): void {
  const [out, inp] = w.shape.length === 2 ? w.shape : [1, w.shape[0]];
  switch (init.kind) {
    case 'uniform':
      if (!(init.scale >= 0))
        throw new OptionError(`initializer uniform: scale must be ≥ 0, got ${init.scale}`);
      backend.randomUniform(w, rng, -init.scale, init.scale);
      return;
    case 'normal':
      if (!(init.std >= 0)) throw new OptionError(`initializer normal: std must be ≥ 0, got ${init.std}`);
      backend.randomNormal(w, rng, 0, init.std);
      return;
    case 'xavier': {
      const a = (init.gain ?? 1) * Math.sqrt(6 / (inp + out));
      backend.randomUniform(w, rng, -a, a);
      return;
    }
    case 'he':
      backend.randomNormal(w, rng, 0, Math.sqrt(2 / inp));
      return;
    case 'zeros':
      backend.fill(w, 0);
      return;
    default:
      throw new OptionError(
        `initializer: unknown kind '${(init as { kind: string }).kind}' (uniform, normal, xavier, he, zeros)`,
      );
  }
}
