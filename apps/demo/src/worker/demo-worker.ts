/// <reference lib="webworker" />

import type { Dataset } from '@rfa/datasets';
import {
  DATASETS,
  type DatasetId,
  type Experiment,
  type ExperimentData,
  experimentWork,
  getExperiment,
  loadExperimentDataFromUrl,
  measureSpeed,
  runExperiment,
} from '@rfa/experiments';
import { TraceRecorder } from '@rfa/spiking';
import { type Backend, Rng } from '@rfa/tensor';
import * as Comlink from 'comlink';
import { resolveRun, runSeeds } from '../app/run-settings.js';
import type { DemoWorkerApi, RunUpdate } from './api.js';
import { chooseBackend, cpuBackend } from './backend-choice.js';
import { countingFetch, type DownloadProgress } from './counting-fetch.js';
import { LiveModels } from './live-models.js';
import { RunGate } from './run-gate.js';
import { tileImage } from './tile-image.js';
import { UpdateBuffer } from './update-buffer.js';

const TILE_UNITS = 16;
/** Data sets already fetched, by the ids an experiment needs ('mnist'), kept for the next run. */
const loaded = new Map<string, Promise<ExperimentData>>();
/** The last data sets a run used: the test strip's images come from them. */
let lastData: ExperimentData | null = null;
const models = new LiveModels();
let current: {
  gate: RunGate;
  abort: AbortController;
  done: Promise<void>;
  backend: Backend;
  mode: string;
} | null = null;

/**
 * The data sets `exp` needs, fetched from `dataUrl` once per page (a failed fetch is tried
 * again next time); each file's download progress goes to the page.
 */
function loadData(exp: Experiment, dataUrl: string, out: UpdateBuffer): Promise<ExperimentData> {
  const key = (exp.needs.datasets ?? []).join(',');
  let data = loaded.get(key);
  if (!data) {
    const files = (exp.needs.datasets ?? []).reduce((n, id) => n + DATASETS[id].files.length, 0);
    const seen: string[] = [];
    const onProgress = (p: DownloadProgress) => {
      if (!seen.includes(p.url)) seen.push(p.url);
      // <dataUrl>/<data set id>/<file>
      const [id, file] = p.url.split('/').slice(-2);
      const dataset = DATASETS[id as DatasetId]?.name ?? id;
      out.set({
        loading: { dataset, file, index: seen.length, files, received: p.received, total: p.total },
      });
    };
    data = loadExperimentDataFromUrl(exp, dataUrl, { fetch: countingFetch(fetch, onProgress) }).catch(
      (err) => {
        loaded.delete(key);
        throw new Error(`${key} could not be loaded from ${dataUrl}: ${(err as Error).message}`);
      },
    );
    loaded.set(key, data);
  }
  return data.then((d) => {
    lastData = d;
    return d;
  });
}

async function stopCurrent(): Promise<void> {
  if (!current) return;
  current.abort.abort();
  current.gate.stop();
  await current.done;
}

const api: DemoWorkerApi = {
  async start(settings, dataUrl, onUpdate) {
    await stopCurrent();
    models.clear();
    current?.backend.dispose();
    current = null;
    const { config, rules } = resolveRun(settings);
    const exp = getExperiment(settings.experiment);
    const out = new UpdateBuffer((u: RunUpdate) => onUpdate(u));
    const gate = new RunGate(rules.length, settings.stepsPerFrame);
    const abort = new AbortController();
    let raster: { recorder: TraceRecorder; classes: number } | null = null;
    const chosen = await chooseBackend(settings.backend);
    out.set({ backend: { mode: chosen.mode, description: chosen.description, fallback: chosen.fallback } });
    const seeds = runSeeds(settings);
    const total = experimentWork(exp, config, rules, seeds.length);
    let done = 0;
    let runningSeed = seeds[0];
    let lastTiles = 0;
    const sendTiles = async () => {
      lastTiles = performance.now();
      const tiles = await models.tiles(TILE_UNITS);
      out.set({
        tiles: tiles.map((t) => ({
          rule: t.rule,
          kind: t.kind,
          units: t.units,
          image: tileImage(t.pixels, t.units, 4, t.tileW, t.tileH),
        })),
      });
    };
    const run = async () => {
      try {
        const needs = exp.needs.datasets ?? [];
        if (needs.length) out.status(`loading ${needs.map((id) => DATASETS[id].name).join(', ')}…`);
        const data = await loadData(exp, dataUrl, out);
        out.status(seeds.length > 1 ? `training seed ${seeds[0]} (1 of ${seeds.length})` : 'training');
        await runExperiment(exp, {
          config,
          rules,
          // one seed after another, each with the same gate (pause, single steps, pacing)
          seeds,
          backend: chosen.backend,
          data,
          signal: abort.signal,
          concurrentRules: true,
          gate: async () => {
            await gate.pass();
            if (performance.now() - lastTiles > 400) await sendTiles();
            if (raster) out.raster(raster.recorder.take(), raster.classes);
          },
          onModel: (id, model) => {
            models.set(id.rule, model);
            // the raster reads spikes synchronously: shown for the CPU backend only
            if (model?.kind === 'spiking' && model.network.backend.canReadSync) {
              const recorder = new TraceRecorder(model.network, { rng: new Rng(id.seed) });
              model.network.onStep = recorder.record;
              raster = { recorder, classes: model.network.options.classes };
            }
          },
          onEvent: (e) => {
            if (e.seed !== runningSeed) {
              runningSeed = e.seed;
              out.status(`training seed ${e.seed} (${seeds.indexOf(e.seed) + 1} of ${seeds.length})`);
            }
            if (e.type === 'step') {
              done += e.units;
              out.progress(done, total);
            } else if (e.type === 'record') out.point(e.rule, e.seed, e.point);
            else if (e.type === 'end')
              out.end({
                rule: e.rule,
                seed: e.seed,
                final: e.run.final,
                ...(e.run.divergence ? { divergence: e.run.divergence } : {}),
              });
          },
        });
        await sendTiles();
        out.status(abort.signal.aborted ? 'stopped' : 'done');
      } catch (err) {
        out.set({ error: (err as Error).message });
        out.status('failed');
      } finally {
        out.finish();
      }
    };
    current = { gate, abort, backend: chosen.backend, mode: chosen.mode, done: run() };
  },
  pause: () => current?.gate.pause(),
  resume: () => current?.gate.resume(),
  step: () => current?.gate.step(),
  setStepsPerFrame: (n) => {
    if (current) current.gate.stepsPerFrame = n;
  },
  stop: stopCurrent,
  guess: (pixels) => models.guess(pixels),
  async strip(count) {
    // the test set of the last run's data set of 28×28 images
    const test = Object.values(lastData?.datasets ?? {})
      .map((d) => (d as { test?: Dataset }).test)
      .find((t) => t?.inputSize === 784 && t.labels);
    if (!test?.labels) return null;
    const images: Float32Array[] = [];
    const guesses: { rule: string; guess: number }[][] = [];
    for (let i = 0; i < Math.min(count, test.count); i++) {
      const image = test.inputs.slice(i * 784, (i + 1) * 784);
      images.push(image);
      guesses.push((await models.guess(image)).map((g) => ({ rule: g.rule, guess: g.guess })));
    }
    return { images, labels: Array.from(test.labels.slice(0, images.length)), guesses };
  },
  backendMemory() {
    if (!current) return null;
    // the GPU backend adds its device's counters to what every backend reports
    const m = current.backend.memory() as ReturnType<Backend['memory']> & {
      deviceBuffers?: number;
      glTextures?: number | null;
    };
    return {
      mode: current.mode,
      tensors: m.tensors,
      deviceBuffers: m.deviceBuffers ?? null,
      glTextures: m.glTextures ?? null,
    };
  },
  async measureSpeed(o) {
    const backend = await cpuBackend(o.threads ?? 1);
    try {
      return await measureSpeed(backend, o);
    } finally {
      backend.dispose();
    }
  },
};

Comlink.expose(api);
