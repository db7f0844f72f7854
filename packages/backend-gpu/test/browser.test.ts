import type { Server } from 'node:http';
import v8 from 'node:v8';
import { createCpuBackend } from '@rfa/backend-cpu';
import { chromiumSkipReason, launchChromium } from '@rfa/browser-testing';
import { conformanceCases } from '@rfa/testkit';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleHarness, serveHarness } from './browser/serve.js';
import { CONV_STEPS, type ConvRun, type ConvRunRule, convRun } from './shared/conv-run.js';
import { expectConvSteps } from './shared/expect-conv-steps.js';
import { seededFig2Run } from './shared/seeded-fig2-run.js';

/** The 128×1000×784 gemm case; RFA_BROWSER_LARGE=0 leaves it out where software rendering is slow. */
const LARGE = process.env.RFA_BROWSER_LARGE !== '0';

const skip = chromiumSkipReason();
if (skip) console.warn(`browser conformance skipped: ${skip}`);

describe.skipIf(skip !== undefined)(
  `browser conformance in headless Chromium${skip ? ` — skipped: ${skip}` : ''}`,
  () => {
    let browser: BrowserContext;
    let server: Server;
    let url: string;
    let close: () => Promise<void>;

    beforeAll(async () => {
      ({ url, server } = await serveHarness(await bundleHarness()));
      ({ context: browser, close } = await launchChromium({ gpu: true }));
    }, 120_000);

    afterAll(async () => {
      await close?.();
      server?.close();
    });

    for (const mode of ['webgl2', 'webgl', 'webgpu'] as const) {
      it(`passes the conformance suite in ${mode} mode${LARGE ? '' : ' (large gemm case left out: RFA_BROWSER_LARGE=0)'}`, async () => {
        const page = await browser.newPage();
        page.on('console', (m) => {
          if ((m.type() === 'warning' || m.type() === 'error') && !m.text().includes('GL Driver Message'))
            console.warn(`[page ${mode}] ${m.text()}`);
        });
        await page.goto(url);
        const result = await page.evaluate(
          ([m, large]) =>
            (globalThis as never as { runSuite: (m: string, l: boolean) => Promise<unknown> }).runSuite(
              m,
              large,
            ),
          [mode, LARGE] as const,
        );
        await page.close();
        const r = result as {
          mode: string;
          description: string;
          passed: number;
          failed: { name: string; error: string }[];
          skipped: unknown[];
          memoryAfter: unknown;
          seconds: number;
        };
        console.log(
          `[${mode}] ${r.description}\n[${mode}] passed ${r.passed}, failed ${r.failed.length}, skipped ${r.skipped.length} in ${r.seconds.toFixed(1)} s; memory after ${JSON.stringify(r.memoryAfter)}`,
        );
        for (const f of r.failed.slice(0, 20)) console.log(`[${mode}] FAIL ${f.name}: ${f.error}`);
        expect(r.mode).toBe(mode);
        expect(r.failed).toEqual([]);
        expect(r.passed).toBe(conformanceCases({ large: LARGE }).length);
      }, 600_000);
    }

    for (const mode of ['webgl2', 'webgpu'] as const)
      for (const rule of ['bp', 'fa'] as ConvRunRule[])
        it(`trains a conv net (conv + max pool + dense) by ${rule} in ${mode} mode with the CPU backend’s steps in Node`, async () => {
          const page = await browser.newPage();
          await page.goto(url);
          const inPage = (await page.evaluate(
            ([m, r]) =>
              (
                globalThis as never as { convRunOnGpu: (m: string, r: string) => Promise<unknown> }
              ).convRunOnGpu(m, r),
            [mode, rule] as const,
          )) as ConvRun & { mode: string; description: string };
          await page.close();
          const cpu = createCpuBackend();
          const inNode = await convRun(cpu, rule);
          cpu.dispose();
          expect(inPage.mode).toBe(mode);
          const { worst } = expectConvSteps(inPage, inNode, `${rule}, ${mode} vs cpu`);
          console.log(
            `[${mode}] conv net ${rule} on ${inPage.description}: largest |gpu − cpu| over ${CONV_STEPS} steps ${worst.toExponential(2)}`,
          );
        }, 120_000);

    for (const fma of [false, true]) {
      const kernels = fma ? 'fused multiply-add kernels (relaxed SIMD)' : 'WebAssembly kernels';
      it(`runs the CPU backend (its ${kernels}) through the conformance suite in the page`, async () => {
        const page = await browser.newPage();
        await page.goto(url);
        const r = (await page.evaluate(
          ([large, f]) =>
            (
              globalThis as never as { runCpuSuite: (l: boolean, f: boolean) => Promise<unknown> }
            ).runCpuSuite(large, f),
          [LARGE, fma] as const,
        )) as { description: string; passed: number; failed: { name: string; error: string }[] };
        await page.close();
        console.log(`[cpu in the browser] ${r.description}: passed ${r.passed}, failed ${r.failed.length}`);
        expect(r.description).toContain('WebAssembly');
        if (fma) expect(r.description).toContain('fused multiply-add');
        expect(r.failed).toEqual([]);
        expect(r.passed).toBe(conformanceCases({ large: LARGE }).length);
      }, 600_000);

      it(`gives the same numbers for the same seed in Node and in the browser (Rng and a CPU-backend FA run, ${kernels})`, async () => {
        const page = await browser.newPage();
        await page.goto(url);
        const inPage = await page.evaluate(
          (f) => (globalThis as never as { seededRun: (f: boolean) => Promise<unknown> }).seededRun(f),
          fma,
        );
        await page.close();
        // Node 20's V8 keeps relaxed SIMD behind a flag; Chromium has it on
        if (fma) v8.setFlagsFromString('--experimental-wasm-relaxed-simd');
        const backend = createCpuBackend({ fma });
        const inNode = await seededFig2Run(backend);
        backend.dispose();
        expect(inNode.outputs.some((v) => v !== 0)).toBe(true);
        expect(inPage).toEqual(inNode);
      }, 120_000);
    }
  },
);
