import { BackendStartError, chooseBackend, listBackends } from '@rfa/tensor';
import { describe, expect, it } from 'vitest';
import './index.js';

describe("the registered 'cpu' backend", () => {
  it('is registered on import and takes createCpuBackend options through chooseBackend', async () => {
    expect(listBackends()).toContain('cpu');
    const { backend, name, failures } = await chooseBackend('cpu', { options: { cpu: { kernels: 'js' } } });
    expect(name).toBe('cpu');
    expect(failures).toEqual([]);
    expect(backend.description).toMatch(/plain JavaScript kernels/);
    backend.dispose();
  });

  it('a bad option, with no fallback, is a BackendStartError naming cpu and the option', async () => {
    const error = await chooseBackend('cpu', { options: { cpu: { threads: 0 } }, fallback: false }).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(BackendStartError);
    expect(error.failures).toEqual([
      { name: 'cpu', reason: expect.stringMatching(/threads must be a whole number/) },
    ]);
  });
});
