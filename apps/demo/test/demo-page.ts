import { existsSync, mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumSkipReason, launchChromium } from '@rfa/browser-testing';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { serveStatic } from './static-server.js';

const app = fileURLToPath(new URL('..', import.meta.url));
/** The built app the end-to-end suites drive. */
const dist = join(app, 'dist');
/** Where the suites put their screenshots. */
export const shots = join(app, 'test-results');

/** Why the end-to-end suites cannot run here (no Chromium, no build), or undefined when they can. */
export const demoSkipReason = (): string | undefined =>
  chromiumSkipReason() ??
  (existsSync(join(dist, 'index.html'))
    ? undefined
    : 'apps/demo/dist is missing: run the build first (turbo run build does)');

/** How a suite opens the page: `open('experiment=fig3a&rules=bp,fa')`. */
export interface DemoPages {
  /** A new tab on the built page with `query` (no '?'); page errors are logged. */
  open(
    query?: string,
    options?: { viewport?: { width: number; height: number }; init?: string },
  ): Promise<Page>;
  /** The browser context (after the suite's start). */
  context(): BrowserContext;
}

/**
 * Serves `dist/` (cross-origin isolated) and starts headless Chromium for the enclosing
 * `describe`, closing both after it. `gpu` turns on WebGL2/WebGPU on SwiftShader; `init`
 * runs in every page before its scripts.
 */
export function demoPages(
  options: {
    gpu?: boolean;
    viewport?: { width: number; height: number };
    init?: string;
    /** Sends the data files no faster than this (see `serveStatic`). */
    dataBytesPerSecond?: number;
  } = {},
): DemoPages {
  let server: Server | undefined;
  let url = '';
  let browser: { context: BrowserContext; close: () => Promise<void> } | undefined;

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    ({ url, server } = await serveStatic(dist, { dataBytesPerSecond: options.dataBytesPerSecond }));
    browser = await launchChromium({
      ...(options.gpu ? { gpu: true } : {}),
      ...(options.viewport ? { viewport: options.viewport } : {}),
    });
    if (options.init) await browser.context.addInitScript(options.init);
  });

  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  const context = () => {
    if (!browser) throw new Error('demoPages: the browser has not started (call open inside a test)');
    return browser.context;
  };
  return {
    context,
    async open(query = '', o = {}) {
      const page = await context().newPage();
      if (o.init) await page.addInitScript(o.init);
      if (o.viewport) await page.setViewportSize(o.viewport);
      page.on('pageerror', (e) => console.warn(`[page error] ${e.message}`));
      await page.goto(`${url}${query ? `?${query}` : ''}`);
      return page;
    },
  };
}
