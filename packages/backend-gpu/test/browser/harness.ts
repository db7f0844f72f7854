// Bundled for the browser by test/browser.test.ts: runs the conformance suite in the page.
import { createCpuBackend, preloadWasmKernels } from '@rfa/backend-cpu';
import type { Backend } from '@rfa/tensor';
import { type ConformanceOptions, runConformance } from '@rfa/testkit';
import { createGpuBackend } from '../../src/index.js';
import { GPU_TOLERANCE } from '../../src/tolerance.js';
import { type ConvRunRule, convRun } from '../shared/conv-run.js';
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

/** Runs the suite on `backend`, then disposes it; `mode` is what the page reports. */
async function suiteResult(backend: Backend, mode: string, options: ConformanceOptions): Promise<PageResult> {
  const started = performance.now();
  const report = await runConformance(backend, options);
  const result = {
    mode,
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

async function runSuite(mode: 'webgl2' | 'webgl' | 'webgpu', large: boolean): Promise<PageResult> {
  const backend = await createGpuBackend({ mode, cpuThreshold: 0 });
  return suiteResult(backend, backend.mode, { tolerance: GPU_TOLERANCE, large });
}

/**
 * The CPU backend in the page: its WebAssembly kernels (one thread without
 * cross-origin isolation); `fma`: the fused multiply-add build (relaxed SIMD, on in Chromium).
 */
async function runCpuSuite(large: boolean, fma = false): Promise<PageResult> {
  await preloadWasmKernels();
  return suiteResult(createCpuBackend({ fma }), fma ? 'cpu-fma' : 'cpu', { large });
}

async function seededRun(fma = false) {
  await preloadWasmKernels();
  const backend = createCpuBackend({ fma });
  const run = await seededFig2Run(backend);
  backend.dispose();
  return run;
}

/** The seeded conv-net run (conv + max pool + dense) on the GPU backend in `mode`, every tensor on the device. */
async function convRunOnGpu(mode: 'webgl2' | 'webgpu', rule: ConvRunRule) {
  const backend = await createGpuBackend({ mode, cpuThreshold: 0 });
  try {
    return { mode: backend.mode, description: backend.description, ...(await convRun(backend, rule)) };
  } finally {
    backend.dispose();
  }
}

Object.assign(globalThis, { runSuite, runCpuSuite, seededRun, convRunOnGpu });
