import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromiumSkipReason, launchChromium } from '@rfa/browser-testing';
import { describe, expect, it } from 'vitest';
import { LOG_FLOOR, linearRange, logRange } from '../src/ui/chart-ranges.js';

const skip = chromiumSkipReason();
const uplot = readFileSync(createRequire(import.meta.url).resolve('uplot/dist/uPlot.iife.js'), 'utf8');

// Data whose ranges, padded the way the charts did before chart-ranges.ts, sent uPlot 1.6.32's
// tick search into an endless loop (seen as "RangeError: Invalid array length" in a live fig2
// run): a log chart reaching 1e-25, and a linear one flat but for one float64 rounding.
const CASES: { name: string; log: boolean; ys: number[] }[] = [
  { name: 'log, from 1e-25 to 1', log: true, ys: [1e-25, 0.3, 1] },
  { name: 'log, everything near 1e-28', log: true, ys: [1e-28, 2e-28, 1.5e-28] },
  { name: 'log, 1e-21 to 1e-19', log: true, ys: [1e-21, 1e-19, 1e-20] },
  { name: 'linear, 1 and 1 + one ulp', log: false, ys: [1, 1.0000000000000002, 1] },
  { name: 'linear, 1e10 and one ulp above', log: false, ys: [1e10, 10000000000.000002, 1e10] },
  { name: 'linear, 0.3 from two roundings', log: false, ys: [0.30000000000000004, 0.3, 0.3] },
];

describe.skipIf(skip !== undefined)(
  `uPlot draws every chart range${skip ? ` — skipped: ${skip}` : ''}`,
  () => {
    it('with the charts’ range functions: no page error and both axes drawn, for each case', async () => {
      const browser = await launchChromium();
      try {
        const page = await browser.context.newPage();
        const errors: string[] = [];
        page.on('pageerror', (e) => errors.push(e.message));
        await page.setContent('<div id="c"></div>');
        await page.addScriptTag({ content: uplot });
        await page.addScriptTag({
          content: `const LOG_FLOOR = ${LOG_FLOOR};\n${logRange.toString()}\n${linearRange.toString()}`,
        });
        for (const c of CASES) {
          const axes = await Promise.race([
            page.evaluate(async ({ log, ys }) => {
              const ranges = globalThis as unknown as {
                logRange: (lo: number, hi: number) => [number, number];
                linearRange: (lo: number, hi: number) => [number, number];
              };
              const U = (globalThis as unknown as { uPlot: new (...a: unknown[]) => { destroy(): void } })
                .uPlot;
              const box = document.getElementById('c') as HTMLElement;
              const u = new U(
                {
                  width: 600,
                  height: 180,
                  scales: {
                    x: { time: false },
                    y: {
                      ...(log ? { distr: 3 } : {}),
                      range: (_u: unknown, min: number, max: number) =>
                        log ? ranges.logRange(min, max) : ranges.linearRange(min, max),
                    },
                  },
                  axes: [{}, { size: 64 }],
                  series: [{}, { stroke: 'red' }],
                },
                [ys.map((_, i) => i), ys],
                box,
              );
              await new Promise((r) => setTimeout(r, 50)); // uPlot commits in a microtask
              const drawn = box.querySelectorAll('.u-axis').length;
              u.destroy();
              return drawn;
            }, c),
            new Promise<never>((_, reject) =>
              setTimeout(() => reject(new Error(`${c.name}: uPlot hung`)), 20_000),
            ),
          ]);
          expect(axes, c.name).toBe(2);
          expect(errors, c.name).toEqual([]);
        }
      } finally {
        await browser.close();
      }
    }, 180_000);
  },
);
