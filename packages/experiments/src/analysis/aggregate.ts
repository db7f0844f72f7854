import { summarize } from '@rfa/metrics';
import type { AggregateRun, SeedOutcome } from '../types.js';

/**
 * Combines seeds: final metrics as mean ± s.d., curves averaged point by point (NaNs
 * skipped), and which seeds diverged (`seeds[i]` names outcome i; default 1, 2, ...).
 */
export function aggregate(outcomes: SeedOutcome[], seeds?: number[]): Record<string, AggregateRun> {
  const rules = [...new Set(outcomes.flatMap((o) => Object.keys(o)))];
  const result: Record<string, AggregateRun> = {};
  for (const rule of rules) {
    const runs = outcomes.map((o) => o[rule]).filter((r) => r !== undefined);
    const metrics = [...new Set(runs.flatMap((r) => Object.keys(r.final)))];
    const final: AggregateRun['final'] = {};
    const perSeed: AggregateRun['perSeed'] = {};
    for (const m of metrics) {
      const values = runs.map((r) => r.final[m]).filter((v) => Number.isFinite(v));
      perSeed[m] = values;
      const s = values.length > 0 ? summarize(values) : { mean: Number.NaN, sd: Number.NaN, n: 0 };
      final[m] = { mean: s.mean, sd: values.length > 1 ? s.sd : 0, n: values.length };
    }
    const curves: Record<string, number[]> = {};
    const keys = [...new Set(runs.flatMap((r) => Object.keys(r.curves)))];
    for (const k of keys) {
      const length = Math.min(...runs.map((r) => r.curves[k]?.length ?? 0));
      curves[k] = Array.from({ length }, (_, i) => {
        const vals = runs.map((r) => r.curves[k][i]).filter((v) => Number.isFinite(v));
        return vals.length ? vals.reduce((s, v) => s + v, 0) / vals.length : Number.NaN;
      });
    }
    const curvesSd: Record<string, number[]> = {};
    for (const k of keys) {
      curvesSd[k] = curves[k].map((m, i) => {
        const vals = runs.map((r) => r.curves[k][i]).filter((v) => Number.isFinite(v));
        if (vals.length < 2) return Number.NaN;
        return Math.sqrt(vals.reduce((s, v) => s + (v - m) ** 2, 0) / (vals.length - 1));
      });
    }
    result[rule] = { final, curves, perSeed };
    if (runs.length > 1) result[rule].curvesSd = curvesSd;
    const snapshots = runs.find((r) => r.snapshots)?.snapshots;
    if (snapshots) result[rule].snapshots = snapshots;
    const diverged = outcomes.flatMap((o, i) => {
      const d = o[rule]?.divergence;
      return d ? [{ seed: seeds?.[i] ?? i + 1, atStep: d.atStep, reason: d.reason }] : [];
    });
    if (diverged.length) result[rule].diverged = diverged;
  }
  return result;
}
