/**
 * @rfa/experiments — the paper's experiments, defined once: configs with schemas and quick
 * presets, the rule registry, one runner on `@rfa/train`'s loop, events for live plots.
 * Browser-safe: this entry imports nothing from `node:*`; MNIST files and checkpoint
 * folders live in `@rfa/experiments/node`.
 */
export { aggregate } from './analysis/aggregate.js';
export { type DepthComparison, depthTTests } from './analysis/depth-t-test.js';
export { type FrozenW0Comparison, frozenW0TTests } from './analysis/frozen-w0-t-test.js';
export { type CheckpointStore, memoryStore } from './checkpoint-store.js';
export { type ConfigField, configFields, parseOverrides, resolveConfig } from './config.js';
export {
  DATASETS,
  type DatasetEntry,
  type DatasetId,
  type DatasetValues,
  datasetIds,
} from './datasets/dataset-registry.js';
export { loadExperimentDataFromUrl, type UrlDataOptions } from './datasets/load-from-url.js';
export { requireDataset } from './datasets/require-dataset.js';
export { figS6 } from './definitions/fig-s6.js';
export { type Fig2Config, fig2 } from './definitions/fig2.js';
export { type Fig3aConfig, fig3a } from './definitions/fig3a.js';
export { type Fig3dConfig, fig3d } from './definitions/fig3d.js';
export { type Fig4Config, type Fig4Size, fig4, fig4Config } from './definitions/fig4.js';
export { type Fig5Config, fig5 } from './definitions/fig5.js';
export { CheckpointStoreError, ConfigError, InterruptedError } from './errors.js';
export type { ExperimentEvent, RunId } from './events.js';
export {
  type BrowserPreset,
  defineExperiment,
  type Experiment,
  type ExperimentData,
  type ExperimentNeeds,
  type ExperimentRule,
  type ExperimentRunContext,
} from './experiment.js';
export { layerLabels } from './layer-labels.js';
export { estimateMemoryBytes } from './memory-estimate.js';
export { type PlotSeries, plotSeries, type SeriesRun } from './plot-series.js';
export { axisTitle, formatInUnit, type PlotUnit, REFERENCE_LINE_STYLE } from './plot-style.js';
export {
  EXPERIMENTS,
  type ExperimentId,
  experimentIds,
  getExperiment,
  QUICK_CHECK,
  registerExperiment,
  selectRules,
} from './registry.js';
export {
  createRule,
  createRuleWith,
  type FeedbackKind,
  RULES,
  type RuleEntry,
  type RuleKey,
  ruleEntry,
  ruleKeys,
} from './rules/rule-registry.js';
export { type RuleStyle, ruleFeedback, ruleStyle } from './rules/rule-style.js';
export { experimentWork, type RunExperimentOptions, runExperiment } from './run-experiment.js';
export type { RunCheckpoint, RunContext, RunModel } from './runs/run-context.js';
export { testError } from './runs/test-error.js';
export { measureSpeed, type SpeedOptions, type SpeedResult } from './speed/measure-speed.js';
export type { AggregateRun, ExperimentReport, PlotSpec, RuleRun, SeedOutcome, Stat } from './types.js';
