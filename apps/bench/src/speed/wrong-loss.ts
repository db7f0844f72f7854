/** The loss fields of a timed training row (gemm rows have none and are never dropped here). */
export interface LossRow {
  impl: string;
  rule: string;
  batch: number;
  lossFirst?: number;
  lossLast?: number;
}

const positiveFinite = (x: number): boolean => Number.isFinite(x) && x > 0;

/**
 * Drops every row of an implementation whose training loss, first or last, is not a positive
 * finite number in any case: softmax cross-entropy and squared error on random targets cannot
 * reach 0, so such a loss means it computed wrong numbers there and its speed means nothing.
 * One line per dropped implementation goes to `skipped`. The Node and the browser race both call it.
 */
export function dropWrongLosses<R extends LossRow>(rows: readonly R[], skipped: string[]): R[] {
  const wrong = new Set<string>();
  for (const r of rows) {
    if (r.lossFirst === undefined || wrong.has(r.impl)) continue;
    if (positiveFinite(r.lossFirst) && r.lossLast !== undefined && positiveFinite(r.lossLast)) continue;
    wrong.add(r.impl);
    skipped.push(
      `${r.impl}: dropped, its training loss read ${r.lossFirst} → ${r.lossLast} (${r.rule}, batch ${r.batch}): it computed wrong numbers here`,
    );
  }
  return rows.filter((r) => !wrong.has(r.impl));
}
