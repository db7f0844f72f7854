/**
 * @rfa/learning-rules/internal — for rfa's own packages (checkpoints, snapshots).
 * Unstable: not covered by semver.
 */
import type { Trainer } from './trainer.js';
import { SET_STEPS } from './trainer-internals.js';

/** Sets a trainer's step count, as a restored checkpoint or snapshot must. */
export function setTrainerSteps(trainer: Trainer, steps: number): void {
  trainer[SET_STEPS](steps);
}
