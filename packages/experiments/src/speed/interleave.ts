/** Something to time: made current by `activate`, then run for about `seconds`, returning a rate. */
export interface Contender {
  readonly impl: string;
  activate(): Promise<void>;
  run(seconds: number): Promise<number>;
}

export interface InterleaveOptions {
  rounds: number;
  seconds: number;
  /**
   * Untimed runs of each contender first (JIT tier-up, buffers, wasm memory growth):
   * at least this long, then on until two runs in a row agree within 5% (at most 8 more).
   */
  warmupSeconds: number;
}

/** Relative change under which two warm-up runs count as settled. */
const SETTLED = 0.05;
const MAX_EXTRA_WARMUPS = 8;

/**
 * Times contenders in rounds, each round visiting every contender once, so drift and
 * noise (thermal, other processes) land on all of them alike. The starting contender
 * rotates each round. Returns every round's rate per contender, in contender order.
 */
export async function interleave(contenders: Contender[], options: InterleaveOptions): Promise<number[][]> {
  for (const c of contenders) {
    await c.activate();
    // V8 compiles hot wasm and JS with its optimizing tier on background threads, which
    // a two-core machine busy with the contender starves: rates can climb for seconds
    let previous = await c.run(options.warmupSeconds);
    for (let extra = 0; extra < MAX_EXTRA_WARMUPS; extra++) {
      const rate = await c.run(options.warmupSeconds / 2);
      const settled = Math.abs(rate - previous) <= SETTLED * previous;
      previous = rate;
      if (settled) break;
    }
  }
  const rates: number[][] = contenders.map(() => []);
  for (let r = 0; r < options.rounds; r++) {
    for (let k = 0; k < contenders.length; k++) {
      const i = (r + k) % contenders.length;
      await contenders[i].activate();
      rates[i].push(await contenders[i].run(options.seconds));
    }
  }
  return rates;
}

/** Middle value (mean of the two middle ones for an even count). */
export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Spread of the rounds as (max − min) / median, a fraction (0.1 = 10%); 0 for one round. */
export function spread(values: number[]): number {
  if (values.length < 2) return 0;
  return (Math.max(...values) - Math.min(...values)) / median(values);
}
