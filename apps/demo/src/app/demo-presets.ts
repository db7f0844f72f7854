import { getExperiment } from '@rfa/experiments';

/** The demo's changes to an experiment's defaults, and what they mean. */
export interface DemoPreset {
  overrides: Record<string, unknown>;
  note: string;
}

/**
 * What the demo changes from each experiment's paper defaults so a run shows progress
 * within seconds in a browser tab: a stated subset of MNIST and more frequent
 * evaluations. Everything else (sizes, rates, feedback scales) is the paper's.
 */
export const DEMO_PRESETS: Record<string, DemoPreset> = {
  fig2: { overrides: {}, note: 'the paper’s 30-20-10 linear task, online' },
  fig3a: {
    overrides: {
      epochs: 5,
      batchSize: 1,
      learningRate: 0.15,
      laterEpochsFactor: 1 / 3,
      trainExamples: 10000,
      testExamples: 1000,
      evaluationsPerEpoch: 40,
    },
    note: 'MNIST subset: the first 10,000 training images, online as in the paper (η 0.15, a third of it after the first epoch), test error on the first 1,000 test images',
  },
  fig3d: { overrides: {}, note: 'regression to a fixed random 30-20-10-10 tanh network' },
  fig4: {
    overrides: { size: 'quick', testExamples: 500, evaluationsPerEpoch: 10 },
    note: 'the quick 784-200-200-1000 spiking network on 20,000 MNIST images, scored on 500 test images',
  },
  fig5: { overrides: {}, note: 'the 20-1000-20 quadratic task' },
};

/** The experiment's demo preset; an experiment without one runs its paper defaults. */
export const demoPreset = (id: string): DemoPreset =>
  DEMO_PRESETS[id] ?? { overrides: {}, note: getExperiment(id).title };
