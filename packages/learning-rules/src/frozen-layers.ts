import type { LearningRule, RuleFactory } from './rule.js';

/**
 * Wraps a rule factory so that the layers in `frozen()` do not learn: the bound
 * rule delegates everything to the wrapped rule and masks `teaches`, so the
 * Trainer's shared update skips those layers' weights and biases. `frozen` is
 * asked at every step, so a schedule can change it during training (fig5c's
 * three phases). The wrapped rule still computes every teaching signal, and a
 * rule whose feedback learns (`afterUpdate`) keeps learning it.
 * @example
 * let frozen = new Set([1]);
 * const rule = withFrozenLayers(feedbackAlignment(), () => frozen);
 */
export function withFrozenLayers(factory: RuleFactory, frozen: () => ReadonlySet<number>): RuleFactory {
  return {
    name: factory.name,
    options: { ...factory.options, frozenLayers: 'scheduled' },
    checkTrainerOptions: factory.checkTrainerOptions?.bind(factory),
    bind(network, rng): LearningRule {
      const inner = factory.bind(network, rng);
      const rule: LearningRule = {
        name: inner.name,
        feedbackWeights: inner.feedbackWeights,
        teaches: (layer) => !frozen().has(layer) && inner.teaches(layer),
        backward: (ctx) => inner.backward(ctx),
        feedback: () => inner.feedback(),
        dispose: () => inner.dispose(),
      };
      if (inner.afterUpdate) rule.afterUpdate = (ctx) => inner.afterUpdate!(ctx);
      return rule;
    },
  };
}
