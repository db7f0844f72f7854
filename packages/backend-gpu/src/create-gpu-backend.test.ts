import { createBackend, OptionError, UnsupportedError } from '@rfa/tensor';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createGpuBackend } from './create-gpu-backend.js';
import './index.js';
import { headlessGlSkipReason } from './test-env.js';

const glSkip = headlessGlSkipReason();

describe('createGpuBackend', () => {
  afterEach(() => vi.restoreAllMocks());

  it('reports the mode it got, the renderer and the threshold', async () => {
    const backend = await createGpuBackend({ mode: 'webasm', cpuThreshold: 100 });
    expect(backend.mode).toBe('webasm');
    expect(backend.description).toMatch(/gpu\.js webasm mode on the host CPU/);
    expect(backend.description).toMatch(/under 100 entries run on the CPU backend/);
    backend.dispose();
  });

  it('refuses an unknown mode and a negative threshold with OptionError', async () => {
    await expect(createGpuBackend({ mode: 'metal' as never })).rejects.toThrow(OptionError);
    await expect(createGpuBackend({ cpuThreshold: -1 })).rejects.toThrow(/cpuThreshold/);
  });

  it('refuses an explicit mode that cannot run here, naming it', async () => {
    await expect(createGpuBackend({ mode: 'webgl2' })).rejects.toThrow(UnsupportedError);
    await expect(createGpuBackend({ mode: 'webgpu' })).rejects.toThrow(/'webgpu' is not available/);
  });

  it.skipIf(glSkip === undefined)(
    'auto without a display falls back to webasm and says so once',
    async () => {
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
      const backend = await createGpuBackend();
      expect(backend.mode).toBe('webasm');
      expect(warn).toHaveBeenCalledTimes(1);
      expect(String(warn.mock.calls[0][0])).toMatch(/no GPU mode works here.*webasm on the CPU/);
      expect(backend.description).toMatch(/FALLBACK/);
      backend.dispose();
    },
  );

  it.skipIf(glSkip !== undefined)('auto under an X display picks headlessgl, silently', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const backend = await createGpuBackend();
    expect(backend.mode).toBe('headlessgl');
    expect(warn).not.toHaveBeenCalled();
    expect(backend.description).not.toMatch(/FALLBACK/);
    backend.dispose();
  });

  it("registers as 'gpu' and passes options through createBackend", async () => {
    const backend = await createBackend('gpu', { mode: 'webasm' });
    expect(backend.name).toBe('gpu');
    expect((backend as unknown as { mode: string }).mode).toBe('webasm');
    backend.dispose();
  });
});
