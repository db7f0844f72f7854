import 'uplot/dist/uPlot.min.css';
import './styles.css';
import workerUrl from 'virtual:demo-worker-url';
import { DATASETS, getExperiment, layerLabels, ruleFeedback, ruleStyle } from '@rfa/experiments';
import * as Comlink from 'comlink';
import { defaultSettings, type RunSettings, resolveRun } from './app/run-settings.js';
import { SeedPoints } from './app/seed-points.js';
import { decodeSettings, encodeSettings } from './app/url-state.js';
import { type ImageClasses, padTitle } from './ui/class-labels.js';
import { CurveCharts } from './ui/curve-charts.js';
import { DigitPad } from './ui/digit-pad.js';
import { el } from './ui/dom.js';
import { chartsPicture, saveBlob } from './ui/downloads.js';
import { HeadlineCards } from './ui/headline-cards.js';
import { NetworkDiagram } from './ui/network-diagram.js';
import { ReadoutTable } from './ui/readout-table.js';
import { SettingsForm } from './ui/settings-form.js';
import { SpikeRaster } from './ui/spike-raster.js';
import { TestStripView } from './ui/test-strip.js';
import { WeightTiles } from './ui/weight-tiles.js';
import type { DemoWorkerApi, RunUpdate } from './worker/api.js';

// The page only wires: training, models and numbers live in the worker and the packages.
// the worker is a chunk of the page's build, sharing its packages' code (scripts/worker-chunk.ts)
const worker = Comlink.wrap<DemoWorkerApi>(new Worker(workerUrl, { type: 'module' }));
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

const button = (id: string, text: string) => el('button', { id, type: 'button', text });
const runControls = el(
  'div',
  { class: 'run-buttons' },
  button('start', 'Start'),
  button('pause', 'Pause'),
  button('step', 'Step'),
  button('reset', 'Reset'),
);
const form = new SettingsForm(initial, runControls);
$('settings').append(form.root);
const charts = new CurveCharts($('charts'));
const readout = new ReadoutTable($('readout'));
const tiles = new WeightTiles($('tiles'), $('tiles-title'));
const raster = new SpikeRaster($('raster'));
const diagram = new NetworkDiagram($('diagram'));
const headline = new HeadlineCards($('headline'));
const colour = (rule: string) => ruleStyle(rule).colour;
const strip = new TestStripView($('strip'), colour);
/** The chosen experiment's image data set (its class names label the pad's and the strip's guesses). */
let classes: ImageClasses = DATASETS.mnist;
const pad = new DigitPad($('pad'), (pixels) => worker.guess(pixels), colour, classes);
const chartsHint = () =>
  $('charts').replaceChildren(
    el('p', { class: 'hint', text: 'The curves appear here as soon as you press Start.' }),
  );

/** Shows what the chosen settings will run: caption, network, one card per rule (before Start, and at it). */
function preview(s: RunSettings, started = false): void {
  const exp = getExperiment(s.experiment);
  // a data set of images: the digit pad, the test strip and the weight tiles
  const [data] = exp.needs.datasets ?? [];
  document.body.dataset.images = String(data !== undefined);
  if (data) {
    classes = DATASETS[data];
    pad.setClasses(classes);
    $('mnist-title').textContent = padTitle(classes);
  }
  $('caption').textContent = started
    ? exp.caption
    : `${exp.caption} Press Start to train the chosen rules side by side.`;
  $('experiment-title').textContent = exp.title;
  let rules: string[] = [];
  let widths: number[] | null = null;
  let labels: string[] | null = null;
  try {
    const run = resolveRun(s);
    rules = run.rules;
    widths = exp.layerWidths(run.config);
    labels = layerLabels(exp, run.config);
  } catch {
    // a bad field is named when Start is pressed
  }
  const styled = rules.map((rule) => ({ rule, ...ruleStyle(rule) }));
  // angle lines under B only for rules that have feedback weights (not bp, shallow, node perturbation)
  diagram.show(
    widths,
    labels,
    styled.filter((r) => ruleFeedback(r.rule) !== 'none'),
  );
  headline.reset(styled);
}

const previewForm = () => {
  if (running) return;
  try {
    preview(form.read());
  } catch {
    // no rule chosen: keep the last preview
  }
};
form.root.addEventListener('change', previewForm);

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
let curvesReady = false;
const downloadJson = $<HTMLButtonElement>('download-json');
const downloadPng = $<HTMLButtonElement>('download-png');
let runName = 'rfa';
/** The page's current run; messages of an earlier one (still in flight after a reset) are dropped. */
let runNumber = 0;

function setRunning(on: boolean): void {
  running = on;
  paused = false;
  pauseButton.textContent = 'Pause';
  pauseButton.disabled = !on;
  $<HTMLButtonElement>('step').disabled = !on;
  document.body.dataset.running = String(on);
}

function onUpdate(u: RunUpdate): void {
  if (u.loading) {
    const { dataset, file, index, files, received, total } = u.loading;
    const share = Number.isFinite(total) ? received / total : Number.NaN;
    if (Number.isFinite(share)) {
      progress.max = 1;
      progress.value = share;
    } else progress.removeAttribute('value');
    status.textContent = `loading ${dataset}: file ${index} of ${files} (${file})${Number.isFinite(share) ? `, ${Math.round(share * 100)}%` : ''}`;
    progress.setAttribute('aria-label', `${dataset} download progress`);
  }
  // after the download's line: a run's status in the same message wins
  if (u.status) status.textContent = u.status;
  if (u.status?.startsWith('training')) training = u.status;
  if (u.backend) {
    backendLine.textContent = `${u.backend.mode === 'cpu' ? 'CPU' : `GPU (${u.backend.mode})`}: ${u.backend.description}`;
    backendLine.dataset.mode = u.backend.mode;
    fallback.textContent = u.backend.fallback ?? '';
    fallback.hidden = !u.backend.fallback;
  }
  for (const p of u.points) {
    const mean = seedPoints.add(p.rule, p.seed, p.point);
    readout.add(p.rule, p.seed, p.point);
    headline.add(p.rule, mean);
    diagram.update(p.rule, mean);
    curvesReady = true;
  }
  if (u.points.length > 0) charts.update(seedPoints);
  if (u.progress) {
    progress.max = u.progress.total;
    progress.value = u.progress.done;
    progress.setAttribute('aria-label', 'run progress');
  }
  if (u.tiles) {
    tiles.draw(u.tiles);
    void refreshStrip();
  }
  if (u.raster) {
    $('spiking-section').hidden = false;
    raster.add(u.raster.trace, u.raster.classes);
  }
  // the table is written at most four times a second, and only when it has new numbers
  // (rewriting it and its layout every frame, beside the charts, made long tasks)
  if (u.points.length > 0 && !renderQueued) {
    renderQueued = true;
    setTimeout(() => {
      renderQueued = false;
      readout.render();
      headline.render();
      downloadJson.disabled = downloadPng.disabled = !curvesReady;
    }, 250);
  }
  for (const e of u.ends) readout.end(e);
  if (u.error) problem.textContent = u.error;
  if (u.finished) {
    setRunning(false);
    void refreshStrip(true);
  }
}

let lastStrip = 0;
/** The test images with each network's guess, at most every 3 s while training (and at the end). */
async function refreshStrip(now = false): Promise<void> {
  if (document.body.dataset.images !== 'true' || (!now && performance.now() - lastStrip < 3000)) return;
  lastStrip = performance.now();
  const images = await worker.strip(12);
  const any = images?.guesses.some((g) => g.length > 0) ?? false;
  document.body.dataset.guesses = String(any);
  // a network that cannot take a drawn digit (the spiking one): its weights only
  $('mnist-title').textContent = any ? padTitle(classes) : 'What the network learned';
  if (images && any) strip.show(images, classes);
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
    charts.reset(exp, settings.seeds);
    readout.reset(run.rules, settings.seeds);
    preview(settings, true);
    seedPoints = new SeedPoints();
    training = 'training';
    curvesReady = false;
    downloadJson.disabled = downloadPng.disabled = true;
    runName = `rfa-${settings.experiment}-seed${settings.seed}`;
    tiles.reset();
    raster.reset();
    strip.reset();
    delete document.body.dataset.guesses;
    $('mnist-title').textContent = padTitle(classes);
    $('spiking-section').hidden = true;
  } catch (err) {
    problem.textContent = (err as Error).message;
    return;
  }
  setRunning(true);
  status.textContent = 'starting…';
  try {
    // a run's messages count only while it is the page's run (a reset or a new start ends that)
    const run = ++runNumber;
    const own = (u: RunUpdate) => {
      if (run === runNumber) onUpdate(u);
    };
    await worker.start(settings, dataUrl, Comlink.proxy(own));
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
  runNumber++;
  await worker.stop();
  setRunning(false);
  form.load(defaultSettings(form.read().experiment));
  charts.reset(null);
  chartsHint();
  readout.reset([]);
  previewForm();
  strip.reset();
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

downloadJson.addEventListener('click', () => {
  const body = JSON.stringify({ settings: form.read(), charts: charts.curves() }, null, 1);
  saveBlob(new Blob([body], { type: 'application/json' }), `${runName}-curves.json`);
});
downloadPng.addEventListener('click', () => {
  const picture = chartsPicture(charts.pictures(), document.title);
  picture.toBlob((blob) => blob && saveBlob(blob, `${runName}-charts.png`), 'image/png');
});

setRunning(false);
status.textContent = 'ready';
$('spiking-section').hidden = true;
chartsHint();
preview(initial);
if (fromLink) void start();
// for tests and curious users: the worker's throughput probe, and what its backend holds
Object.assign(globalThis, {
  rfaDemo: {
    measureSpeed: worker.measureSpeed.bind(worker),
    backendMemory: worker.backendMemory.bind(worker),
  },
});
