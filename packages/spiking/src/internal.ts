/**
 * @rfa/spiking/internal — the step engine under `SpikingNetwork`, for tools and tests that
 * build their own loop. Not part of the public API (unstable): anything here may change or
 * go in any release, semver or not.
 */
export { applyPhiDelta, phiDelta64 } from './phi-delta.js';
export { emitSpikes, simulatePlasticSteps, simulateStep } from './simulation-step.js';
