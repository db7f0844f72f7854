import { afterEach, describe, expect, it } from 'vitest';
import type { Backend } from './backend.js';
import { UnknownBackendError } from './errors.js';
import { createBackend, listBackends, registerBackend, unregisterBackend } from './registry.js';

const fake = (name: string) => ({ name }) as unknown as Backend;

describe('backend registry', () => {
  afterEach(() => ['slow', 'fast', 'broken'].forEach(unregisterBackend));

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
