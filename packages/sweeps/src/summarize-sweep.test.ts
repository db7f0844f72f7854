import { describe, expect, it } from 'vitest';
import { expandSweep } from './expand-sweep.js';
import type { JobResult } from './job-result.js';
import { summarizeSweep } from './summarize-sweep.js';
import { parseSweepSpec } from './sweep-spec.js';

const spec = parseSweepSpec({
  experiment: 'fig2',
  rules: ['bp', 'fa'],
  seeds: 3,
  quick: true,
  grid: { feedbackInit: [0.1, 0.5] },
});

/** A stand-in result: nse = seed × (1 for bp, 2 for fa) × (10 if feedbackInit is 0.5). */
const fake = (job: ReturnType<typeof expandSweep>[number], host: string): JobResult => {
  const nse = job.seed * (job.rule === 'bp' ? 1 : 2) * (job.cell.feedbackInit === 0.5 ? 10 : 1);
  return {
    job,
    run: { final: { nse }, curves: { step: [0, 1], nse: [1, nse] } },
    provenance: {
      rfaVersion: '0.0.0',
      experimentsVersion: '0.0.0',
      gitCommit: 'abc',
      backend: 'cpu',
      runtime: 'node v20',
      hostname: host,
      pid: 1,
      startedAt: '',
      wallSeconds: 2,
    },
  };
};

describe('summarizeSweep', () => {
  it('gives mean ± s.d. and n per cell and rule, and ranks the rows lowest first', () => {
    const jobs = expandSweep(spec);
    const s = summarizeSweep(
      spec,
      jobs.map((j, i) => fake(j, i % 2 ? 'a' : 'b')),
    );
    // bp, feedbackInit 0.1: seeds 1, 2, 3 → mean 2, sample s.d. 1
    expect(s.report.results['bp feedbackInit=0.1'].final.nse).toEqual({ mean: 2, sd: 1, n: 3 });
    expect(s.report.results['fa feedbackInit=0.5'].final.nse).toEqual({ mean: 40, sd: 20, n: 3 });
    expect(s.ranking.map((r) => [r.rank, r.label, r.mean])).toEqual([
      [1, 'bp feedbackInit=0.1', 2],
      [2, 'fa feedbackInit=0.1', 4],
      [3, 'bp feedbackInit=0.5', 20],
      [4, 'fa feedbackInit=0.5', 40],
    ]);
    expect(s.rankedBy).toBe('nse');
    expect(s.provenance.hostnames.sort()).toEqual(['a', 'b']);
    expect(s.report.elapsedSeconds).toBe(2 * jobs.length);
    // fig2's angle plot shows FA only: its rows, in every cell
    expect(s.plots.find((p) => p.metric === 'deltaAngle')?.rules).toEqual([
      'fa feedbackInit=0.1',
      'fa feedbackInit=0.5',
    ]);
  });

  it('counts only the seeds that have results (n below the sweep seeds)', () => {
    const jobs = expandSweep(spec).filter((j) => !(j.rule === 'fa' && j.seed === 3));
    const s = summarizeSweep(
      spec,
      jobs.map((j) => fake(j, 'a')),
    );
    expect(s.report.results['fa feedbackInit=0.1'].final.nse).toEqual({ mean: 3, sd: Math.SQRT2, n: 2 });
    expect(s.report.results['bp feedbackInit=0.1'].final.nse.n).toBe(3);
  });
});
