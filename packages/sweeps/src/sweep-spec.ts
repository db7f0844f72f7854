import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { SweepSpecError } from './errors.js';
import { MAX_SEEDS } from './seeds.js';
import { unsafeSegment } from './unsafe-key.js';

const seed = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** The seeds: a list, `{ from, to }`, or a count n (seeds 1 … n). */
const seedsSchema = z
  .union([
    z.array(seed).min(1).max(MAX_SEEDS),
    z
      .strictObject({ from: seed, to: seed })
      .refine((r) => r.to >= r.from, 'runs downwards (to < from)')
      .refine((r) => r.to - r.from < MAX_SEEDS, `holds more than ${MAX_SEEDS} seeds`),
    seed.max(MAX_SEEDS, `more than ${MAX_SEEDS} seeds`),
  ])
  .describe('seeds: [1, 2, 5], { "from": 1, "to": 20 }, or n for 1 … n');

/** What a sweep runs; `pnpm bench sweep --spec file.json` reads this shape. */
export const sweepSpecSchema = z.strictObject({
  experiment: z.string().min(1).describe('experiment id (fig2, fig3a, fig3d, fig4, fig5)'),
  rules: z
    .array(z.string().min(1))
    .optional()
    .describe("rule keys (default: the experiment's default rules)"),
  seeds: seedsSchema,
  quick: z.boolean().default(false).describe("start from the experiment's quick preset"),
  set: z.record(z.string(), z.unknown()).default({}).describe('settings every job shares (like --set)'),
  grid: z
    .record(z.string(), z.array(z.unknown()).min(1))
    .default({})
    .describe('settings to sweep: key → the values it takes; every combination is a cell'),
});

/** A validated sweep, seeds listed. */
export type SweepSpec = Omit<z.output<typeof sweepSpecSchema>, 'seeds'> & { seeds: number[] };

/** What a sweep spec may be written as (seeds as a range or a count; defaults optional). */
export type SweepSpecInput = z.input<typeof sweepSpecSchema>;

/**
 * Checks a sweep spec (from JSON or flags); SweepSpecError names the first bad field.
 * @example
 * parseSweepSpec({ experiment: 'fig2', rules: ['fa'], seeds: { from: 1, to: 20 }, grid: { 'learningRates.fa': [0.001, 0.005] } });
 */
export function parseSweepSpec(input: unknown): SweepSpec {
  // before the schema: a record's '__proto__' key (JSON.parse makes it an own key) would vanish in it
  for (const group of ['set', 'grid'] as const) {
    const fields = (input as Record<string, unknown> | null)?.[group];
    if (typeof fields !== 'object' || fields === null || !Object.hasOwn(input as object, group)) continue;
    for (const key of Object.keys(fields)) {
      const bad = unsafeSegment(key);
      if (bad !== undefined)
        throw new SweepSpecError(
          `${group}.${key}`,
          `sweep spec: field '${group}.${key}': '${bad}' cannot name a setting`,
        );
    }
  }
  const parsed = sweepSpecSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const keys = issue.code === 'unrecognized_keys' ? [issue.keys[0]] : [];
    const field = [...issue.path, ...keys].join('.') || '(root)';
    const message = issue.code === 'unrecognized_keys' ? 'is not a known field' : issue.message;
    throw new SweepSpecError(field, `sweep spec: field '${field}' ${message}`);
  }
  const { seeds, ...rest } = parsed.data;
  const list =
    typeof seeds === 'number'
      ? Array.from({ length: seeds }, (_, i) => i + 1)
      : Array.isArray(seeds)
        ? [...new Set(seeds)]
        : Array.from({ length: seeds.to - seeds.from + 1 }, (_, i) => seeds.from + i);
  return { ...rest, seeds: list };
}

/** Reads and checks a sweep spec file (JSON); a missing file or bad JSON names the file. */
export async function loadSweepSpec(file: string): Promise<SweepSpec> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new SweepSpecError('spec', `sweep spec '${file}': ${(err as Error).message}`);
  }
  try {
    return parseSweepSpec(JSON.parse(text));
  } catch (err) {
    if (err instanceof SweepSpecError) throw new SweepSpecError(err.field, `${file}: ${err.message}`);
    throw new SweepSpecError('spec', `sweep spec '${file}' is not JSON: ${(err as Error).message}`);
  }
}
