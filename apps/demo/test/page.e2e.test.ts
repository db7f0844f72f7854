import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { ruleStyle } from '@rfa/experiments';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoPages, demoSkipReason, shots } from './demo-page.js';
import { findDiagramProblems, findLayoutProblems, LAYOUT_SELECTOR } from './layout-check.js';

const skip = demoSkipReason();

/** The four screens the page is laid out for. */
const VIEWPORTS = [
  { width: 1440, height: 900 },
  { width: 1280, height: 800 },
  { width: 1024, height: 768 },
  { width: 390, height: 844 },
];

/** Records, from the first script on, each status line of the data download with its bar's share. */
const WATCH_LOADING = `
  window.__loading = [];
  new MutationObserver(() => {
    const status = document.getElementById('status');
    const bar = document.getElementById('progress');
    const text = status?.textContent ?? '';
    if (bar && text.startsWith('loading MNIST: file') && text !== window.__loading.at(-1)?.[0])
      window.__loading.push([text, bar.hasAttribute('value') ? bar.value / bar.max : 0]);
  }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
`;

/** Axe-core's serious and critical findings, one line each. */
async function seriousAxe(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function expectLayoutClean(page: Page, label: string): Promise<void> {
  const found = await page.evaluate(findLayoutProblems, LAYOUT_SELECTOR);
  console.log(
    `${label}: ${found.checked} blocks checked, page ${found.scrollWidth} px wide in ${found.innerWidth}`,
  );
  expect(found.checked).toBeGreaterThan(20);
  expect(found.overlaps, `${label}: overlapping blocks`).toEqual([]);
  expect(found.cutOff, `${label}: blocks past the viewport's side`).toEqual([]);
  expect(found.scrollWidth, `${label}: horizontal overflow`).toBeLessThanOrEqual(found.innerWidth);
}

describe.skipIf(skip !== undefined)(
  `the page’s layout, accessibility and speed${skip ? ` — skipped: ${skip}` : ''}`,
  () => {
    // MNIST at 10 MB/s (about 1.1 s): the progress bar has time to show, as on a real network
    const pages = demoPages({ viewport: VIEWPORTS[1], dataBytesPerSecond: 10e6 });
    const open = (query = '', viewport = VIEWPORTS[1], init?: string) =>
      pages.open(query, { viewport, ...(init ? { init } : {}) });

    it('first paint within 1 s from a local static server', async () => {
      const page = await open();
      const paint = await page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const seen = () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime;
            const now = seen();
            if (now !== undefined) resolve(now);
            else
              new PerformanceObserver(() => {
                const t = seen();
                if (t !== undefined) resolve(t);
              }).observe({ type: 'paint', buffered: true });
          }),
      );
      console.log(`first contentful paint: ${paint.toFixed(0)} ms`);
      expect(paint).toBeLessThan(1000);
      await page.close();
    });

    it('before Start: the caption, the network and one card per rule; no overlap, nothing cut off at four viewports; no serious axe finding', async () => {
      const page = await open();
      expect(await page.locator('#caption').textContent()).toMatch(/Start/);
      await expect.poll(() => page.locator('svg.network circle.unit').count()).toBeGreaterThan(6);
      expect(await page.locator('.headline-card').count()).toBeGreaterThan(1);
      for (const viewport of VIEWPORTS) {
        await page.setViewportSize(viewport);
        await page.waitForTimeout(100);
        await expectLayoutClean(page, `before Start at ${viewport.width}×${viewport.height}`);
      }
      expect(await seriousAxe(page)).toEqual([]);
      await page.close();
    });

    it('the network diagram of every experiment: no two of its labels overlap, none past its edges, at four viewports', async () => {
      const started = Date.now();
      const page = await open();
      const select = page.locator('select[name="experiment"]');
      const ids = await select
        .locator('option')
        .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
      expect(ids.length).toBeGreaterThan(1);
      const problems: string[] = [];
      let checked = 0;
      for (const viewport of VIEWPORTS) {
        await page.setViewportSize(viewport);
        for (const id of ids) {
          await select.selectOption(id);
          await expect
            .poll(() => page.locator('#diagram').getAttribute('data-layers'))
            .toMatch(/^\d+(-\d+)+$/);
          // the longest angle a live run writes (two significant digits), in place of '–'
          await page.locator('#diagram text.angle').evaluateAll((ts) =>
            ts.forEach((t) => {
              t.textContent = (t.textContent ?? '').replace('–', '0.012°');
            }),
          );
          const found = await page.evaluate(findDiagramProblems, '#diagram svg.network');
          checked += found.checked;
          if (found.checked < 6) problems.push(`${id} at ${viewport.width}: only ${found.checked} labels`);
          for (const o of [...found.overlaps, ...found.outside])
            problems.push(`${id} at ${viewport.width}×${viewport.height}: ${o}`);
          if (viewport.width === 1280 || viewport.width === 390)
            await page
              .locator('#diagram')
              .screenshot({ path: join(shots, `diagram-${id}-${viewport.width}.png`) });
        }
      }
      console.log(
        `diagram labels: ${ids.length} experiments × ${VIEWPORTS.length} viewports, ${checked} text boxes checked in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      );
      expect(problems).toEqual([]);
      await page.close();
    });

    it('while MNIST trains: no overlap, nothing cut off at four viewports (the phone stacked), no serious axe finding', async () => {
      const page = await open('experiment=fig3a&rules=bp,fa', VIEWPORTS[1], WATCH_LOADING);
      // the download's progress bar, then training; the strip of test images fills in
      await expect
        .poll(async () => Number(await page.locator('#strip').getAttribute('data-updates')), {
          timeout: 90_000,
        })
        .toBeGreaterThan(0);
      await expect
        .poll(
          async () =>
            Number(await page.locator('figure[data-metric="testError"]').getAttribute('data-points')),
          {
            timeout: 60_000,
          },
        )
        .toBeGreaterThan(2);
      expect(await page.locator('ol.strip > li').count()).toBe(12);
      const loading = await page.evaluate(
        () => (window as never as { __loading: [string, number][] }).__loading,
      );
      console.log(
        `MNIST download as the page showed it: ${loading.length} updates, last '${loading.at(-1)?.[0]}'`,
      );
      expect(loading.length).toBeGreaterThan(0);
      for (const [text, share] of loading) {
        expect(text).toMatch(/^loading MNIST: file [1-4] of 4 \(.+\.gz\)/);
        expect(share).toBeGreaterThanOrEqual(0);
        expect(share).toBeLessThanOrEqual(1);
      }
      for (const viewport of VIEWPORTS) {
        await page.setViewportSize(viewport);
        await page.waitForTimeout(300);
        await expectLayoutClean(page, `MNIST training at ${viewport.width}×${viewport.height}`);
        await page.screenshot({ path: join(shots, `page-mnist-${viewport.width}.png`) });
      }
      // the phone stacks the controls above the view
      const controls = (await page.locator('aside.panel').boundingBox())!;
      const view = (await page.locator('main').boundingBox())!;
      expect(view.y).toBeGreaterThanOrEqual(controls.y + controls.height - 1);
      await page.setViewportSize(VIEWPORTS[1]);
      expect(await seriousAxe(page)).toEqual([]);
      // the charts: a legend of rules only, a hover readout, the paper's values as lines
      const error = page.locator('figure[data-metric="testError"]');
      expect(await error.locator('.legend li[data-rule]').allTextContents()).toEqual(['bp', 'fa']);
      expect(await error.locator('.legend').textContent()).not.toMatch(/s\.d\.|--/);
      expect(await error.locator('.legend li.reference').count()).toBeGreaterThan(0);
      expect(await error.locator('.readout-line').textContent()).toMatch(/^latest, .*bp \d.*%.*fa \d.*%/);
      await error.scrollIntoViewIfNeeded();
      const plot = (await error.locator('.u-over').boundingBox())!;
      await page.mouse.move(plot.x + plot.width * 0.3, plot.y + plot.height / 2);
      await expect.poll(() => error.locator('.readout-line').textContent()).toMatch(/^epoch \d.*: bp \d.*%/);
      // the pad does not scroll the page under a finger
      expect(await page.locator('canvas.pad').evaluate((c) => getComputedStyle(c).touchAction)).toBe('none');
      // downloads: the curves as JSON, the charts as a PNG
      const [json] = await Promise.all([
        page.waitForEvent('download'),
        page.locator('#download-json').click(),
      ]);
      const curves = JSON.parse(readFileSync((await json.path()) as string, 'utf8'));
      const testError = curves.charts.find((c: { metric: string }) => c.metric === 'testError');
      expect(testError.unit).toBe('percent');
      expect(testError.lines.map((l: { rule: string }) => l.rule)).toEqual(['bp', 'fa']);
      expect(testError.lines[1].x.length).toBeGreaterThan(2);
      expect(testError.lines[1].y.length).toBe(testError.lines[1].x.length);
      const [png] = await Promise.all([page.waitForEvent('download'), page.locator('#download-png').click()]);
      const bytes = readFileSync((await png.path()) as string);
      expect(bytes.subarray(1, 4).toString()).toBe('PNG');
      expect(png.suggestedFilename()).toMatch(/\.png$/);
      await page.close();
    });

    it('runs every experiment from the picker: its network is drawn and its charts fill', async () => {
      const page = await open();
      const ids = await page
        .locator('select[name="experiment"] option')
        .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
      expect(ids.length).toBeGreaterThan(1);
      for (const id of ids) {
        const started = Date.now();
        await page.locator('select[name="experiment"]').selectOption(id);
        await page.getByRole('button', { name: 'Start' }).click();
        const filled = async () =>
          page
            .locator('#charts figure.chart')
            .evaluateAll((fs) => fs.map((f) => Number(f.getAttribute('data-points'))));
        await expect
          .poll(filled, { timeout: 120_000, interval: 250 })
          .toSatisfy((points: number[]) => points.length > 0 && points.every((n) => n >= 2));
        const layers = await page.locator('#diagram').getAttribute('data-layers');
        console.log(
          `${id}: ${(await filled()).length} charts filled in ${((Date.now() - started) / 1000).toFixed(1)} s; network ${layers || 'not drawn'}`,
        );
        expect(layers).toMatch(/^\d+(-\d+)+$/);
        await page.getByRole('button', { name: 'Reset' }).click();
        // Reset waits for the worker to stop at its next step, which a loaded machine may delay past poll's 1 s default
        await expect.poll(() => page.locator('#status').textContent(), { timeout: 15_000 }).toBe('ready');
      }
      await page.close();
    });

    // the bench's SVG plots draw each rule in the same ruleStyle colour (apps/bench plot.test.ts)
    it('each rule in its registry colour, as the bench report draws it: the rule list of every experiment, and the live chart’s legend and canvas', async () => {
      const page = await open();
      const ids = await page
        .locator('select[name="experiment"] option')
        .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
      const differ: string[] = [];
      for (const id of ids) {
        await page.locator('select[name="experiment"]').selectOption(id);
        // each rule's swatch in the rule list, as the browser computed it
        const swatches = await page.locator('.rules .rule').evaluateAll((labels) =>
          labels.map((l) => {
            const rule = (l.querySelector('input') as HTMLInputElement).value;
            const style = getComputedStyle(l.querySelector('.swatch') as HTMLElement);
            // a variant's swatch is its chart dash, a gradient in the rule's colour
            const paint = style.backgroundImage === 'none' ? style.backgroundColor : style.backgroundImage;
            const rgb = paint.match(/rgba?\([^)]*\)/)?.[0] ?? '';
            const hex = `#${(rgb.match(/\d+/g) ?? [])
              .slice(0, 3)
              .map((v) => Number(v).toString(16).padStart(2, '0'))
              .join('')}`;
            return [rule, hex] as const;
          }),
        );
        expect(swatches.length, `${id} lists its rules`).toBeGreaterThan(0);
        for (const [rule, hex] of swatches)
          if (hex !== ruleStyle(rule).colour.toLowerCase())
            differ.push(`${id} ${rule}: swatch ${hex}, registry ${ruleStyle(rule).colour}`);
      }
      expect(differ).toEqual([]);
      await page.close();
      // a live chart: its legend's colours, and each rule's colour on its canvas
      const run = await open(`experiment=${ids[0]}`);
      await expect.poll(() => run.locator('#status').textContent(), { timeout: 120_000 }).toMatch(/done/);
      const chart = run.locator('#charts figure.chart').first();
      await expect
        .poll(async () => Number(await chart.getAttribute('data-points')), { timeout: 10_000 })
        .toBeGreaterThan(10);
      await run.waitForTimeout(500);
      const legend = await chart
        .locator('.legend li[data-rule]')
        .evaluateAll((lis) =>
          lis.map((li) => [li.getAttribute('data-rule') ?? '', li.getAttribute('data-colour') ?? '']),
        );
      expect(legend.length).toBeGreaterThan(1);
      const countColours = () =>
        chart.locator('canvas').evaluate(
          (c: HTMLCanvasElement, colours: string[]) => {
            const data = (c.getContext('2d') as CanvasRenderingContext2D).getImageData(
              0,
              0,
              c.width,
              c.height,
            ).data;
            const rgb = colours.map((h) => [1, 3, 5].map((i) => Number.parseInt(h.slice(i, i + 2), 16)));
            const counts = colours.map(() => 0);
            for (let p = 0; p < data.length; p += 4) {
              if (data[p + 3] < 250) continue;
              rgb.forEach(([r, g, b], k) => {
                if (Math.abs(data[p] - r) + Math.abs(data[p + 1] - g) + Math.abs(data[p + 2] - b) <= 12)
                  counts[k]++;
              });
            }
            return counts;
          },
          legend.map(([, colour]) => colour),
        );
      // the chart paints on an animation frame, which a loaded machine may delay past the last event
      await expect
        .poll(async () => Math.min(...(await countColours())), { timeout: 15_000 })
        .toBeGreaterThan(20);
      const onCanvas = await countColours();
      console.log(
        `${ids[0]} chart '${await chart.getAttribute('data-metric')}': pixels in each rule's colour: ${legend.map(([rule], k) => `${rule} ${onCanvas[k]}`).join(', ')}`,
      );
      legend.forEach(([rule, colour], k) => {
        expect(colour, `${rule}'s legend colour`).toBe(ruleStyle(rule).colour);
        expect(onCanvas[k], `${rule}'s curve on the canvas`).toBeGreaterThan(20);
      });
      await run.close();
    });

    it('every control is reachable with Tab and shows its focus', async () => {
      const page = await open();
      const names = new Set<string>();
      for (let i = 0; i < 40; i++) {
        await page.keyboard.press('Tab');
        const focus = await page.evaluate(() => {
          const e = document.activeElement as HTMLElement | null;
          if (!e || e === document.body) return null;
          const style = getComputedStyle(e);
          return {
            name:
              e.id ||
              (e as HTMLInputElement).name ||
              (e as HTMLInputElement).value ||
              e.textContent?.trim() ||
              e.tagName,
            outline: style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) >= 2,
          };
        });
        if (!focus) continue;
        expect(focus.outline, `${focus.name} has a visible focus ring`).toBe(true);
        names.add(focus.name);
      }
      for (const name of ['experiment', 'rule', 'start', 'seed', 'stepsPerFrame', 'backend'])
        expect([...names]).toContain(name);
      await page.close();
    });
  },
);
