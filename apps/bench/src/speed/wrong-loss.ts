import { RfaError } from '@rfa/tensor';

/** The loss fields of a timed row; gemm rows (rule 'gemm') have none and are always kept. */
export interface LossRow {
  impl: string;
  rule: string;
  batch: number;
  lossFirst?: number;
  lossLast?: number;
}

/** rfa's own CPU backend read a wrong loss: a bug in the library under test, not a contender to skip. */
export class WrongLossError extends RfaError {
  static override readonly kind: string = '@rfa/bench:WrongLossError';
  readonly impl: string;
  constructor(impl: string, message: string) {
    super('WRONG_LOSS', message);
    this.impl = impl;
  }
}

const positiveFinite = (x: number): boolean => Number.isFinite(x) && x > 0;

/** Rows of rfa's own CPU backend, any kernels (`rfa-cpu`, `rfa-cpu-1t`, `rfa-cpu-fma`, `rfa-cpu-<n>t-fma`…). */
const fromRfaCpuBackend = (impl: string): boolean => impl === 'rfa-cpu' || impl.startsWith('rfa-cpu-');

/**
 * Drops the training rows of an implementation whose loss, first or last, is not a positive
 * finite number in any case: softmax cross-entropy and squared error on random targets cannot
 * reach 0, so such a loss means it computed wrong numbers there and its speed means nothing.
 * One line per dropped implementation goes to `skipped` and to `log`; its gemm rows stay.
 * A wrong loss from rfa's CPU backend throws `WrongLossError` instead: the race has no
 * reference left. The Node and the browser race both call it.
 */
export function dropWrongLosses<R extends LossRow>(
  rows: readonly R[],
  skipped: string[],
  log: (line: string) => void = () => {},
): R[] {
  const wrong = new Set<string>();
  for (const r of rows) {
    if (r.lossFirst === undefined || wrong.has(r.impl)) continue;
    if (positiveFinite(r.lossFirst) && r.lossLast !== undefined && positiveFinite(r.lossLast)) continue;
    const read = `its training loss read ${r.lossFirst} → ${r.lossLast} (${r.rule}, batch ${r.batch})`;
    if (fromRfaCpuBackend(r.impl))
      throw new WrongLossError(
        r.impl,
        `${r.impl}: ${read}: rfa's CPU backend computed wrong numbers; the race stops`,
      );
    wrong.add(r.impl);
    const line = `${r.impl}: dropped, ${read}: it computed wrong numbers here`;
    skipped.push(line);
    log(line);
  }
  return rows.filter((r) => r.rule === 'gemm' || !wrong.has(r.impl));
}
