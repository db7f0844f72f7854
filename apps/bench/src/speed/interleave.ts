/** Something to time: made current by `activate`, then run for about `seconds`, returning a rate. */
export interface Contender {
  readonly impl: string;
  activate(): Promise<void>;
  run(seconds: number): Promise<number>;
}

export interface InterleaveOptions {
  rounds: number;
  seconds: number;
  /** Untimed run of each contender first (JIT, buffers, wasm memory growth). */
  warmupSeconds: number;
}

/**
 * Times contenders in rounds, each round visiting every contender once, so drift and
 * noise (thermal, other processes) land on all of them alike. The starting contender
 * rotates each round. Returns every round's rate per contender, in contender order.
 */
export async function interleave(contenders: Contender[], options: InterleaveOptions): Promise<number[][]> {
  for (const c of contenders) {
    await c.activate();
    await c.run(options.warmupSeconds);
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
