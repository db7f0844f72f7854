import {
  createSpikingNetwork,
  decodeSpikingState,
  encodeSpikingState,
  type LabelledSet,
  type SpikeTrace,
  type SpikingNetwork,
  type SpikingNetworkOptions,
  type SpikingNetworkState,
  TraceRecorder,
  trainEpochAsync,
} from '@rfa/spiking';
import { OptionError, Rng, type RngState } from '@rfa/tensor';
import { yieldToEventLoop } from '@rfa/train';
import { checkAborted } from '../errors.js';
import type { RuleRun } from '../types.js';
import { Curves } from './curves.js';
import { loadCheckpoint } from './load-checkpoint.js';
import type { RunContext } from './run-context.js';

export interface SpikingRunOptions {
  train: LabelledSet;
  test: LabelledSet;
  /** Everything but `rng`, which is drawn from `seed`. */
  network: Omit<SpikingNetworkOptions, 'rng'>;
  epochs: number;
  /** Training images per epoch: a random subset fixed for the run, reshuffled each epoch (all of them if ≥ count). */
  trainExamples: number;
  /** The first `testExamples` test images are scored at each evaluation. */
  testExamples: number;
  evaluationsPerEpoch: number;
  /** η of epoch e (from 1), set before the epoch's first image; default: `network.learningRate` throughout. */
  learningRateAt?: (epoch: number) => number;
  seed: number;
  /** Record Fig. 4's traces (rasters, one neuron's potential and modulator) over this many batches early, midway and late in training. 0: none. */
  traceBatches?: number;
}

/** Progress units: a test image costs about half a training image (5 steps without plasticity or feedback). */
export const TEST_IMAGE_WORK = 0.5;

/** Where a saved spiking run stood. */
interface SpikingPosition {
  epoch: number;
  batchesDone: number;
  order: number[];
  shuffle: RngState;
  curves: Record<string, (number | null)[]>;
  traces?: TraceState;
}

/** The first layer whose weights hold a non-finite value, or -1. */
function brokenLayer(state: SpikingNetworkState): number {
  return state.layerStates.findIndex((l) => !l.weights.every(Number.isFinite));
}

/**
 * Trains the spiking network online with feedback alignment through `@rfa/spiking`'s own
 * epoch loop and evaluation, `parallel` images side by side, and scores it on the test
 * set `evaluationsPerEpoch` times per epoch (and once before training). The curves' x
 * axis is epochs over the training images used. At each evaluation it checks that the
 * weights are finite (else it puts back the last good state and stops, as a divergence)
 * and, when a checkpoint is due, saves the network, generators and position.
 */
export async function spikingRun(o: SpikingRunOptions, ctx: RunContext): Promise<RuleRun> {
  const trainCount = Math.min(o.trainExamples, o.train.count);
  const testCount = Math.min(o.testExamples, o.test.count);
  if (trainCount < 1 || testCount < 1)
    throw new OptionError('spikingRun: trainExamples and testExamples must be at least 1');
  const net: SpikingNetwork = createSpikingNetwork(ctx.backend, { ...o.network, rng: new Rng(o.seed) });
  ctx.onModel?.({ kind: 'spiking', network: net });
  try {
    const shuffle = new Rng(o.seed + 1);
    const all = Uint32Array.from({ length: o.train.count }, (_, i) => i);
    shuffle.shuffle(all);
    const order = all.subarray(0, trainCount);
    const batches = Math.ceil(trainCount / net.options.parallel);
    const perEval = Math.ceil(batches / o.evaluationsPerEpoch);
    const saved = await loadCheckpoint(ctx.checkpoint, decodeSpikingState);
    const at = saved?.metadata as SpikingPosition | undefined;
    if (saved && at) {
      net.setState(saved.state);
      order.set(at.order);
      shuffle.setState(at.shuffle);
    }
    const curves = new Curves(['testError'], ctx, at?.curves);
    const traces = traceWindows(net, o.traceBatches ?? 0, o.epochs * batches, o.seed);
    let good: SpikingNetworkState | null = null;
    let divergence: RuleRun['divergence'];
    let lastGoodX = 0;

    const score = async (): Promise<number> => {
      let ticked = 0;
      return net.evaluate(o.test, testCount, {
        onBatch: (scored) => {
          ctx.emit({ type: 'step', step: 0, units: (scored - ticked) * TEST_IMAGE_WORK });
          ticked = scored;
          checkAborted(ctx.signal);
        },
      });
    };
    // Evaluates; returns false when the weights broke (the run then stops, restored).
    const evaluate = async (epoch: number, done: number): Promise<boolean> => {
      const x = epoch + done / batches;
      const testError = await score();
      curves.add({ step: x, testError });
      ctx.emit({ type: 'evaluation', step: x, metrics: { testError } });
      const state = await net.getState();
      const broken = brokenLayer(state);
      if (broken >= 0) {
        if (good) net.setState(good);
        divergence = {
          atStep: x,
          reason: `layer ${broken + 1} weights are not finite`,
          restoredFromStep: lastGoodX,
        };
        return false;
      }
      good = state;
      lastGoodX = x;
      if (ctx.checkpoint?.due()) {
        const position: SpikingPosition = {
          epoch: done === batches ? epoch + 1 : epoch,
          batchesDone: done === batches ? 0 : done,
          order: Array.from(order),
          shuffle: shuffle.getState(),
          curves: curves.values,
          traces: traces.state(),
        };
        await ctx.checkpoint.save(encodeSpikingState(state, position as unknown as Record<string, unknown>));
      }
      return true;
    };

    if (!at) await evaluate(0, 0);
    traces.restore(at?.traces);
    if (!at) traces.at(0);
    let ticked = 0;
    let stop = false;
    for (let epoch = at?.epoch ?? 0; epoch < o.epochs && !stop; epoch++) {
      const startBatch = at && epoch === at.epoch ? at.batchesDone : 0;
      if (epoch > 0 && startBatch === 0) shuffle.shuffle(order);
      ticked = Math.min(startBatch * net.options.parallel, trainCount);
      if (o.learningRateAt) net.setLearningRate(o.learningRateAt(epoch + 1));
      await trainEpochAsync(net, o.train, {
        order,
        startBatch,
        onBatch: async (done) => {
          if (stop) return;
          traces.at(epoch * batches + done);
          if (ctx.gate) await ctx.gate();
          if (done % 20 === 0 || done === batches) {
            const seen = Math.min(done * net.options.parallel, trainCount);
            ctx.emit({ type: 'step', step: done, units: seen - ticked });
            ticked = seen;
          }
          if (done % perEval === 0 || done === batches) stop = !(await evaluate(epoch, done));
          else if (done % 20 === 0) await yieldToEventLoop();
          checkAborted(ctx.signal);
          if (stop) throw STOP;
        },
      }).catch((e) => {
        if (e !== STOP) throw e;
      });
    }
    const i = divergence
      ? curves.lastIndexAtOrBefore(divergence.restoredFromStep)
      : curves.values.step.length - 1;
    const run: RuleRun = { final: { testError: curves.values.testError[i] }, curves: curves.values };
    if (divergence) run.divergence = divergence;
    const recorded = traces.finish();
    if (recorded) run.snapshots = { traces: recorded };
    return run;
  } finally {
    ctx.onModel?.(null);
    net.dispose();
  }
}

const STOP = Symbol('stop');

/** Traces finished and in progress, as a checkpoint keeps them. */
interface TraceState {
  recorded: Record<string, SpikeTrace>;
  open: { name: string; start: number; trace: SpikeTrace } | null;
}

/**
 * Records traces over `span` batches starting at the first batch, halfway and `span` before
 * the end of training (`at(g)` after each batch g; the recorder rides on `onStep` only
 * inside a window, beside any hook already there).
 */
function traceWindows(net: SpikingNetwork, span: number, total: number, seed: number) {
  const recorded: Record<string, SpikeTrace> = {};
  if (span <= 0 || !net.backend.canReadSync)
    return { at() {}, finish: () => null, state: (): TraceState | undefined => undefined, restore() {} };
  const starts: [string, number][] = [
    ['early', 0],
    ['middle', Math.floor(total / 2)],
    ['late', Math.max(0, total - span)],
  ];
  const recorder = new TraceRecorder(net, { rng: new Rng(seed + 2) });
  let open: { name: string; start: number; before: SpikingNetwork['onStep'] } | null = null;
  const begin = (name: string, start: number) => {
    const before = net.onStep;
    net.onStep = (n) => {
      before?.(n);
      recorder.record(n);
    };
    open = { name, start, before };
  };
  const close = () => {
    if (!open) return;
    recorded[open.name] = recorder.take();
    net.onStep = open.before;
    open = null;
  };
  return {
    at(g: number) {
      if (open && g - open.start >= span) close();
      const next = starts.find(([name, start]) => start === g && !(name in recorded));
      if (!open && next) begin(next[0], g);
    },
    /** What a checkpoint keeps: the finished traces and the one being recorded. */
    state: (): TraceState => ({
      recorded: structuredClone(recorded),
      open: open ? { name: open.name, start: open.start, trace: recorder.peek() } : null,
    }),
    restore(state: TraceState | undefined) {
      if (!state) return;
      Object.assign(recorded, state.recorded);
      if (state.open) {
        recorder.resume(state.open.trace);
        begin(state.open.name, state.open.start);
      }
    },
    finish: () => {
      close();
      return Object.keys(recorded).length ? recorded : null;
    },
  };
}
