/**
 * Returns the one `T` of this process stored under `key`, making it with `create` on
 * first use. It lives on `globalThis` under `Symbol.for('@rfa/tensor:' + key)`, so every
 * copy of this package that is loaded (the ESM and the CommonJS build, a bundled copy)
 * shares it: one backend registry, one scope stack, one tensor id counter. A key names
 * the layout of its value (`registry/v1`): a change of layout takes a new key.
 */
export function globalState<T>(key: string, create: () => T): T {
  const symbol = Symbol.for(`@rfa/tensor:${key}`);
  const store = globalThis as unknown as Record<symbol, T | undefined>;
  let value = store[symbol];
  if (value === undefined) {
    value = create();
    Object.defineProperty(store, symbol, { value, enumerable: false, writable: false, configurable: false });
  }
  return value;
}
