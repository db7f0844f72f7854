import type { RuleRun } from './types.js';

/** Which run an event belongs to. */
export interface RunId {
  experiment: string;
  seed: number;
  rule: string;
}

/**
 * What a running experiment reports, run by run:
 * - `step`: progress; `units` of the experiment's work were done since the last one.
 * - `evaluation`: the held-out metrics of an evaluation (finite values only).
 * - `record`: a point added to the run's curves (every curve key at one x; NaN where not measured).
 * - `end`: the run finished (or diverged and stopped) with these results; `restored` when
 *   they were read back from the checkpoint store of an earlier, identical run.
 */
export type ExperimentEvent = RunId &
  (
    | { type: 'step'; step: number; units: number; trainLoss?: number }
    | { type: 'evaluation'; step: number; metrics: Record<string, number> }
    | { type: 'record'; point: Record<string, number> }
    | { type: 'end'; run: RuleRun; restored: boolean }
  );

/** An event before the run's identity is added. */
export type RunEvent = ExperimentEvent extends infer E
  ? E extends RunId
    ? Omit<E, keyof RunId>
    : never
  : never;
