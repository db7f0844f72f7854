// The race page's script: starts the race workers, times every implementation interleaved, returns the rows.
import { type Contender, type InitialState, interleave } from '@rfa/experiments/internal';
import * as Comlink from 'comlink';
import type { RaceOptions, RaceResult, RaceRow, RaceStart, RaceWorkerApi } from './race-protocol.js';

/** One race worker: its implementations, and why it stopped if it did. */
interface Host {
  name: string;
  api: Comlink.Remote<RaceWorkerApi>;
  worker: Worker;
  report: RaceStart;
  /** Set when a call failed or hung: the worker is ended and its rows are dropped with this reason. */
  failed?: string;
}

/** tfjs's GPU backends that go with rfa's gpu.js modes. */
const tfjsGpu = (modes: string[]): ('webgl' | 'webgpu')[] => [
  ...(modes.some((m) => m.startsWith('webgl')) ? (['webgl'] as const) : []),
  ...(modes.includes('webgpu') ? (['webgpu'] as const) : []),
];

/** A timed run may take this much longer than asked before its worker counts as hung. */
const HUNG_AFTER_MS = 120_000;

function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Dedicated workers: rfa's CPU backend (1 and N threads), one per rfa GPU mode, tfjs-wasm
 * on 1 thread, tfjs-wasm on N threads (tfjs sets its wasm thread count once per realm),
 * tfjs-webgl, and tfjs-webgpu. Only one trains at a time; the others wait for a
 * message. A worker whose call fails or hangs is ended, its rows dropped with the reason.
 */
async function race(o: RaceOptions): Promise<RaceResult> {
  const hosts: Host[] = [];
  const wasmPrefix = new URL('tfjs-wasm/', location.href).href;
  const skipped: string[] = [];
  const fail = (host: Host, error: unknown) => {
    host.failed ??= (error as Error).message ?? String(error);
    host.worker.terminate();
  };
  try {
    const plan: [string, string, unknown][] = [
      ['rfa-cpu', 'rfa-worker.js', { threads: o.threads > 1 ? [1, o.threads] : [1], gpuModes: [] }],
      ['tfjs-wasm-1t', 'tfjs-worker.js', { wasmThreads: 1, gpu: [], wasmPrefix, workload: o.workload }],
      // tfjs's unthreaded SIMD build too: at one thread it can beat the threaded build on one thread
      [
        'tfjs-wasm-1t-simd',
        'tfjs-worker.js',
        { wasmThreads: 1, unthreaded: true, gpu: [], wasmPrefix, workload: o.workload },
      ],
      ...(o.threads > 1
        ? [
            [
              'tfjs-wasm-nt',
              'tfjs-worker.js',
              { wasmThreads: o.threads, gpu: [], wasmPrefix, workload: o.workload },
            ] as [string, string, unknown],
          ]
        : []),
      // one worker per GPU mode or backend, so one that fails or hangs takes only its own rows down
      ...o.gpuModes.map((mode): [string, string, unknown] => [
        `rfa-gpu:${mode}`,
        'rfa-worker.js',
        { threads: [], gpuModes: [mode] },
      ]),
      // tfjs's GPU backends go with the same modes: webgl2/webgl → tfjs-webgl, webgpu → tfjs-webgpu
      ...tfjsGpu(o.gpuModes).map((gpu): [string, string, unknown] => [
        `tfjs-${gpu}`,
        'tfjs-worker.js',
        { wasmThreads: 0, gpu: [gpu], wasmPrefix, workload: o.workload },
      ]),
    ];
    for (const [name, file, config] of plan) {
      const worker = new Worker(new URL(file, location.href));
      const api = Comlink.wrap<RaceWorkerApi>(worker);
      const host: Host = { name, api, worker, report: { entries: [], skipped: [] } };
      try {
        host.report = await within(api.start(config), HUNG_AFTER_MS, `${name} worker start`);
        hosts.push(host);
        console.log(
          `${name} worker started: ${host.report.entries.map((e) => e.impl).join(', ') || 'nothing'}`,
        );
      } catch (error) {
        // the CPU rows are the race's point: without them there is nothing to compare
        if (name === 'rfa-cpu' || name.startsWith('tfjs-wasm')) throw error;
        fail(host, error);
        skipped.push(`${name}: skipped, its worker did not start (${host.failed})`);
      }
      skipped.push(...host.report.skipped);
    }
    for (const line of skipped) console.log(line);
    const entries = new Map(hosts.flatMap((h) => h.report.entries.map((e) => [e.impl, e] as const)));
    const rows: RaceRow[] = [];
    // per batch size, every rule's case is timed in the same interleaved rounds, so the
    // headline ratio (rfa FA over tfjs BP) compares runs made side by side, not minutes apart
    for (const batch of o.batches) {
      const owned: { rule: string; impl: string; host: Host }[] = [];
      for (const rule of o.rules) {
        const c = {
          workload: o.workload,
          sizes: o.sizes,
          rule,
          batch,
          learningRate: o.learningRate,
          seed: o.seed,
          blockRows: Math.max(1024, ...o.batches),
          lossEvery: o.lossEvery,
        };
        let state: InitialState | null = null;
        for (const host of hosts) {
          if (host.failed) continue;
          try {
            const made: { impls: string[]; state: InitialState | null } = await within(
              host.api.prepare(c, state),
              HUNG_AFTER_MS,
              `${host.name} prepare`,
            );
            state ??= made.state;
            owned.push(...made.impls.map((impl) => ({ rule, impl, host })));
          } catch (error) {
            if (host === hosts[0]) throw error;
            fail(host, error);
          }
        }
      }
      const limit = HUNG_AFTER_MS + 4000 * Math.max(o.seconds, o.warmupSeconds);
      const contenders: Contender[] = owned.map(({ rule, impl, host }) => ({
        impl: `${rule} ${impl}`,
        activate: async () => {
          if (!host.failed)
            await within(host.api.activate(rule, impl), limit, `${impl} activate`).catch((e) =>
              fail(host, e),
            );
        },
        run: async (seconds) => {
          if (host.failed) return Number.NaN;
          try {
            const rate = await within(host.api.run(rule, impl, seconds), limit, `${impl} run`);
            if (o.verbose)
              console.log(
                `  ${rule} batch ${batch} ${impl}: ${rate.toFixed(1)} examples/s over ${seconds} s`,
              );
            return rate;
          } catch (error) {
            fail(host, error);
            return Number.NaN;
          }
        },
      }));
      const rates = await interleave(contenders, o);
      for (const [i, { rule, impl, host }] of owned.entries()) {
        if (host.failed) continue;
        const e = entries.get(impl)!;
        rows.push({
          impl,
          ...(e.threads !== undefined ? { threads: e.threads } : {}),
          ...(e.softwareGpu !== undefined ? { softwareGpu: e.softwareGpu } : {}),
          rule,
          batch,
          rounds: rates[i],
          ...(await host.api.losses(rule, impl)),
          description: e.description,
        });
      }
      for (const host of hosts) if (!host.failed) await host.api.release();
      for (const rule of o.rules) {
        const done = rows.filter((r) => r.rule === rule && r.batch === batch);
        console.log(
          `${rule} batch ${batch}: ${done.map((r) => `${r.impl} ${[...r.rounds].sort((a, b) => a - b)[r.rounds.length >> 1].toFixed(0)}/s`).join(', ')}`,
        );
      }
    }
    // a worker that failed part way loses all its rows, so every row left has every case
    const dropped = new Set<string>();
    for (const host of hosts)
      if (host.failed) {
        for (const e of host.report.entries) dropped.add(e.impl);
        skipped.push(
          `${host.report.entries.map((e) => e.impl).join(', ')}: dropped, the ${host.name} worker failed (${host.failed})`,
        );
      }
    return {
      // the wrong-loss check runs in Node, where its error for rfa's own rows is typed
      rows: rows.filter((r) => !dropped.has(r.impl)),
      skipped,
      userAgent: navigator.userAgent,
      crossOriginIsolated,
    };
  } finally {
    for (const h of hosts) h.worker.terminate();
  }
}

Object.assign(globalThis, { rfaRace: race });
