import { globalState } from './global-state.js';
import type { Tensor } from './tensor.js';

/**
 * Scopes free every tensor created inside them, except what the function returns
 * or what was passed to `keep`. They nest. Use them around code that makes
 * temporaries (evaluation, metrics); hot training loops should reuse tensors instead.
 */
const { stack, kept } = globalState('scope/v1', () => ({
  stack: [] as Set<Tensor>[],
  kept: new WeakSet<Tensor>(),
}));

export function trackInScope(t: Tensor): void {
  if (stack.length > 0) stack[stack.length - 1].add(t);
}

/** Keeps `t` alive past the scope it was made in. */
export function keep<T extends Tensor>(t: T): T {
  kept.add(t);
  return t;
}

function collectReturned(value: unknown, out: Set<Tensor>): void {
  if (value === null || typeof value !== 'object') return;
  if (typeof (value as Tensor).dispose === 'function' && 'handle' in (value as object)) {
    out.add(value as Tensor);
    return;
  }
  if (Array.isArray(value)) for (const v of value) collectReturned(v, out);
  else if (Object.getPrototypeOf(value) === Object.prototype) {
    for (const v of Object.values(value as Record<string, unknown>)) collectReturned(v, out);
  }
}

function close(created: Set<Tensor>, result: unknown): void {
  const returned = new Set<Tensor>();
  collectReturned(result, returned);
  const outer = stack.length > 0 ? stack[stack.length - 1] : null;
  for (const t of created) {
    if (returned.has(t) || kept.has(t)) {
      outer?.add(t);
      continue;
    }
    t.dispose();
  }
}

/**
 * Runs `fn` and disposes every tensor it created, except the tensors it returns
 * (at any depth of arrays and plain objects) and those marked with `keep`.
 * @example
 * const loss = scope(() => { const d = backend.zeros([4]); ...; return result; });
 */
export function scope<R>(fn: () => R): R {
  const created = new Set<Tensor>();
  stack.push(created);
  let result: R;
  try {
    result = fn();
  } catch (err) {
    stack.pop();
    close(created, undefined);
    throw err;
  }
  stack.pop();
  close(created, result);
  return result;
}

/** Async form of `scope`: tensors created until the promise settles belong to it. */
export async function scopeAsync<R>(fn: () => Promise<R>): Promise<R> {
  const created = new Set<Tensor>();
  stack.push(created);
  try {
    const result = await fn();
    removeFrame(created);
    close(created, result);
    return result;
  } catch (err) {
    removeFrame(created);
    close(created, undefined);
    throw err;
  }
}

function removeFrame(frame: Set<Tensor>): void {
  const i = stack.lastIndexOf(frame);
  if (i >= 0) stack.splice(i, 1);
}
