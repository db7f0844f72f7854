import { describe, expect, it } from 'vitest';
import type { BackendHoldings } from '../src/worker/api.js';
import { demoPages, demoSkipReason } from './demo-page.js';

// A page left training keeps a flat heap and a flat count of GPU textures. Long: behind
// RFA_SOAK=1; RFA_SOAK_MINUTES (default 10) and RFA_SOAK_SAMPLE_SECONDS (default 60) set
// its length and how often it samples.
const minutes = Number(process.env.RFA_SOAK_MINUTES ?? 10);
const every = Number(process.env.RFA_SOAK_SAMPLE_SECONDS ?? 60);
const skip = process.env.RFA_SOAK !== '1' ? 'a soak: set RFA_SOAK=1 to run it' : demoSkipReason();

/** Bytes of the page and its worker, as the browser counts them (needs cross-origin isolation). */
const MEASURE = () =>
  (performance as unknown as { measureUserAgentSpecificMemory(): Promise<{ bytes: number }> })
    .measureUserAgentSpecificMemory()
    .then((m) => m.bytes);

/** What the worker's backend holds now (`rfaDemo.backendMemory`). */
const HOLDINGS = () =>
  (
    globalThis as unknown as { rfaDemo: { backendMemory(): Promise<BackendHoldings | null> } }
  ).rfaDemo.backendMemory();

describe.skipIf(skip !== undefined)(`the demo left training${skip ? ` — skipped: ${skip}` : ''}`, () => {
  const pages = demoPages({ gpu: true });

  it(
    `keeps a flat JS heap (page and worker) and a flat count of GL textures over ${minutes} minutes of MNIST training in WebGL2 mode, restarted whenever a run ends`,
    async () => {
      const page = await pages.open('experiment=fig3a&rules=bp,fa&backend=webgl2');
      expect(await page.evaluate(() => globalThis.crossOriginIsolated)).toBe(true);
      // the run is on gpu.js in WebGL2 (SwiftShader here), not a CPU fallback
      await expect.poll(() => page.locator('#backend').textContent(), { timeout: 60_000 }).toMatch(/webgl2/i);
      const samples: { at: number; mb: number; textures: number; tensors: number; status: string }[] = [];
      const started = Date.now();
      const end = started + minutes * 60_000;
      let restarts = 0;
      while (Date.now() < end) {
        await page.waitForTimeout(Math.min(every * 1000, end - Date.now()));
        const status = (await page.locator('#status').textContent()) ?? '';
        if (/done|stopped/.test(status)) {
          await page.locator('#start').click();
          restarts++;
        }
        const bytes = await page.evaluate(MEASURE);
        const held = await page.evaluate(HOLDINGS);
        expect(held?.mode).toBe('webgl2');
        // counted by wrapping the context's createTexture/deleteTexture: a number, not null
        expect(held?.glTextures).toEqual(expect.any(Number));
        const at = (Date.now() - started) / 60_000;
        samples.push({
          at,
          mb: bytes / 2 ** 20,
          textures: held?.glTextures ?? Number.NaN,
          tensors: held?.tensors ?? Number.NaN,
          status,
        });
        console.log(
          `${at.toFixed(1)} min: ${(bytes / 2 ** 20).toFixed(1)} MB, ${held?.glTextures} GL textures, ${held?.tensors} tensors (${status})`,
        );
      }
      console.log(`heap series (MB): ${samples.map((s) => s.mb.toFixed(0)).join(' ')}; ${restarts} restarts`);
      console.log(`GL texture series: ${samples.map((s) => s.textures).join(' ')}`);
      expect(samples.length).toBeGreaterThan(3);
      // after warm-up (MNIST decoded, kernels compiled: the third sample), no sample grows past
      // it by more than 10% + 16 MB of heap, or 5% + 8 textures (a leak adds textures every step)
      const base = samples[2];
      for (const s of samples.slice(3)) {
        expect(s.mb, `heap at ${s.at.toFixed(1)} min`).toBeLessThan(base.mb * 1.1 + 16);
        expect(s.textures, `GL textures at ${s.at.toFixed(1)} min`).toBeLessThanOrEqual(
          base.textures * 1.05 + 8,
        );
      }
      await page.close();
    },
    (minutes + 3) * 60_000,
  );
});
