import { OptionError } from '@rfa/tensor';

/** Steps of Fig. 5c's three phases: train W0 only, then W only, then W0 only. */
export type PhaseSteps = [number, number, number];

/** Layers frozen in each phase of a two-layer net: phase 1 and 3 freeze W (layer 1), phase 2 freezes W0. */
const FROZEN_BY_PHASE: ReadonlySet<number>[] = [new Set([1]), new Set([0]), new Set([1])];

/** The phase (0, 1 or 2) that training step `step` (1-based) belongs to. */
export function phaseOf(step: number, phases: PhaseSteps): number {
  if (step <= phases[0]) return 0;
  if (step <= phases[0] + phases[1]) return 1;
  return 2;
}

/** Step at which each phase ends (cumulative sums), for plots and per-phase metrics. */
export function phaseEnds(phases: PhaseSteps): [number, number, number] {
  for (const n of phases)
    if (!Number.isInteger(n) || n < 1)
      throw new OptionError(
        `three-phase: each phase needs a positive whole number of steps, got [${phases.join(', ')}]`,
      );
  return [phases[0], phases[0] + phases[1], phases[0] + phases[1] + phases[2]];
}

/**
 * A schedule for `withFrozenLayers`: `advance(step)` before each step, `frozen()` for the rule.
 * @example
 * const s = threePhaseSchedule([2000, 2000, 2000]);
 * const rule = withFrozenLayers(feedbackAlignment(), s.frozen);
 */
export function threePhaseSchedule(phases: PhaseSteps): {
  advance(step: number): void;
  frozen(): ReadonlySet<number>;
} {
  phaseEnds(phases);
  let phase = 0;
  return {
    advance: (step) => {
      phase = phaseOf(step, phases);
    },
    frozen: () => FROZEN_BY_PHASE[phase],
  };
}

/**
 * How much each phase cut the error, read from an NSE curve sampled at `steps` (which must
 * include step 0 and each phase end): `phaseNDrop` = (NSE before − NSE after) / NSE before,
 * the fraction of the error the phase removed (negative when the error grew).
 */
export function phaseDrops(steps: number[], nse: number[], phases: PhaseSteps): Record<string, number> {
  const ends = phaseEnds(phases);
  const at = (s: number) => {
    const i = steps.indexOf(s);
    if (i < 0) throw new OptionError(`three-phase: the NSE curve has no sample at step ${s}`);
    return nse[i];
  };
  const marks = [0, ...ends].map(at);
  const drop = (k: number) => (marks[k] - marks[k + 1]) / marks[k];
  return { phase1Drop: drop(0), phase2Drop: drop(1), phase3Drop: drop(2) };
}
