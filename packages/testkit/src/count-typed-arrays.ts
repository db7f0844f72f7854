/** The typed-array classes `countTypedArrays` watches by default. */
const WATCHED = ['Float32Array', 'Float64Array', 'Int32Array', 'Uint32Array'] as const;

/**
 * How many typed arrays `run` makes: the global constructors are swapped for counting
 * proxies while it runs (module code looks them up at call time; `instanceof` still holds,
 * as a proxy hands out the original prototype). Views taken with `subarray` are made by
 * the original class and are not counted: they copy nothing. For tests that a hot path
 * (a training step, a kernel) allocates nothing once warm.
 * @example
 * step(); // the first call may make its scratch
 * expect(countTypedArrays(() => { for (let i = 0; i < 5; i++) step(); })).toBe(0);
 */
export function countTypedArrays(run: () => void, watched: readonly string[] = WATCHED): number {
  const g = globalThis as unknown as Record<string, object>;
  const originals = watched.map((name) => [name, g[name]] as const);
  let made = 0;
  for (const [name, ctor] of originals) {
    g[name] = new Proxy(ctor, {
      construct(target, args, newTarget) {
        made++;
        return Reflect.construct(target as new (...a: unknown[]) => object, args, newTarget);
      },
    });
  }
  try {
    run();
  } finally {
    for (const [name, ctor] of originals) g[name] = ctor;
  }
  return made;
}
