import { fig2 } from './fig2.js';
import type { Experiment, ExperimentId } from './types.js';

// biome-ignore lint/suspicious/noExplicitAny: each experiment has its own config type
export const EXPERIMENTS: Partial<Record<ExperimentId, Experiment<any>>> = { fig2 };
