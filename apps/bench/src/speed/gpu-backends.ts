import type { Backend } from '@rfa/tensor';

/** One rfa GPU backend to time, labelled with the gpu.js mode it really got. */
export interface GpuCandidate {
  impl: string;
  backend: Backend;
}

interface GpuPackage {
  GPU_MODES: readonly string[];
  isModeAvailable(mode: string): Promise<boolean>;
  createGpuBackend(options: { mode: string }): Promise<Backend & { mode: string }>;
}

// Computed so the bundler leaves the optional package alone; it loads at run time or not at all.
const importByName = (name: string): Promise<unknown> => import(name);

/**
 * Creates @rfa/backend-gpu once per gpu.js mode that works here (or per mode in `only`).
 * Nothing here throws: what cannot run comes back as one skip line each.
 */
export async function loadGpuBackends(
  only?: string[],
): Promise<{ candidates: GpuCandidate[]; skipped: string[] }> {
  let gpu: GpuPackage;
  try {
    gpu = (await importByName('@rfa/backend-gpu')) as GpuPackage;
  } catch (err) {
    const why = (err as Error).message.split('\n')[0];
    const hint = /Cannot find (package|module)/.test(why)
      ? '; it must be a dependency of @rfa/bench, built'
      : '';
    return { candidates: [], skipped: [`rfa-gpu: skipped, @rfa/backend-gpu did not load (${why})${hint}`] };
  }
  const candidates: GpuCandidate[] = [];
  const skipped: string[] = [];
  for (const mode of only ?? gpu.GPU_MODES) {
    if (!gpu.GPU_MODES.includes(mode)) {
      skipped.push(`rfa-gpu:${mode}: skipped, not a gpu.js mode (${gpu.GPU_MODES.join(', ')})`);
      continue;
    }
    if (!(await gpu.isModeAvailable(mode))) {
      skipped.push(`rfa-gpu:${mode}: skipped, not available here`);
      continue;
    }
    try {
      const backend = await gpu.createGpuBackend({ mode });
      candidates.push({ impl: `rfa-gpu:${backend.mode}`, backend });
    } catch (err) {
      skipped.push(`rfa-gpu:${mode}: skipped, ${(err as Error).message}`);
    }
  }
  return { candidates, skipped };
}
