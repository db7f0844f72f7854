import { describe, expect, it } from 'vitest';
import { demoPages, demoSkipReason } from './demo-page.js';

// A page left training keeps a flat heap. Long: behind RFA_SOAK=1 (RFA_SOAK_MINUTES, default 10).
const minutes = Number(process.env.RFA_SOAK_MINUTES ?? 10);
const skip = process.env.RFA_SOAK !== '1' ? 'a soak: set RFA_SOAK=1 to run it' : demoSkipReason();

/** Bytes of the page and its worker, as the browser counts them (needs cross-origin isolation). */
const MEASURE = () =>
  (performance as unknown as { measureUserAgentSpecificMemory(): Promise<{ bytes: number }> })
    .measureUserAgentSpecificMemory()
    .then((m) => m.bytes);

describe.skipIf(skip !== undefined)(`the demo left training${skip ? ` — skipped: ${skip}` : ''}`, () => {
  const pages = demoPages({ gpu: true });

  it(
    `keeps a flat JS heap (page and worker) over ${minutes} minutes of MNIST training in WebGL2 mode, restarted whenever a run ends`,
    async () => {
      const page = await pages.open('experiment=fig3a&rules=bp,fa&backend=webgl2');
      expect(await page.evaluate(() => globalThis.crossOriginIsolated)).toBe(true);
      // the run is on gpu.js in WebGL2 (SwiftShader here), not a CPU fallback
      await expect.poll(() => page.locator('#backend').textContent(), { timeout: 60_000 }).toMatch(/webgl2/i);
      const samples: { minute: number; mb: number; status: string }[] = [];
      const end = Date.now() + minutes * 60_000;
      let restarts = 0;
      for (let minute = 1; Date.now() < end; minute++) {
        await page.waitForTimeout(Math.min(60_000, end - Date.now()));
        const status = (await page.locator('#status').textContent()) ?? '';
        if (/done|stopped/.test(status)) {
          await page.locator('#start').click();
          restarts++;
        }
        const bytes = await page.evaluate(MEASURE);
        samples.push({ minute, mb: bytes / 2 ** 20, status });
        console.log(`minute ${minute}: ${(bytes / 2 ** 20).toFixed(1)} MB (${status})`);
      }
      console.log(`heap series (MB): ${samples.map((s) => s.mb.toFixed(0)).join(' ')}; ${restarts} restarts`);
      // after warm-up (MNIST decoded, kernels compiled), no sample grows past the third by more than 10% + 16 MB
      const base = samples[Math.min(2, samples.length - 1)].mb;
      for (const s of samples.slice(3)) expect(s.mb, `minute ${s.minute}`).toBeLessThan(base * 1.1 + 16);
      await page.close();
    },
    (minutes + 3) * 60_000,
  );
});
