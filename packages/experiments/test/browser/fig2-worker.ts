// Runs in a Web Worker: the fig2 experiment through @rfa/experiments on the CPU backend.
import { createCpuBackend } from '@rfa/backend-cpu';
import { fig2, resolveConfig, runExperiment } from '@rfa/experiments';
import { exactJson } from '../shared/exact-json.js';

self.onmessage = async (e: MessageEvent<{ overrides: Record<string, unknown> }>) => {
  try {
    const backend = createCpuBackend();
    const config = resolveConfig(fig2, { quick: true, overrides: e.data.overrides });
    const report = await runExperiment(fig2, { config, seeds: 1, backend });
    self.postMessage({ results: exactJson(report.results), backend: backend.description });
  } catch (err) {
    self.postMessage({ error: String((err as Error).stack ?? err) });
  }
};
