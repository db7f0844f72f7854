export { backpropDeltas } from './backprop-reference.js';
export { withFrozenLayers } from './frozen-layers.js';
export { checkLoss, type Loss, lossValue, outputDelta } from './loss.js';
export type {
  BackwardContext,
  FeedbackMatrix,
  FeedbackWeights,
  LearningRule,
  RuleFactory,
  UpdateContext,
} from './rule.js';
export { backprop } from './rules/backprop.js';
export type { DerivativeWeighting } from './rules/derivative-weighting.js';
export { directFeedbackAlignment } from './rules/direct-feedback-alignment.js';
export { type FeedbackAlignmentOptions, feedbackAlignment } from './rules/feedback-alignment.js';
export type { FeedbackOptions } from './rules/feedback-init.js';
export { type KolenPollackOptions, kolenPollack } from './rules/kolen-pollack.js';
export { type NodePerturbationOptions, nodePerturbation } from './rules/node-perturbation.js';
export { SIGNAL_FORMS, type SignalForm } from './rules/propagate.js';
export { shallow } from './rules/shallow.js';
export { signSymmetry } from './rules/sign-symmetry.js';
export { checkSgdOptions, LayerSgd, type SgdOptions } from './sgd.js';
export { createTrainer, Trainer, type TrainerOptions } from './trainer.js';
