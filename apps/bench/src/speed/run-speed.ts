import { availableParallelism } from 'node:os';
import { createCpuBackend, fmaKernelsSupported } from '@rfa/backend-cpu';
import {
  type Contender,
  GEMM_SHAPE,
  interleave,
  makeExampleBlock,
  median,
  RfaGemmContender,
  RfaSpeedTrainer,
  SPEED_SEED,
  type SpeedTrainer,
  spread,
  TrainingContender,
  type TrainSetup,
} from '@rfa/experiments/internal';
import type { Backend } from '@rfa/tensor';
import { TfjsGemmContender, type TfjsRuntime, tfjsTrainers } from '@rfa/tfjs-peers';
import { loadTfjs } from '@rfa/tfjs-peers/node';
import { loadGpuBackends } from './gpu-backends.js';
import { enableRelaxedSimd } from './relaxed-simd.js';
import type { SpeedRow, SpeedRule } from './types.js';
import {
  imageWorkload,
  networkLine,
  type SpeedWorkload,
  TFJS_STEP_DENSE,
  TFJS_STEP_IMAGE,
  workloadSizes,
} from './workload.js';
import { dropWrongLosses } from './wrong-loss.js';

export interface SpeedOptions {
  peers: boolean;
  /** Default 'dense'. 'lenet': LeNet on 28×28×1 examples, softmax cross-entropy; tfjs-wasm is its only peer. */
  workload?: SpeedWorkload;
  backend: 'cpu' | 'gpu' | 'all';
  /** gpu.js modes to try (default: every mode that works here). */
  gpuModes?: string[];
  sizes: number[];
  batches: number[];
  rules: SpeedRule[];
  /** Seconds per timed run; each contender gets `rounds` of them per configuration. */
  seconds: number;
  rounds: number;
  warmupSeconds: number;
  /** Read the loss back every this many steps (same for every implementation). */
  lossEvery: number;
  /** Also time the (128×784)·(784×1000) product. */
  gemm: boolean;
  learningRate: number;
  /** Progress and skip lines. */
  log: (line: string) => void;
}

export interface SpeedReport {
  /** What ran: one line per implementation, plus how it was measured. */
  header: string[];
  skipped: string[];
  rows: SpeedRow[];
}

const SEED = SPEED_SEED;

/** An rfa backend in the race, with the CPU threads it computes on (none for GPU modes). */
interface RfaEntry {
  impl: string;
  backend: Backend;
  threads?: number;
}

/** Times one training step loop per implementation, interleaved; then the gemm rate. */
export async function runSpeed(options: SpeedOptions): Promise<SpeedReport> {
  const image = imageWorkload(options.workload);
  const sizes = workloadSizes(image, options.sizes);
  const layers = image ? image.name : sizes.join('-');
  // the CPU backend's default thread count (cores, at most 4), set explicitly so the table can say it
  const threads = Math.min(availableParallelism(), 4);
  const cpu = createCpuBackend({ threads });
  const rfa: RfaEntry[] = options.backend === 'gpu' ? [] : [{ impl: 'rfa-cpu', backend: cpu, threads }];
  const skipped: string[] = [];
  if (options.backend !== 'gpu') {
    // one thread beside the default, so the table shows rfa per thread as well as per machine
    if (threads > 1) rfa.push({ impl: 'rfa-cpu-1t', backend: createCpuBackend({ threads: 1 }), threads: 1 });
    // the same CPU backend with fused multiply-adds (opt-in there: it changes the last bits)
    enableRelaxedSimd();
    if (fmaKernelsSupported())
      rfa.push({ impl: 'rfa-cpu-fma', backend: createCpuBackend({ fma: true, threads }), threads });
    else skipped.push('rfa-cpu-fma: skipped, this engine has no WebAssembly relaxed SIMD');
  }
  if (options.backend !== 'cpu') {
    const gpu = await loadGpuBackends(options.gpuModes);
    rfa.push(...gpu.candidates);
    skipped.push(...gpu.skipped);
  }
  const loaded: TfjsRuntime | null = options.peers ? await loadTfjs() : null;
  // tfjs's plain-JS cpu backend takes seconds per LeNet step: the conv race is against wasm only
  const tfjs =
    loaded && image ? { ...loaded, peers: loaded.peers.filter((p) => p.backendName === 'wasm') } : loaded;
  const about = new Map<string, string>([
    ...rfa.map((r): [string, string] => [r.impl, r.backend.description]),
    ...(tfjs?.peers ?? []).map((p): [string, string] => [
      p.impl,
      `TensorFlow.js ${tfjs!.version} ${p.backendName} backend (${p.note}), prod mode; ${image ? TFJS_STEP_IMAGE : TFJS_STEP_DENSE}`,
    ]),
  ]);
  const header = [
    networkLine(image, sizes, options.learningRate),
    `examples/s: median of ${options.rounds} rounds × ${options.seconds} s per implementation after a ${options.warmupSeconds} s warm-up, implementations interleaved; loss read back every ${options.lossEvery} steps`,
    ...[...about].map(([impl, text]) => `${impl}: ${text}`),
  ];
  for (const line of skipped) options.log(line);
  // tfjs-wasm runs one thread in Node (tfjs turns its wasm threads off there), tfjs-cpu one
  const threadsOf = new Map<string, number>([
    ...rfa.flatMap((r): [string, number][] => (r.threads ? [[r.impl, r.threads]] : [])),
    ...(tfjs?.peers ?? []).map((p): [string, number] => [p.impl, p.threads]),
  ]);
  const rows: SpeedRow[] = [];
  const block = makeExampleBlock(sizes[0], sizes.at(-1)!, Math.max(1024, ...options.batches), SEED);
  try {
    // per batch size, every rule's trainers are timed in the same interleaved rounds, so the
    // headline ratio (rfa FA over tfjs BP) compares runs made side by side, not minutes apart
    for (const batch of options.batches) {
      const cases: { rule: SpeedRule; trainers: SpeedTrainer[] }[] = [];
      try {
        for (const rule of options.rules) {
          const setup: TrainSetup = {
            sizes,
            ...(image ? { image } : {}),
            rule,
            batch,
            learningRate: options.learningRate,
            block,
            seed: SEED,
          };
          cases.push({ rule, trainers: await makeTrainers(setup, cpu, rfa, tfjs) });
        }
        const owned = cases.flatMap(({ rule, trainers }) =>
          trainers.map((t) => ({ rule, contender: new TrainingContender(t, batch, options.lossEvery) })),
        );
        const rates = await interleave(
          owned.map(({ rule, contender }) => ({
            impl: `${rule} ${contender.impl}`,
            activate: () => contender.activate(),
            run: (seconds: number) => contender.run(seconds),
          })),
          options,
        );
        owned.forEach(({ rule, contender: c }, i) => {
          rows.push({
            impl: c.impl,
            ...(threadsOf.has(c.impl) ? { threads: threadsOf.get(c.impl) } : {}),
            engine: `node ${process.versions.node}`,
            rule,
            batch,
            layers,
            examplesPerSecond: median(rates[i]),
            lossFirst: c.lossFirst,
            lossLast: c.lossLast,
            rounds: rates[i],
            spread: spread(rates[i]),
            description: about.get(c.impl)!,
          });
        });
        for (const rule of options.rules)
          options.log(
            `${rule} batch ${batch}: ${rows
              .filter((r) => r.rule === rule && r.batch === batch)
              .map((r) => `${r.impl} ${r.examplesPerSecond.toFixed(0)}/s`)
              .join(', ')}`,
          );
      } finally {
        for (const { trainers } of cases) for (const t of trainers) t.dispose();
      }
    }
    // the gemm rows belong to the dense race
    if (options.gemm && !image) rows.push(...(await gemmRows(rfa, tfjs, options, about)));
  } finally {
    for (const r of rfa) if (r.backend !== cpu) r.backend.dispose();
    cpu.dispose();
  }
  return { header, skipped, rows: dropWrongLosses(rows, skipped, options.log) };
}

/** rfa on the CPU draws the start values; every other implementation copies them. */
async function makeTrainers(
  setup: TrainSetup,
  cpu: Backend,
  rfa: RfaEntry[],
  tfjs: TfjsRuntime | null,
): Promise<SpeedTrainer[]> {
  const origin = new RfaSpeedTrainer('rfa-cpu', cpu, setup);
  const state = await origin.initialState();
  const trainers: SpeedTrainer[] = [];
  for (const r of rfa)
    trainers.push(r.backend === cpu ? origin : new RfaSpeedTrainer(r.impl, r.backend, setup, state));
  if (!rfa.some((r) => r.backend === cpu)) origin.dispose();
  if (tfjs) trainers.push(...(await tfjsTrainers(tfjs.tf, tfjs.peers, setup, state)));
  return trainers;
}

async function gemmRows(
  rfa: RfaEntry[],
  tfjs: TfjsRuntime | null,
  options: SpeedOptions,
  about: Map<string, string>,
): Promise<SpeedRow[]> {
  const contenders: (Contender & { dispose(): void })[] = rfa.map(
    (r) => new RfaGemmContender(r.impl, r.backend, GEMM_SHAPE),
  );
  for (const peer of tfjs?.peers ?? [])
    contenders.push(await TfjsGemmContender.create(tfjs!.tf, peer, GEMM_SHAPE));
  try {
    const rates = await interleave(contenders, options);
    const { m, k, n } = GEMM_SHAPE;
    const rows = contenders.map((c, i): SpeedRow => {
      const gflops = median(rates[i]);
      return {
        impl: c.impl,
        rule: 'gemm',
        batch: m,
        layers: `${m}-${k}-${n}`,
        examplesPerSecond: (gflops * 1e9) / (2 * k * n),
        gflops,
        rounds: rates[i].map((g) => (g * 1e9) / (2 * k * n)),
        spread: spread(rates[i]),
        description: about.get(c.impl)!,
      };
    });
    options.log(
      `gemm ${m}×${k}·${k}×${n}: ${rows.map((r) => `${r.impl} ${r.gflops!.toFixed(2)} GFLOP/s`).join(', ')}`,
    );
    return rows;
  } finally {
    for (const c of contenders) c.dispose();
  }
}
