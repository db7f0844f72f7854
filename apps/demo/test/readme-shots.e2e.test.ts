import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { demoPages, demoSkipReason } from './demo-page.js';
import { findLayoutProblems, LAYOUT_SELECTOR } from './layout-check.js';

// The README's screenshots (docs/demo-desktop.png, docs/demo-phone.png), retaken from the
// built page: behind RFA_README_SHOTS=1, since it writes into docs/.
const skip =
  process.env.RFA_README_SHOTS !== '1'
    ? 'writes the README screenshots: set RFA_README_SHOTS=1 to run it'
    : demoSkipReason();
const docs = (name: string) => fileURLToPath(new URL(`../../../docs/${name}`, import.meta.url));

describe.skipIf(skip !== undefined)(`the README screenshots${skip ? ` — skipped: ${skip}` : ''}`, () => {
  const pages = demoPages({ viewport: { width: 1440, height: 900 } });

  it('MNIST (fig3a), bp and fa trained below 20% test error: the desktop at 1440×900, the phone at 390×844 from the run’s card', async () => {
    const page = await pages.open('experiment=fig3a&rules=bp,fa');
    const error = (rule: string) =>
      page
        .locator(`#readout tr[data-rule="${rule}"] td[data-metric="testError"]`)
        .textContent()
        .then((t) => Number(t ?? 'NaN'));
    await expect
      .poll(async () => Math.max(await error('bp'), await error('fa')), { timeout: 240_000, interval: 500 })
      .toBeLessThan(0.2);
    // a shot with nothing overlapping and nothing cut off, as the layout suite checks
    const layout = await page.evaluate(findLayoutProblems, LAYOUT_SELECTOR);
    expect(layout.overlaps).toEqual([]);
    await page.screenshot({ path: docs('demo-desktop.png') });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(500);
    await page.locator('main').evaluate((m) => m.scrollIntoView({ block: 'start' }));
    await page.waitForTimeout(300);
    const phone = await page.evaluate(findLayoutProblems, LAYOUT_SELECTOR);
    expect(phone.scrollWidth).toBeLessThanOrEqual(phone.innerWidth);
    await page.screenshot({ path: docs('demo-phone.png') });
    console.log(
      `README shots: bp ${await error('bp')}, fa ${await error('fa')} test error; written to docs/demo-desktop.png and docs/demo-phone.png`,
    );
    await page.close();
  });
});
