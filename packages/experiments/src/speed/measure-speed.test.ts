import { createCpuBackend } from '@rfa/backend-cpu';
import { describe, expect, it } from 'vitest';
import { measureSpeed } from './measure-speed.js';

describe('measureSpeed', () => {
  it('reports the median of its rounds as examples per second, on the backend it was given', async () => {
    const backend = createCpuBackend({ threads: 1 });
    const r = await measureSpeed(backend, {
      sizes: [20, 10, 4],
      batch: 4,
      seconds: 0.05,
      warmupSeconds: 0.02,
      rounds: 3,
    });
    backend.dispose();
    expect(r.rounds).toHaveLength(3);
    expect(r.rounds.every((v) => v > 0)).toBe(true);
    expect(r.examplesPerSecond).toBe([...r.rounds].sort((a, b) => a - b)[1]);
    expect(r.backend).toContain('cpu');
  });
});
