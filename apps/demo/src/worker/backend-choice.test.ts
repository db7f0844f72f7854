import { describe, expect, it } from 'vitest';
import { chooseBackend, cpuBackend } from './backend-choice.js';

// Node is no cross-origin-isolated page and has no WebGPU: the paths a plain host takes
describe("the demo's backend choice", () => {
  it('cpu: one thread, and the page is told why', async () => {
    const chosen = await chooseBackend('cpu');
    expect(chosen.mode).toBe('cpu');
    expect(chosen.description).toMatch(/^cpu: /);
    expect(chosen.fallback).toMatch(/^this page is not cross-origin isolated .* runs on one thread$/);
    chosen.backend.dispose();
  });

  it('webgpu that cannot start falls back to the CPU backend and says why, then the thread note', async () => {
    const chosen = await chooseBackend('webgpu');
    expect(chosen.mode).toBe('cpu');
    expect(chosen.fallback).toMatch(
      /^WebGPU could not start here \(createGpuBackend: gpu\.js mode 'webgpu' is not available here.*\); running on the CPU backend instead\. Also: this page is not cross-origin isolated/,
    );
    chosen.backend.dispose();
  });

  it('cpuBackend takes the thread count asked for', async () => {
    const backend = await cpuBackend(2);
    expect(backend.description).toMatch(/on up to 2 threads/);
    backend.dispose();
  });
});
