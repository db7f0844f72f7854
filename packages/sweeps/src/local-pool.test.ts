import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandSweep } from './expand-sweep.js';
import { runLocalSweep } from './local-pool.js';
import { resultStore } from './result-store.js';
import { runJob } from './run-job.js';
import type { SweepEvent } from './sweep-events.js';
import { parseSweepSpec } from './sweep-spec.js';
import { tinyFig4 } from './testing/tiny-fig4.js';

const spec = parseSweepSpec({
  experiment: 'fig2',
  rules: ['bp', 'fa'],
  seeds: 2,
  set: { steps: 300, evaluateEvery: 50, heldOut: 100 },
});

describe('runLocalSweep', () => {
  it('runs the jobs on two worker threads, equal bit for bit to each job run here, and writes each result', async () => {
    const jobs = expandSweep(spec);
    const store = resultStore(join(mkdtempSync(join(tmpdir(), 'rfa-pool-')), 'jobs'));
    const events: SweepEvent[] = [];
    const outcome = await runLocalSweep(jobs, { store, workers: 2, onEvent: (e) => events.push(e) });
    expect(outcome.failed).toEqual([]);
    expect(outcome.pending).toEqual([]);
    expect(outcome.results.map((r) => r.job.id)).toEqual(jobs.map((j) => j.id));
    expect(readdirSync(store.dir).sort()).toEqual(jobs.map((j) => `${j.id}.json`).sort());
    for (const result of outcome.results) {
      const here = await runJob(result.job);
      expect(result.run).toStrictEqual(here.run);
      expect(await store.load(result.job.id)).toStrictEqual(result);
      expect(result.provenance).toMatchObject({ runtime: `node ${process.version}` });
      expect(result.provenance.backend).toMatch(/1 thread/);
    }
    expect(events.filter((e) => e.type === 'finished')).toHaveLength(jobs.length);
    expect(events.some((e) => e.type === 'epoch')).toBe(false); // fig2's curves count steps, not epochs

    // run again: every result exists, so nothing runs
    const again: SweepEvent[] = [];
    const second = await runLocalSweep(jobs, { store, workers: 2, onEvent: (e) => again.push(e) });
    expect(again.map((e) => e.type)).toEqual(jobs.map(() => 'skipped'));
    expect(second.results).toStrictEqual(outcome.results);
  });

  it('reports each whole epoch of fig4 as it is scored, equal to the curve in the result', async () => {
    const jobs = expandSweep(parseSweepSpec(tinyFig4));
    const store = resultStore(join(mkdtempSync(join(tmpdir(), 'rfa-pool-')), 'jobs'));
    const events: SweepEvent[] = [];
    const outcome = await runLocalSweep(jobs, { store, workers: 1, onEvent: (e) => events.push(e) });
    const { step, testError } = outcome.results[0].run.curves;
    expect(step).toEqual([0, 0.5, 1, 1.5, 2]); // two evaluations an epoch, and one before training
    const epochs = events.flatMap((e) => (e.type === 'epoch' ? [[e.job.id, e.epoch, e.metrics]] : []));
    expect(epochs).toEqual([
      [jobs[0].id, 1, { testError: testError[2] }],
      [jobs[0].id, 2, { testError: testError[4] }],
    ]);
    // each comes before the job's end
    expect(events.findIndex((e) => e.type === 'epoch')).toBeLessThan(
      events.findIndex((e) => e.type === 'finished'),
    );
  });

  it('reports a failing job with its error and runs the rest', async () => {
    const [good, tampered] = expandSweep({ ...spec, rules: ['fa'] });
    // a job whose id does not match its settings (as from a worker of another version) is refused
    const bad = { ...tampered, settings: { ...tampered.settings, steps: 301 } };
    const store = resultStore(join(mkdtempSync(join(tmpdir(), 'rfa-pool-')), 'jobs'));
    const outcome = await runLocalSweep([bad, good], { store, workers: 2 });
    expect(outcome.results.map((r) => r.job.id)).toEqual([good.id]);
    expect(outcome.failed).toHaveLength(1);
    expect(outcome.failed[0].job.id).toBe(bad.id);
    expect(outcome.failed[0].error).toMatch(/another config/);
    expect(await store.load(bad.id)).toBeNull();
  });
});
