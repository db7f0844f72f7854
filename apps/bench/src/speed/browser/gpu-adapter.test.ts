import { describe, expect, it } from 'vitest';
import { describeGpu, isSoftwareGpu } from './gpu-adapter.js';

describe('software GPU detection', () => {
  it('names SwiftShader, llvmpipe and fallback adapters software, real GPUs not', () => {
    expect(
      isSoftwareGpu(
        'Google Inc. (Google), ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)',
      ),
    ).toBe(true);
    expect(isSoftwareGpu('Mesa, llvmpipe (LLVM 15.0.6, 256 bits)')).toBe(true);
    expect(isSoftwareGpu('google, swiftshader')).toBe(true);
    expect(isSoftwareGpu('NVIDIA Corporation, NVIDIA GeForce RTX 4090/PCIe/SSE2')).toBe(false);
    expect(isSoftwareGpu('nvidia, hopper')).toBe(false);
    expect(describeGpu('some vendor, some chip (fallback adapter)').software).toBe(true);
    expect(describeGpu('apple, metal-3').software).toBe(false);
  });
});
