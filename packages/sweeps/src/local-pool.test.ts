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

    // run again: every result exists, so nothing runs
    const again: SweepEvent[] = [];
    const second = await runLocalSweep(jobs, { store, workers: 2, onEvent: (e) => again.push(e) });
    expect(again.map((e) => e.type)).toEqual(jobs.map(() => 'skipped'));
    expect(second.results).toStrictEqual(outcome.results);
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
