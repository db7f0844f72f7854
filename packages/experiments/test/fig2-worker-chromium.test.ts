import type { Server } from 'node:http';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCpuBackend } from '@rfa/backend-cpu';
import { bundleFromSources, chromiumSkipReason, launchChromium } from '@rfa/browser-testing';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../src/config.js';
import { fig2 } from '../src/definitions/fig2.js';
import { runExperiment } from '../src/run-experiment.js';
import { exactJson } from './shared/exact-json.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const skip = chromiumSkipReason();
if (skip) console.warn(`fig2 worker test skipped: ${skip}`);

const PAGE = `<!doctype html><meta charset="utf-8"><title>rfa fig2 in a worker</title><script>
window.runFig2 = (overrides) => new Promise((resolve) => {
  const worker = new Worker('/worker.js');
  worker.onmessage = (e) => { resolve(e.data); worker.terminate(); };
  worker.onerror = (e) => resolve({ error: e.message });
  worker.postMessage({ overrides });
});
</script>`;

describe.skipIf(skip !== undefined)(
  `fig2 through @rfa/experiments in a Web Worker in Chromium${skip ? ` — skipped: ${skip}` : ''}`,
  () => {
    let server: Server;
    let url: string;
    let browser: BrowserContext;
    let close: () => Promise<void>;

    beforeAll(async () => {
      const script = await bundleFromSources(join(here, 'browser/fig2-worker.ts'));
      server = createServer((req, res) => {
        const js = req.url === '/worker.js';
        res.writeHead(200, { 'content-type': js ? 'text/javascript' : 'text/html' });
        res.end(js ? script : PAGE);
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const address = server.address();
      url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
      ({ context: browser, close } = await launchChromium());
    }, 120_000);

    afterAll(async () => {
      await close?.();
      server?.close();
    });

    it('gives the same numbers as Node, bit for bit (every rule, final metrics and curves)', async () => {
      // the quick config (2000 online steps, 1000 held-out examples), every default rule
      const overrides = {};
      const page = await browser.newPage();
      await page.goto(url);
      const fromWorker = (await page.evaluate(
        (o) => (globalThis as never as { runFig2: (o: object) => Promise<unknown> }).runFig2(o),
        overrides,
      )) as { results?: string; backend?: string; error?: string };
      await page.close();
      expect(fromWorker.error).toBeUndefined();
      const config = resolveConfig(fig2, { quick: true, overrides });
      const node = await runExperiment(fig2, { config, seeds: 1, backend: createCpuBackend() });
      expect(fromWorker.backend).toMatch(/WebAssembly|wasm/i);
      expect(fromWorker.results).toBe(exactJson(node.results));
      // and the run learnt: FA and BP drive the held-out NSE down
      expect(node.results.fa.final.nse.mean).toBeLessThan(0.01);
      expect(Object.keys(node.results)).toEqual(['bp', 'fa', 'shallow', 'node-perturbation']);
    }, 180_000);
  },
);
