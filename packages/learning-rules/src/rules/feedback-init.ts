import { connectivityMask, type Initializer, initialize } from '@rfa/layers';
import type { Backend, Rng, Shape, Tensor } from '@rfa/tensor';

export interface FeedbackOptions {
  /** Distribution of the fixed random feedback weights (default U[-0.5, 0.5], the paper's fig2 choice). */
  init?: Initializer;
  /** Remove this fraction of each feedback matrix's entries for good (the paper's 50% sparse run). */
  removeFraction?: number;
}

/** Draws one fixed random feedback matrix, with optional removed entries. */
export function randomFeedback(backend: Backend, shape: Shape, rng: Rng, options: FeedbackOptions): Tensor {
  const b = backend.zeros(shape);
  initialize(backend, b, options.init ?? { kind: 'uniform', scale: 0.5 }, rng);
  if (options.removeFraction) {
    const mask = connectivityMask(backend, shape, options.removeFraction, rng);
    backend.mul(b, b, mask);
    mask.dispose();
  }
  return b;
}
