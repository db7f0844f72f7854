import { createHash } from 'node:crypto';

/** JSON with every object's keys sorted, so equal content always gives equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.keys(v)
            .sort()
            .map((k) => [k, v[k]]),
        )
      : v,
  );
}

/**
 * A job's id, derived from what it computes: experiment, rule, seed and the resolved config
 * (so the same run always gets the same id, however its settings were spelled). Readable
 * head, SHA-256 tail; never a bare integer (BullMQ refuses those as custom ids).
 * @example
 * jobId({ experiment: 'fig2', rule: 'fa', seed: 3, config }); // 'fig2-fa-s3-1c0e5b…'
 */
export function jobId(run: { experiment: string; rule: string; seed: number; config: object }): string {
  const hash = createHash('sha256')
    .update(canonicalJson({ ...run, backend: 'cpu' }))
    .digest('hex');
  return `${run.experiment}-${run.rule}-s${run.seed}-${hash.slice(0, 16)}`;
}
