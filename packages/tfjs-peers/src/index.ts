/**
 * @rfa/tfjs-peers — TensorFlow.js peers for rfa's speed races. Each trainer takes the network
 * rfa trains (`TrainSetup`), copies rfa's start values (`InitialState`), walks the same batches,
 * and takes one step per call in TensorFlow.js ops on the peer's backend. In Node, `loadTfjs`
 * from `@rfa/tfjs-peers/node` loads TensorFlow.js and lists the peers; a browser worker loads
 * its own and hands the module in.
 */
export { TFJS_CONV_RULES, TfjsConvSpeedTrainer } from './conv-trainer.js';
export { TFJS_RULES, TfjsSpeedTrainer } from './dense-trainer.js';
export { TfjsLoadError } from './errors.js';
export { TfjsGemmContender } from './gemm-contender.js';
export type { TfjsPeer, TfjsRuntime, TfModule } from './peer.js';
export { tfjsTrainers } from './peer-trainers.js';
