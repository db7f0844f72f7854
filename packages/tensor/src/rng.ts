/**
 * The one seeded generator of rfa: xoshiro128** (Blackman & Vigna, 2018) on four
 * uint32 words, seeded through splitmix32. It uses only 32-bit integer arithmetic
 * (`Math.imul`, shifts), so a seed gives the same stream bit for bit in Node and in
 * every browser. Floats come from the top 24 bits, so `uniform()` is exactly
 * representable in float32. `normal()` uses the polar method (only `Math.log` and
 * `Math.sqrt`): identical across V8 builds (Node, Chromium); other engines may
 * differ in the last bit of `log`.
 */
export interface RngState {
  readonly algorithm: 'xoshiro128**';
  readonly s: readonly [number, number, number, number];
  /** A spare normal deviate from the polar method, or null. */
  readonly spare: number | null;
}

function splitmix32(seed: number): () => number {
  let z = seed >>> 0;
  return () => {
    z = (z + 0x9e3779b9) >>> 0;
    let t = z;
    t = Math.imul(t ^ (t >>> 16), 0x85ebca6b);
    t = Math.imul(t ^ (t >>> 13), 0xc2b2ae35);
    return (t ^ (t >>> 16)) >>> 0;
  };
}

const TWO_POW_M24 = 1 / 16777216;

export class Rng {
  private s0 = 0;
  private s1 = 0;
  private s2 = 0;
  private s3 = 0;
  private spare: number | null = null;

  /** @param seed any number; its low 32 bits pick the stream. */
  constructor(seed: number) {
    const next = splitmix32(seed);
    this.s0 = next();
    this.s1 = next();
    this.s2 = next();
    this.s3 = next();
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
  }

  /** Next uint32. */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  /** Uniform in [0, 1), a multiple of 2^-24. */
  uniform(): number {
    return (this.nextUint32() >>> 8) * TWO_POW_M24;
  }

  /** Uniform in [low, high). */
  uniformIn(low: number, high: number): number {
    return low + (high - low) * this.uniform();
  }

  /** Integer in [0, n), without modulo bias. */
  int(n: number): number {
    if (n <= 0) return 0;
    const limit = 0x100000000 - (0x100000000 % n);
    for (;;) {
      const x = this.nextUint32();
      if (x < limit) return x % n;
    }
  }

  /** Standard normal deviate. */
  normal(): number {
    if (this.spare !== null) {
      const v = this.spare;
      this.spare = null;
      return v;
    }
    for (;;) {
      const u = 2 * this.uniform() - 1;
      const v = 2 * this.uniform() - 1;
      const s = u * u + v * v;
      if (s > 0 && s < 1) {
        const m = Math.sqrt((-2 * Math.log(s)) / s);
        this.spare = v * m;
        return u * m;
      }
    }
  }

  /** In-place Fisher–Yates shuffle. */
  shuffle<T>(items: { length: number; [i: number]: T }): void {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const t = items[i];
      items[i] = items[j];
      items[j] = t;
    }
  }

  /** A new generator whose stream is independent of this one's continuation. */
  fork(): Rng {
    return new Rng(this.nextUint32() ^ 0x5bd1e995);
  }

  getState(): RngState {
    // the words as uint32 (the xor steps leave them signed in JS), so equal states print alike
    const s: RngState['s'] = [this.s0 >>> 0, this.s1 >>> 0, this.s2 >>> 0, this.s3 >>> 0];
    return { algorithm: 'xoshiro128**', s, spare: this.spare };
  }

  setState(state: RngState): void {
    [this.s0, this.s1, this.s2, this.s3] = state.s.map((x) => x >>> 0) as [number, number, number, number];
    this.spare = state.spare;
  }

  /**
   * Copies the four state words into `words[0..3]` (no allocation): a kernel that draws
   * in place (the CPU backend's WebAssembly Bernoulli) continues the stream from them and
   * hands them back through `setStateWords`.
   */
  stateWords(words: Uint32Array): void {
    words[0] = this.s0;
    words[1] = this.s1;
    words[2] = this.s2;
    words[3] = this.s3;
  }

  /** Sets the state words from `words[0..3]` (the spare normal deviate is kept). */
  setStateWords(words: Uint32Array): void {
    if ((words[0] | words[1] | words[2] | words[3]) === 0)
      throw new RangeError('Rng: all-zero xoshiro128** state');
    this.s0 = words[0] >>> 0;
    this.s1 = words[1] >>> 0;
    this.s2 = words[2] >>> 0;
    this.s3 = words[3] >>> 0;
  }

  static fromState(state: RngState): Rng {
    const r = new Rng(0);
    r.setState(state);
    return r;
  }
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

/** Factory: `createRng(42)`. */
export function createRng(seed: number): Rng {
  return new Rng(seed);
}
