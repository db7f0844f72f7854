import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { launchChromium } from '@rfa/browser-testing';
import { median, SPEED_SEED, spread } from '@rfa/experiments/internal';
import { RfaError } from '@rfa/tensor';
import type { SpeedReport } from '../run-speed.js';
import type { SpeedRow, SpeedRule } from '../types.js';
import { imageWorkload, networkLine, type SpeedWorkload, workloadSizes } from '../workload.js';
import { dropWrongLosses } from '../wrong-loss.js';
import { bundleRace } from './race-bundle.js';
import type { RaceOptions, RaceResult } from './race-protocol.js';
import { serveRace } from './race-server.js';

/** The race page was not cross-origin isolated, so neither rfa nor tfjs could run wasm threads. */
export class CrossOriginIsolationError extends RfaError {
  static override readonly kind: string = '@rfa/bench:CrossOriginIsolationError';
  constructor(url: string) {
    super(
      'NOT_ISOLATED',
      `bench speed --browser: the race page ${url} is not cross-origin isolated (crossOriginIsolated is false), so SharedArrayBuffer and wasm threads are off; it must be served with Cross-Origin-Opener-Policy: same-origin and Cross-Origin-Embedder-Policy: require-corp`,
    );
  }
}

export interface BrowserSpeedOptions {
  /** Default 'dense'; 'lenet': the LeNet experiments' network (tfjs trains it by bp only). */
  workload?: SpeedWorkload;
  sizes: number[];
  batches: number[];
  rules: SpeedRule[];
  seconds: number;
  rounds: number;
  warmupSeconds: number;
  lossEvery: number;
  learningRate: number;
  /** N of the N-thread rows; default the browser's navigator.hardwareConcurrency, at most 4. */
  threads?: number;
  /** gpu.js modes for rfa-gpu (default webgl2 and webgpu). */
  gpuModes?: string[];
  log: (line: string) => void;
  /** Serve without the isolation headers (to test the error). */
  isolate?: boolean;
}

/**
 * The speed race in Chromium (headless, WebGL2 and WebGPU on whatever adapter it finds):
 * bundles the race page and workers, serves them cross-origin isolated on 127.0.0.1,
 * and runs every implementation in dedicated workers, interleaved.
 */
export async function runBrowserSpeed(options: BrowserSpeedOptions): Promise<SpeedReport> {
  const require = createRequire(import.meta.url);
  const tfjsWasmDir = dirname(
    require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm'),
  );
  const scripts = await bundleRace();
  const { url, server } = await serveRace(scripts, tfjsWasmDir, options.isolate ?? true);
  const { context, close } = await launchChromium({ gpu: true });
  try {
    const page = await context.newPage();
    page.on('console', (m) => options.log(`[chromium] ${m.text()}`));
    page.on('pageerror', (e) => options.log(`[chromium] page error: ${e.message}`));
    await page.goto(url);
    if (!(await page.evaluate(() => globalThis.crossOriginIsolated)))
      throw new CrossOriginIsolationError(url);
    const cores = await page.evaluate(() => navigator.hardwareConcurrency);
    const threads = options.threads ?? Math.min(Math.max(cores, 1), 4);
    const workload = options.workload ?? 'dense';
    const image = imageWorkload(workload);
    const sizes = workloadSizes(image, options.sizes);
    const raceOptions: RaceOptions = {
      workload,
      sizes,
      batches: options.batches,
      rules: options.rules,
      seconds: options.seconds,
      rounds: options.rounds,
      warmupSeconds: options.warmupSeconds,
      lossEvery: options.lossEvery,
      learningRate: options.learningRate,
      seed: SPEED_SEED,
      threads,
      gpuModes: options.gpuModes ?? ['webgl2', 'webgpu'],
      verbose: process.env.RFA_RACE_VERBOSE === '1',
    };
    const result = await page.evaluate(
      (o) => (globalThis as unknown as { rfaRace(o: RaceOptions): Promise<RaceResult> }).rfaRace(o),
      raceOptions,
    );
    const chrome = /(?:Headless)?Chrome\/([\d.]+)/.exec(result.userAgent)?.[1] ?? 'unknown';
    const engine = `chromium ${chrome}`;
    const layers = image ? image.name : sizes.join('-');
    const skipped = [...result.skipped];
    const measured: SpeedRow[] = result.rows.map((r) => ({
      impl: r.impl,
      ...(r.threads !== undefined ? { threads: r.threads } : {}),
      ...(r.softwareGpu !== undefined ? { softwareGpu: r.softwareGpu } : {}),
      engine,
      rule: r.rule as SpeedRule,
      batch: r.batch,
      layers,
      examplesPerSecond: median(r.rounds),
      lossFirst: r.lossFirst,
      lossLast: r.lossLast,
      rounds: r.rounds,
      spread: spread(r.rounds),
      description: r.description,
    }));
    const rows = dropWrongLosses(measured, skipped, options.log);
    const about = new Map(rows.map((r) => [r.impl, r.description]));
    const header = [
      `${engine} (headless, ${cores} logical cores; WebGL2/WebGPU flags: SwiftShader where no GPU), page cross-origin isolated: ${result.crossOriginIsolated}`,
      networkLine(image, sizes, options.learningRate),
      `examples/s: median of ${options.rounds} rounds × ${options.seconds} s per implementation after a ${options.warmupSeconds} s warm-up, implementations interleaved, each in a dedicated worker; loss read back every ${options.lossEvery} steps`,
      `threads: N = ${threads} for rfa-cpu and tfjs-wasm alike (and 1 for both)`,
      ...[...about].map(([impl, text]) => `${impl}: ${text}`),
      'software GPU rows run on a CPU rasteriser (SwiftShader/llvmpipe): they say nothing about a real GPU and enter no ratio',
    ];
    return { header, skipped, rows };
  } finally {
    await close();
    server.close();
  }
}
