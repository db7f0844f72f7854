import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from './backend.js';
import { BackendStartError, UnknownBackendError } from './errors.js';
import {
  chooseBackend,
  createBackend,
  fallbackOrder,
  listBackends,
  registerBackend,
  unregisterBackend,
} from './registry.js';

const fake = (name: string, options?: Record<string, unknown>) => ({ name, options }) as unknown as Backend;
const NAMES = ['slow', 'fast', 'broken', 'accel', 'plain', 'absent'];

describe('backend registry', () => {
  afterEach(() => NAMES.forEach(unregisterBackend));

  it('creates by name, or the available backend of highest priority, falling through failures', async () => {
    registerBackend({ name: 'slow', priority: 1, create: () => fake('slow') });
    registerBackend({ name: 'fast', priority: 5, create: () => fake('fast'), isAvailable: () => false });
    registerBackend({ name: 'broken', priority: 9, create: () => Promise.reject(new Error('no device')) });
    expect(listBackends().slice(0, 3)).toEqual(['broken', 'fast', 'slow']);
    expect((await createBackend('fast')).name).toBe('fast');
    expect((await createBackend()).name).toBe('slow');
  });

  it('names the unknown backend and the registered ones', async () => {
    registerBackend({ name: 'slow', priority: 1, create: () => fake('slow') });
    await expect(createBackend('tpu')).rejects.toThrow(UnknownBackendError);
    await expect(createBackend('tpu')).rejects.toThrow(/'tpu'.*slow/);
  });
});

describe('chooseBackend', () => {
  // this package registers no backend of its own: each test sees only its fakes
  beforeEach(() => expect(listBackends()).toEqual([]));
  afterEach(() => NAMES.forEach(unregisterBackend));

  /** An accelerator that outranks the CPU-like 'plain', a broken one between them, and one never available. */
  function registerFakes(accelerator: () => Backend | Promise<Backend>): void {
    registerBackend({ name: 'plain', priority: -100, create: (o) => fake('plain', o) });
    registerBackend({ name: 'broken', priority: 50, create: () => Promise.reject(new Error('no device')) });
    registerBackend({ name: 'absent', priority: 70, create: () => fake('absent'), isAvailable: () => false });
    registerBackend({ name: 'accel', priority: 100, create: accelerator });
  }

  it('tries the requested backend first, then the others from the highest priority down', () => {
    registerFakes(() => fake('accel'));
    expect(fallbackOrder('plain')).toEqual(['plain', 'accel', 'absent', 'broken']);
    expect(fallbackOrder('broken')).toEqual(['broken', 'accel', 'absent', 'plain']);
    expect(fallbackOrder()).toEqual(['accel', 'absent', 'broken', 'plain']);
  });

  it('starts the requested backend with its own options and reports no failures', async () => {
    registerFakes(() => fake('accel'));
    const chosen = await chooseBackend('plain', { options: { plain: { threads: 3 }, accel: { mode: 'x' } } });
    expect(chosen.name).toBe('plain');
    expect(chosen.failures).toEqual([]);
    expect((chosen.backend as unknown as { options: unknown }).options).toEqual({ threads: 3 });
  });

  it('falls back past a throwing factory and an unavailable one, naming each with its reason', async () => {
    registerFakes(() => {
      throw new Error('context lost');
    });
    const chosen = await chooseBackend('accel');
    expect(chosen.name).toBe('plain');
    expect(chosen.failures).toEqual([
      { name: 'accel', reason: 'context lost' },
      { name: 'absent', reason: 'not available here' },
      { name: 'broken', reason: 'no device' },
    ]);
  });

  it('with fallback false, a failing factory throws BackendStartError naming that backend and its reason', async () => {
    registerFakes(() => Promise.reject(new Error('WebGL2 context refused')));
    const attempt = chooseBackend('accel', { fallback: false });
    await expect(attempt).rejects.toBeInstanceOf(BackendStartError);
    await expect(attempt).rejects.toBeInstanceOf(UnknownBackendError);
    const error = (await attempt.catch((e: unknown) => e)) as BackendStartError;
    expect(error.failures).toEqual([{ name: 'accel', reason: 'WebGL2 context refused' }]);
    expect(error.message).toBe('chooseBackend: no backend could start (accel: WebGL2 context refused)');
  });

  it('when nothing starts, lists every backend tried, in order, with its reason', async () => {
    registerBackend({ name: 'broken', priority: 50, create: () => Promise.reject(new Error('no device')) });
    registerBackend({ name: 'absent', priority: 70, create: () => fake('absent'), isAvailable: () => false });
    const error = (await chooseBackend('broken').catch((e: unknown) => e)) as BackendStartError;
    expect(error).toBeInstanceOf(BackendStartError);
    expect(error.failures.map((f) => f.name)).toEqual(['broken', 'absent']);
    expect(error.message).toMatch(/broken: no device; absent: not available here/);
    const noName = (await chooseBackend().catch((e: unknown) => e)) as BackendStartError;
    expect(noName.failures.map((f) => f.name)).toEqual(['absent', 'broken']);
  });

  it('refuses an unregistered name at once instead of falling back', async () => {
    registerFakes(() => fake('accel'));
    await expect(chooseBackend('tpu')).rejects.toThrow(/chooseBackend: no backend named 'tpu'/);
    await expect(chooseBackend('tpu')).rejects.not.toBeInstanceOf(BackendStartError);
  });
});
