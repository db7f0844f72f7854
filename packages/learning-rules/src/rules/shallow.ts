import type { Network } from '@rfa/layers';
import type { LearningRule, RuleFactory } from '../rule.js';

/** Only the output layer learns; hidden layers keep their initial weights (the paper's "shallow" baseline). */
export function shallow(): RuleFactory {
  return {
    name: 'shallow',
    options: {},
    bind: (network: Network): LearningRule => ({
      name: 'shallow',
      feedbackWeights: 'none',
      teaches: (layer) => layer === network.layers.length - 1,
      backward() {},
      feedback: () => [],
      dispose() {},
    }),
  };
}
