// Shared by every browser suite (backend-gpu's conformance, the experiments' worker test, the
// demo's end-to-end tests), so the flags and the source bundling live in one place.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { type BrowserContext, chromium } from 'playwright-core';

/** The system Chromium the browser tests drive (Debian's `chromium`). */
export const CHROMIUM = '/usr/bin/chromium';

/** Why the browser suites cannot run here, or undefined when they can. */
export const chromiumSkipReason = (): string | undefined =>
  existsSync(CHROMIUM) ? undefined : `${CHROMIUM} is missing (apt-get install -y chromium)`;

/** Headless, no sandbox (root in CI), and no traffic to anything but the page's server. */
export const BASE_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** WebGL2 and WebGPU on SwiftShader (no GPU on these machines). */
export const WEBGPU_FLAGS = [
  '--enable-unsafe-webgpu',
  '--enable-features=Vulkan',
  '--use-vulkan=swiftshader',
  '--use-webgpu-adapter=swiftshader',
  '--enable-unsafe-swiftshader',
];

/** Headless Chromium with a fresh profile; `close` ends it and removes the profile. */
export async function launchChromium(
  options: { gpu?: boolean; viewport?: { width: number; height: number } } = {},
): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'rfa-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [...BASE_FLAGS, ...(options.gpu ? WEBGPU_FLAGS : [])],
    ...(options.viewport ? { viewport: options.viewport } : {}),
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

const packages = fileURLToPath(new URL('../../../packages/', import.meta.url));

/**
 * Bundles `entry` into one browser script (IIFE), with every `@rfa/<name>[/sub]` import
 * taken from the workspace's sources (`packages/<name>/src/<sub|index>.ts`), so a browser
 * test never runs against a stale build.
 */
export async function bundleFromSources(entry: string): Promise<string> {
  const out = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    logLevel: 'silent',
    plugins: [
      {
        name: 'rfa-sources',
        setup(b) {
          b.onResolve({ filter: /^@rfa\/[^/]+(\/.+)?$/ }, (args) => {
            const [, name, sub] = /^@rfa\/([^/]+)(?:\/(.+))?$/.exec(args.path) ?? [];
            return { path: join(packages, name, 'src', sub ? `${sub}.ts` : 'index.ts') };
          });
        },
      },
    ],
  });
  return out.outputFiles[0].text;
}
