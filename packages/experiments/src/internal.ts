/**
 * @rfa/experiments/internal — the building blocks the experiments are made of, for tools
 * and tests inside rfa: the three run engines, progress and abort helpers, the palettes
 * behind `ruleStyle`, the analyses of Figs 5 and 5c, content hashes, and the pieces of
 * `measureSpeed` (example block, interleaved timing, trainers) that `pnpm bench speed` races. Unstable: any of it
 * may change in any release, semver or not. Users call the main entry.
 */
export { outputLayerNeuronAngles, perNeuronAngleSummary } from './analysis/alignment-metrics.js';
export { type PhaseSteps, phaseDrops, phaseEnds, threePhaseSchedule } from './analysis/three-phase.js';
export { contentHash } from './checkpoint-store.js';
export { fig3aRun } from './definitions/fig3a.js';
export { checkAborted } from './errors.js';
export { OKABE_ITO } from './rules/okabe-ito.js';
export { baseRuleKey } from './rules/rule-style.js';
export { TOL_MUTED } from './rules/tol-muted.js';
export { type ClassificationRunOptions, classificationRun } from './runs/classification-run.js';
export { finiteOnly } from './runs/curves.js';
export { isEvaluationStep, type RegressionRunOptions, regressionRun } from './runs/regression-run.js';
export { type SpikingRunOptions, spikingRun, TEST_IMAGE_WORK } from './runs/spiking-run.js';
export { BatchCursor, type ExampleBlock, makeExampleBlock } from './speed/example-block.js';
export { GEMM_SHAPE, type GemmShape, gemmGflops, RfaGemmContender } from './speed/gemm-contender.js';
export { type ImageWorkload, lenetWorkload } from './speed/image-workload.js';
export { type Contender, type InterleaveOptions, interleave, median, spread } from './speed/interleave.js';
export { SPEED_SEED } from './speed/measure-speed.js';
export {
  type InitialState,
  RfaSpeedTrainer,
  type SpeedTrainer,
  type TrainSetup,
} from './speed/speed-trainer.js';
export { TrainingContender } from './speed/training-contender.js';
