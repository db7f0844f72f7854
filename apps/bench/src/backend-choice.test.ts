import { registerBackend } from '@rfa/tensor';
import { describe, expect, it, vi } from 'vitest';
import { chooseBackend } from './backend-choice.js';
import { CliError } from './cli-error.js';

// a GPU backend that loads but cannot start here, as on a machine without WebGL
vi.mock('@rfa/backend-gpu', () => {
  registerBackend({
    name: 'gpu',
    priority: 20,
    create: () => {
      throw new Error('no WebGL context');
    },
  });
  return {};
});

describe('the bench chooses its backend through the registry', () => {
  it("'cpu' starts the CPU backend with no message", async () => {
    const warn = vi.spyOn(console, 'error').mockImplementation(() => {});
    const backend = await chooseBackend('cpu');
    expect(backend.description).toMatch(/^cpu: /);
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
    backend.dispose();
  });

  it("a 'gpu' that cannot start falls back to cpu and says why on stderr", async () => {
    const warn = vi.spyOn(console, 'error').mockImplementation(() => {});
    const backend = await chooseBackend('gpu');
    expect(backend.description).toMatch(/^cpu: /);
    expect(warn.mock.calls).toEqual([
      ['--backend gpu could not start here (no WebGL context); running on the cpu backend instead'],
    ]);
    warn.mockRestore();
    backend.dispose();
  });

  it('names a wrong --backend, and --fma beside gpu', async () => {
    await expect(chooseBackend('tpu')).rejects.toThrow(
      new CliError("--backend must be 'cpu' or 'gpu', got 'tpu'"),
    );
    await expect(chooseBackend('gpu', { fma: true })).rejects.toThrow(
      "--fma applies to the cpu backend's kernels, not to --backend gpu",
    );
  });
});
