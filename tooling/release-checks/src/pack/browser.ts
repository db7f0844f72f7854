import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = (): boolean => existsSync(CHROMIUM);

/** Bundles one example for browsers (ESM, every import inlined); throws what esbuild could not resolve. */
export async function bundleForBrowser(file: string, project: string): Promise<string> {
  const result = await build({
    entryPoints: [file],
    absWorkingDir: project,
    bundle: true,
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

export interface PageRun {
  lines: string[];
  errors: string[];
}

/** Runs a bundle as a module script in a fresh headless Chromium page; resolves with what it logged. */
export async function runInChromium(
  bundle: string,
  doneLines: number,
  timeoutMs = 120_000,
): Promise<PageRun> {
  const profile = mkdtempSync(join(tmpdir(), 'rfa-pack-chromium-'));
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
  try {
    const page = await browser.newPage();
    const lines: string[] = [];
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'log') lines.push(m.text());
      else if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(String(e)));
    // Served from a made-up origin by request interception: no server, no network.
    await page.route('http://rfa-pack-test.invalid/**', (route) => {
      const url = route.request().url();
      if (url.endsWith('/example.js')) return route.fulfill({ contentType: 'text/javascript', body: bundle });
      return route.fulfill({
        contentType: 'text/html',
        body: '<!doctype html><script type="module" src="/example.js"></script>',
      });
    });
    await page.goto('http://rfa-pack-test.invalid/');
    const started = Date.now();
    while (lines.length < doneLines && errors.length === 0 && Date.now() - started < timeoutMs) {
      await page.waitForTimeout(100);
    }
    return { lines, errors };
  } finally {
    await browser.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
