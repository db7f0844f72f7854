import { activationCases } from './activation-cases.js';
import { elementwiseCases } from './elementwise-cases.js';
import { gemmCases } from './gemm-cases.js';
import { lifecycleCases } from './lifecycle-cases.js';
import { randomCases } from './random-cases.js';
import { rowsCases } from './rows-cases.js';
import {
  type ConformanceCase,
  type ConformanceOptions,
  type ConformanceTolerance,
  CPU_TOLERANCE,
} from './types.js';
import { updateProjectCases } from './update-project-cases.js';
import { viewCases } from './view-cases.js';
import { windowCases } from './window-cases.js';

/** Every case of the suite, in a stable order. Framework-free: each case throws on failure. */
export function conformanceCases(options: ConformanceOptions = {}): ConformanceCase[] {
  return [
    ...lifecycleCases(),
    ...viewCases(),
    ...elementwiseCases(),
    ...rowsCases(),
    ...activationCases(),
    ...randomCases(),
    ...gemmCases(options.large ?? true),
    ...updateProjectCases(options.large ?? true),
    ...windowCases(options.large ?? true),
  ];
}

export function resolveTolerance(options: ConformanceOptions = {}): ConformanceTolerance {
  return { ...CPU_TOLERANCE, ...(options.tolerance ?? {}) };
}

/** The reason a case is skipped, by its name or its group, or undefined. */
export function skipReason(c: ConformanceCase, options: ConformanceOptions = {}): string | undefined {
  return options.skip?.[c.name] ?? options.skip?.[c.group];
}

/** Seed for a case: stable per name, so a failure reproduces alone. */
export function caseSeed(name: string): number {
  let h = 2166136261;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 16777619);
  return h >>> 0;
}

export interface ConformanceReport {
  passed: string[];
  failed: { name: string; error: string }[];
  skipped: { name: string; reason: string }[];
}

/** Runs the whole suite outside any test framework (browser pages, scripts). */
export async function runConformance(
  backend: import('@rfa/tensor').Backend,
  options: ConformanceOptions = {},
  onCase?: (name: string, outcome: 'pass' | 'fail' | 'skip') => void,
): Promise<ConformanceReport> {
  const report: ConformanceReport = { passed: [], failed: [], skipped: [] };
  const tolerance = resolveTolerance(options);
  for (const c of conformanceCases(options)) {
    const reason = skipReason(c, options);
    if (reason) {
      report.skipped.push({ name: c.name, reason });
      onCase?.(c.name, 'skip');
      continue;
    }
    try {
      await c.run(backend, { tolerance, seed: caseSeed(c.name) });
      report.passed.push(c.name);
      onCase?.(c.name, 'pass');
    } catch (err) {
      report.failed.push({ name: c.name, error: String((err as Error)?.message ?? err) });
      onCase?.(c.name, 'fail');
    }
  }
  return report;
}

export type {
  ConformanceCase,
  ConformanceContext,
  ConformanceOptions,
  ConformanceTolerance,
} from './types.js';
export { CPU_TOLERANCE } from './types.js';
