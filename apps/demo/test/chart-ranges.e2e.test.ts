import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleFromSources, chromiumSkipReason, launchChromium } from '@rfa/browser-testing';
import { describe, expect, it } from 'vitest';

const skip = chromiumSkipReason();
const here = dirname(fileURLToPath(import.meta.url));

// Data whose ranges, padded the way the charts did before chart-ranges.ts, sent uPlot 1.6.32's
// tick search into an endless loop ("RangeError: Invalid array length"): the held-out NSE of a
// live fig2 run at the moment it happened (the first case), a log chart reaching 1e-25, and
// linear ones flat but for float64 rounding.
const CASES: { name: string; log: boolean; ys: number[] }[] = [
  {
    name: 'log, fig2 NSE from 0.0107 to 1.0023',
    log: true,
    ys: [1.0023169593989185, 0.010706424014517915, 0.5],
  },
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
        await page.addScriptTag({
          content: await bundleFromSources(join(here, 'browser/chart-ranges-page.ts')),
        });
        for (const c of CASES) {
          const axes = await Promise.race([
            page.evaluate(
              ({ log, ys }) =>
                (
                  globalThis as unknown as { drawChart: (log: boolean, ys: number[]) => Promise<number> }
                ).drawChart(log, ys),
              c,
            ),
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
