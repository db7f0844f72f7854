#!/usr/bin/env node
// The README's sweep throughput table: the same 8-job sweep (fig2, FA, seeds 1-8, STEPS online
// steps each) run (1) one job after another in this process, (2) on the local pool with one
// worker thread per core, (3) by two worker processes through BullMQ on a redis-server on
// loopback. Prints a Markdown table: wall time, throughput ratio to (1), and the overhead per
// job (slots × wall − Σ job compute, over the jobs), in ms. Needs `pnpm build` and redis-server.
//   node packages/sweeps/bench/throughput.mjs [steps=30000]
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  collectSweep,
  expandSweep,
  parseSweepSpec,
  resultStore,
  runJob,
  runLocalSweep,
  submitSweep,
} from '../dist/index.js';
import { startRedis } from '../dist/testing.js';

const steps = Number(process.argv[2] ?? 30000);
const jobs = expandSweep(
  parseSweepSpec({ experiment: 'fig2', rules: ['fa'], seeds: { from: 1, to: 8 }, set: { steps } }),
);
const store = () => resultStore(join(mkdtempSync(join(tmpdir(), 'rfa-throughput-')), 'jobs'));
const compute = (results) => results.reduce((s, r) => s + r.provenance.wallSeconds, 0);
const rows = [];
const row = (how, slots, wall, results) => {
  if (results.length !== jobs.length) throw new Error(`${how}: ${results.length} of ${jobs.length} results`);
  rows.push({ how, slots, wall, overheadMs: ((slots * wall - compute(results)) / jobs.length) * 1000 });
  console.error(`${how}: ${wall.toFixed(1)} s`);
};

// warm-up: load the experiment code and compile the kernels once, outside the timings
await runJob(
  expandSweep(parseSweepSpec({ experiment: 'fig2', rules: ['fa'], seeds: [99], set: { steps: 200 } }))[0],
);

let t = performance.now();
const serial = [];
for (const job of jobs) serial.push(await runJob(job));
row('1 process, one job after another', 1, (performance.now() - t) / 1000, serial);

t = performance.now();
const pool = await runLocalSweep(jobs, { store: store(), workers: 2 });
row('local pool, 2 worker threads', 2, (performance.now() - t) / 1000, pool.results);

const redis = await startRedis();
const workerScript = fileURLToPath(new URL('../src/testing/worker-process.mjs', import.meta.url));
const queueName = `throughput-${process.pid}`;
const workers = await Promise.all(
  [0, 1].map(
    () =>
      new Promise((resolve, reject) => {
        const child = spawn(process.execPath, [
          workerScript,
          JSON.stringify({ url: redis.url, queueName, concurrency: 1 }),
        ]);
        child.stdout.on('data', (d) => String(d).includes('ready') && resolve(child));
        child.once('exit', (code) => reject(new Error(`worker exited ${code}`)));
      }),
  ),
);
try {
  t = performance.now();
  await submitSweep(jobs, { url: redis.url, queueName });
  const queued = await collectSweep(jobs, {
    url: redis.url,
    queueName,
    store: store(),
    wait: true,
    pollMs: 50,
  });
  row(
    '2 worker processes through BullMQ (redis-server on loopback)',
    2,
    (performance.now() - t) / 1000,
    queued.results,
  );
  const same = queued.results.every((r, i) => JSON.stringify(r.run) === JSON.stringify(serial[i].run));
  console.error(`queue results equal the serial ones: ${same}`);
} finally {
  for (const w of workers) w.kill('SIGKILL');
  await redis.stop();
}

const base = rows[0].wall;
console.log(
  `\n8 jobs: fig2, fa, seeds 1-8, steps=${steps}; ${(compute(serial) / 8).toFixed(2)} s per job in one process\n`,
);
console.log('| how | wall (s) | throughput vs 1 process | overhead per job (ms) |');
console.log('| --- | ---: | ---: | ---: |');
for (const r of rows)
  console.log(
    `| ${r.how} | ${r.wall.toFixed(1)} | ${(base / r.wall).toFixed(2)}× | ${r.slots === 1 ? '—' : r.overheadMs.toFixed(0)} |`,
  );
process.exit(0);
