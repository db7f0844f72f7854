import { z } from 'zod';
import { ConfigError } from './errors.js';
import type { Experiment } from './experiment.js';
import { zodMessage } from './zod-message.js';

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Key segments that would reach an object's prototype instead of a field: refused everywhere. */
const UNSAFE_KEYS = new Set(['__proto__', 'prototype', 'constructor']);

/** ConfigError unless every dotted segment of `path` can name a config field. */
function checkPath(path: string, id: string): void {
  const bad = path.split('.').find((k) => UNSAFE_KEYS.has(k));
  if (bad !== undefined) throw new ConfigError(path, `${id}: '${path}': '${bad}' cannot name a config field`);
}

/**
 * Parses `key=value` overrides (the CLI's `--set`): dotted keys reach into nested fields
 * (`learningRates.fa=0.01`); values are JSON where they parse (`3`, `true`, `[784,500,10]`),
 * else strings (`size=paper`).
 * @example
 * parseOverrides(['size=paper', 'epochs=1']); // { size: 'paper', epochs: 1 }
 */
export function parseOverrides(pairs: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq < 1) throw new ConfigError(pair, `--set '${pair}': expected key=value`);
    checkPath(pair.slice(0, eq).trim(), '--set');
    const raw = pair.slice(eq + 1);
    let value: unknown = raw;
    try {
      value = JSON.parse(raw);
    } catch {
      // a bare word: keep the string
    }
    Object.defineProperty(out, pair.slice(0, eq).trim(), {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

function setPath(target: Record<string, unknown>, path: string, value: unknown, id: string): void {
  checkPath(path, id);
  const keys = path.split('.');
  let node = target;
  keys.slice(0, -1).forEach((k, i) => {
    if (!Object.hasOwn(node, k) || node[k] === undefined) node[k] = {};
    if (!isPlainObject(node[k]))
      throw new ConfigError(path, `${id}: '${keys.slice(0, i + 1).join('.')}' is not a group of fields`);
    node = node[k] as Record<string, unknown>;
  });
  node[keys.at(-1)!] = value;
}

/**
 * An experiment's config: its defaults (or quick preset, or the preset the overrides pick),
 * the overrides applied, the result checked by its schema. A bad value or an unknown key
 * throws ConfigError naming the field.
 * @example
 * resolveConfig(fig4, { overrides: { size: 'paper', epochs: 1 } });
 */
export function resolveConfig<C extends object>(
  exp: Experiment<C>,
  options: { quick?: boolean; overrides?: Record<string, unknown> } = {},
): C {
  const overrides = options.overrides ?? {};
  const quick = options.quick ?? false;
  const base = structuredClone(exp.preset ? exp.preset(overrides, quick) : quick ? exp.quick : exp.defaults);
  for (const [path, value] of Object.entries(overrides))
    setPath(base as Record<string, unknown>, path, value, exp.id);
  const parsed = exp.schema.safeParse(base);
  if (!parsed.success) {
    const { field, message } = zodMessage(parsed.error);
    throw new ConfigError(field, `${exp.id}: config field '${field}' ${message}`);
  }
  return parsed.data;
}

/** One settable field: dotted key, default, quick value, what it means. */
export interface ConfigField {
  key: string;
  defaultValue: unknown;
  quickValue: unknown;
  description?: string;
}

function descriptionAt(schema: z.ZodType, keys: string[]): string | undefined {
  let node: z.ZodType | undefined = schema;
  for (const k of keys) {
    while (node instanceof z.ZodOptional || node instanceof z.ZodDefault) node = node.unwrap() as z.ZodType;
    node = node instanceof z.ZodObject ? (node.shape[k] as z.ZodType | undefined) : undefined;
    if (!node) return undefined;
  }
  return node.description;
}

/** Every leaf field of an experiment's config, for `--help` and the demo's editors. */
export function configFields<C extends object>(exp: Experiment<C>): ConfigField[] {
  const fields: ConfigField[] = [];
  const walk = (d: unknown, q: unknown, keys: string[]) => {
    if (isPlainObject(d)) {
      for (const k of Object.keys(d)) walk(d[k], isPlainObject(q) ? q[k] : undefined, [...keys, k]);
      return;
    }
    fields.push({
      key: keys.join('.'),
      defaultValue: d,
      quickValue: q,
      description: descriptionAt(exp.schema, keys),
    });
  };
  walk(exp.defaults, exp.quick, []);
  return fields;
}
