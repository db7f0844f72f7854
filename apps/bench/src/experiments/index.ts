import { fig2 } from './fig2.js';
import { fig3a } from './fig3a.js';
import { fig3d } from './fig3d.js';
import { fig4 } from './fig4.js';
import { fig5 } from './fig5.js';
import type { Experiment, ExperimentId } from './types.js';

// biome-ignore lint/suspicious/noExplicitAny: each experiment has its own config type
export const EXPERIMENTS: Partial<Record<ExperimentId, Experiment<any>>> = { fig2, fig3a, fig3d, fig4, fig5 };
