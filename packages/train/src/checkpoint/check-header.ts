import { CheckpointError } from '../errors.js';
import type { CheckpointHeader } from './format.js';

const isCount = (n: unknown): n is number => Number.isInteger(n) && (n as number) >= 0;

function checkRngState(field: string, s: unknown): void {
  const state = s as { algorithm?: unknown; s?: unknown; spare?: unknown } | null;
  const ok =
    state?.algorithm === 'xoshiro128**' &&
    Array.isArray(state.s) &&
    state.s.length === 4 &&
    state.s.every((w) => Number.isInteger(w) && w >= -0x80000000 && w <= 0xffffffff) &&
    (state.spare === null || typeof state.spare === 'number');
  if (!ok) throw new CheckpointError(field, `is not an xoshiro128** rng state: ${JSON.stringify(s)}`);
}

/** Checks the header's layout fields (before any data is read): tensors, network, rng states, step. */
export function checkHeader(h: CheckpointHeader): void {
  if (!Array.isArray(h.tensors)) throw new CheckpointError('tensors', 'must be an array');
  const names = new Set<string>();
  for (const [i, t] of h.tensors.entries()) {
    const field = `tensors.${typeof t?.name === 'string' ? t.name : i}`;
    if (typeof t?.name !== 'string' || names.has(t.name))
      throw new CheckpointError(field, 'needs a unique name');
    names.add(t.name);
    if (!Array.isArray(t.shape) || !t.shape.every((d) => isCount(d) && d > 0)) {
      throw new CheckpointError(`${field}.shape`, `must list positive sizes, got ${JSON.stringify(t.shape)}`);
    }
    const size = t.shape.reduce((a, b) => a * b, 1);
    if (t.length !== size)
      throw new CheckpointError(`${field}.length`, `is ${t.length}, shape [${t.shape}] holds ${size}`);
    if (!isCount(t.offset) || t.offset % 4 !== 0)
      throw new CheckpointError(`${field}.offset`, `must be a multiple of 4, got ${t.offset}`);
  }
  if (!Array.isArray(h.network?.layers)) throw new CheckpointError('network.layers', 'must be an array');
  checkRngState('rng', h.rng);
  for (const [name, state] of Object.entries(h.rngs ?? {})) checkRngState(`rngs.${name}`, state);
  if (!isCount(h.step)) throw new CheckpointError('step', `must be a non-negative integer, got ${h.step}`);
}
