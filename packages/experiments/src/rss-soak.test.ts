// A long run's memory, behind RFA_SOAK=1 (not run by default): fig2 trains for
// RFA_SOAK_MINUTES (default 30) while the process's RSS is sampled every minute; after the
// first minutes' warm-up it must stay flat. Run: RFA_SOAK=1 npx vitest run src/rss-soak.test.ts
import { createCpuBackend } from '@rfa/backend-cpu';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from './config.js';
import { getExperiment } from './registry.js';
import { runExperiment } from './run-experiment.js';

const minutes = Number(process.env.RFA_SOAK_MINUTES ?? 30);

describe.skipIf(!process.env.RFA_SOAK)('a long Node run keeps its memory flat (RFA_SOAK=1)', () => {
  it(
    `fig2 (FA and BP) for ${minutes} minutes: RSS after warm-up grows by less than 5 % + 16 MB`,
    async () => {
      expect(
        minutes,
        'RFA_SOAK_MINUTES: at least 5, so there are samples after the warm-up',
      ).toBeGreaterThanOrEqual(5);
      const exp = getExperiment('fig2');
      const config = resolveConfig(exp, {
        overrides: { steps: 2_000_000_000, evaluateEvery: 50_000, heldOut: 1000 },
      });
      const backend = createCpuBackend({ threads: 1 });
      const stop = AbortSignal.timeout(minutes * 60_000);
      const started = Date.now();
      const rss: number[] = [process.memoryUsage().rss];
      const sample = () => {
        if (Date.now() - started >= rss.length * 60_000) rss.push(process.memoryUsage().rss);
      };
      try {
        for (let seed = 1; !stop.aborted; seed++)
          await runExperiment(exp, {
            config,
            seeds: [seed],
            rules: ['fa', 'bp'],
            backend,
            signal: stop,
            onEvent: sample,
          });
      } finally {
        backend.dispose();
      }
      const mb = rss.map((b) => Math.round(b / 2 ** 20));
      console.log(`RSS each minute (MB): ${mb.join(' ')}`);
      expect(mb.length).toBeGreaterThanOrEqual(minutes);
      const warm = mb[Math.min(3, mb.length - 1)]!;
      expect(Math.max(...mb.slice(3))).toBeLessThan(warm * 1.05 + 16);
    },
    (minutes + 5) * 60_000,
  );
});
