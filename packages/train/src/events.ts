/** What happened: a step ran, an evaluation or epoch finished, or the loop ended (one of the last three). */
export type TrainEventType = 'step' | 'evaluation' | 'epoch' | 'diverged' | 'stopped' | 'done';

/**
 * One progress report of `train`. `step` is the trainer's step count (it carries on
 * across resumed runs), `epoch` the epochs completed in this call, `examples` the
 * examples seen in this call; `elapsedMs` and `examplesPerSecond` are wall-clock.
 */
export interface TrainEvent {
  type: TrainEventType;
  step: number;
  epoch: number;
  examples: number;
  elapsedMs: number;
  examplesPerSecond: number;
  /** Evaluation metrics ('evaluation', 'diverged'), or the sampled training loss ('step'). */
  metrics?: Record<string, number>;
  /** Why the loop diverged ('diverged' only). */
  reason?: string;
}

/** Where events go: a callback, an EventTarget (as `CustomEvent(type, { detail })`), or both. */
export interface EventSinks {
  onEvent?: (event: TrainEvent) => void;
  target?: EventTarget;
}

/** Delivers an event to every sink, in order. */
export function emit(sinks: EventSinks, event: TrainEvent): void {
  sinks.onEvent?.(event);
  sinks.target?.dispatchEvent(new CustomEvent<TrainEvent>(event.type, { detail: event }));
}
