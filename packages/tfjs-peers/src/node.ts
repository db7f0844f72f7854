/** @rfa/tfjs-peers/node — loads TensorFlow.js with its cpu and wasm backends from node_modules. */
export { loadTfjs } from './load-tfjs.js';
