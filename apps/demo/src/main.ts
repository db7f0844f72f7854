import 'uplot/dist/uPlot.min.css';
import './styles.css';
import { getExperiment } from '@rfa/experiments';
import * as Comlink from 'comlink';
import { defaultSettings, type RunSettings, resolveRun } from './app/run-settings.js';
import { SeedPoints } from './app/seed-points.js';
import { decodeSettings, encodeSettings } from './app/url-state.js';
import { CurveCharts } from './ui/curve-charts.js';
import { DigitPad } from './ui/digit-pad.js';
import { ReadoutTable } from './ui/readout-table.js';
import { SettingsForm } from './ui/settings-form.js';
import { SpikeRaster } from './ui/spike-raster.js';
import { WeightTiles } from './ui/weight-tiles.js';
import type { DemoWorkerApi, RunUpdate } from './worker/api.js';

// The page only wires: training, models and numbers live in the worker and the packages.
const worker = Comlink.wrap<DemoWorkerApi>(
  new Worker(new URL('./worker/demo-worker.ts', import.meta.url), { type: 'module' }),
);
const dataUrl = new URL('./', document.baseURI).href;
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

let initial: RunSettings = defaultSettings();
let fromLink = false;
const problem = $('problem');
try {
  const linked = decodeSettings(location.search);
  if (linked) {
    resolveRun(linked);
    initial = linked;
    fromLink = true;
  }
} catch (err) {
  problem.textContent = `The link’s settings could not be used: ${(err as Error).message}`;
}

const form = new SettingsForm(initial);
document.body.dataset.experiment = initial.experiment;
form.root.addEventListener('change', () => {
  if (!running)
    document.body.dataset.experiment = (
      form.root.elements.namedItem('experiment') as HTMLSelectElement
    ).value;
});
$('settings').append(form.root);
const charts = new CurveCharts($('charts'));
const readout = new ReadoutTable($('readout'));
const tiles = new WeightTiles($('tiles'));
const raster = new SpikeRaster($('raster'));
new DigitPad($('pad'), (pixels) => worker.guess(pixels));

const status = $('status');
const backendLine = $('backend');
const fallback = $('fallback');
const progress = $<HTMLProgressElement>('progress');
const share = $<HTMLInputElement>('share');
const pauseButton = $<HTMLButtonElement>('pause');
let running = false;
let paused = false;
let renderQueued = false;
/** The charts' points: each x averaged over the seeds that have reached it (see `SeedPoints`). */
let seedPoints = new SeedPoints();
/** The worker's last training status ('training seed 3 (2 of 4)'), shown again on resume. */
let training = 'training';

function setRunning(on: boolean): void {
  running = on;
  paused = false;
  pauseButton.textContent = 'Pause';
  pauseButton.disabled = !on;
  $<HTMLButtonElement>('step').disabled = !on;
  document.body.dataset.running = String(on);
}

function onUpdate(u: RunUpdate): void {
  if (u.status) status.textContent = u.status;
  if (u.status?.startsWith('training')) training = u.status;
  if (u.backend) {
    backendLine.textContent = `${u.backend.mode === 'cpu' ? 'CPU' : `GPU (${u.backend.mode})`}: ${u.backend.description}`;
    backendLine.dataset.mode = u.backend.mode;
    fallback.textContent = u.backend.fallback ?? '';
    fallback.hidden = !u.backend.fallback;
  }
  for (const p of u.points) {
    charts.add(p.rule, seedPoints.add(p.rule, p.seed, p.point));
    readout.add(p.rule, p.seed, p.point);
  }
  if (u.progress) {
    progress.max = u.progress.total;
    progress.value = u.progress.done;
  }
  if (u.tiles) tiles.draw(u.tiles);
  if (u.raster) raster.add(u.raster.trace, u.raster.classes);
  // the table is written at most four times a second, and only when it has new numbers
  // (rewriting it and its layout every frame, beside the charts, made long tasks)
  if (u.points.length > 0 && !renderQueued) {
    renderQueued = true;
    setTimeout(() => {
      renderQueued = false;
      readout.render();
    }, 250);
  }
  for (const e of u.ends) readout.end(e);
  if (u.error) problem.textContent = u.error;
  if (u.finished) setRunning(false);
}

async function start(): Promise<void> {
  problem.textContent = '';
  let settings: RunSettings;
  try {
    settings = form.read();
    const run = resolveRun(settings);
    const query = encodeSettings(settings, run.config, run.rules);
    history.replaceState(null, '', `?${query}`);
    share.value = location.href;
    const exp = getExperiment(settings.experiment);
    charts.reset(exp.plots, run.rules, exp.xUnit, settings.seeds);
    readout.reset(run.rules, settings.seeds);
    seedPoints = new SeedPoints();
    training = 'training';
    tiles.reset();
    raster.reset();
    document.body.dataset.experiment = settings.experiment;
  } catch (err) {
    problem.textContent = (err as Error).message;
    return;
  }
  setRunning(true);
  status.textContent = 'starting…';
  try {
    await worker.start(settings, dataUrl, Comlink.proxy(onUpdate));
  } catch (err) {
    problem.textContent = (err as Error).message;
    setRunning(false);
  }
}

$('start').addEventListener('click', () => void start());
pauseButton.addEventListener('click', () => {
  if (!running) return;
  paused = !paused;
  pauseButton.textContent = paused ? 'Resume' : 'Pause';
  status.textContent = paused ? 'paused' : training;
  void (paused ? worker.pause() : worker.resume());
});
$('step').addEventListener('click', () => {
  if (!paused) {
    paused = true;
    pauseButton.textContent = 'Resume';
    void worker.pause();
  }
  status.textContent = 'paused (single steps)';
  void worker.step();
});
$('reset').addEventListener('click', async () => {
  await worker.stop();
  setRunning(false);
  form.load(defaultSettings(form.read().experiment));
  charts.reset([], [], 'step');
  readout.reset([]);
  tiles.reset();
  raster.reset();
  progress.value = 0;
  status.textContent = 'ready';
  history.replaceState(null, '', location.pathname);
});
form.root.addEventListener('change', (e) => {
  const t = e.target as HTMLInputElement;
  if (t.name === 'stepsPerFrame' && running)
    void worker.setStepsPerFrame(Math.max(0, Math.floor(Number(t.value)) || 0));
});
$('copy').addEventListener('click', () => {
  share.select();
  void navigator.clipboard?.writeText(share.value).catch(() => undefined);
});

setRunning(false);
status.textContent = 'ready';
if (fromLink) void start();
// for tests and curious users: the worker's throughput probe
Object.assign(globalThis, { rfaDemo: { measureSpeed: worker.measureSpeed.bind(worker) } });
