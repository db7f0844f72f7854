// Bundled for the browser by test/browser.test.ts: runs the conformance suite in the page.
import { createCpuBackend, preloadWasmKernels } from '@rfa/backend-cpu';
import { type ConformanceOptions, runConformance } from '@rfa/testkit';
import { createGpuBackend } from '../../src/index.js';
import { GPU_TOLERANCE } from '../../src/tolerance.js';
import { seededFig2Run } from '../shared/seeded-fig2-run.js';

interface PageResult {
  mode: string;
  description: string;
  passed: number;
  failed: { name: string; error: string }[];
  skipped: { name: string; reason: string }[];
  memoryAfter: unknown;
  seconds: number;
}

async function runSuite(mode: 'webgl2' | 'webgl' | 'webgpu', large: boolean): Promise<PageResult> {
  const started = performance.now();
  const backend = await createGpuBackend({ mode, cpuThreshold: 0 });
  const options: ConformanceOptions = { tolerance: GPU_TOLERANCE, large };
  const report = await runConformance(backend, options);
  const result = {
    mode: backend.mode,
    description: backend.description,
    passed: report.passed.length,
    failed: report.failed,
    skipped: report.skipped,
    memoryAfter: backend.memory(),
    seconds: (performance.now() - started) / 1000,
  };
  backend.dispose();
  return result;
}

/** The CPU backend in the page: its WebAssembly kernels (one thread without cross-origin isolation). */
async function runCpuSuite(large: boolean): Promise<PageResult> {
  const started = performance.now();
  await preloadWasmKernels();
  const backend = createCpuBackend();
  const report = await runConformance(backend, { large });
  const result = {
    mode: 'cpu',
    description: backend.description,
    passed: report.passed.length,
    failed: report.failed,
    skipped: report.skipped,
    memoryAfter: backend.memory(),
    seconds: (performance.now() - started) / 1000,
  };
  backend.dispose();
  return result;
}

async function seededRun() {
  await preloadWasmKernels();
  const backend = createCpuBackend();
  const run = await seededFig2Run(backend);
  backend.dispose();
  return run;
}

Object.assign(globalThis, { runSuite, runCpuSuite, seededRun });
