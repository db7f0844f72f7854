import { configFields, getExperiment } from '@rfa/experiments';
import {
  BACKENDS,
  type BackendChoice,
  defaultSettings,
  type RunSettings,
  SettingsError,
} from './run-settings.js';

/** Query keys that are not config fields. */
const RESERVED = new Set(['experiment', 'rules', 'seed', 'seeds', 'backend', 'spf']);

/** Key segments that would reach an object's prototype instead of a config field. */
const UNSAFE = new Set(['__proto__', 'prototype', 'constructor']);

/**
 * The shareable URL's query: experiment, rules, first seed and how many seeds, backend,
 * pacing and every config field with its value in force (so a link reproduces the run
 * even if the demo's defaults change later). Values are JSON. A link from before the
 * demo ran several seeds has no `seeds`: it runs one.
 */
export function encodeSettings(s: RunSettings, config: Record<string, unknown>, rules: string[]): string {
  const q = new URLSearchParams();
  q.set('experiment', s.experiment);
  q.set('rules', rules.join(','));
  q.set('seed', String(s.seed));
  q.set('seeds', String(s.seeds));
  q.set('backend', s.backend);
  q.set('spf', String(s.stepsPerFrame));
  for (const f of configFields(getExperiment(s.experiment))) {
    if (f.key === 'rules') continue;
    const value = f.key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)?.[k], config);
    if (value !== undefined) q.set(f.key, JSON.stringify(value));
  }
  return q.toString();
}

const parseValue = (raw: string): unknown => {
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
};

/** Settings from a query string; null when it names no experiment. Bad values throw SettingsError. */
export function decodeSettings(query: string): RunSettings | null {
  const q = new URLSearchParams(query);
  const experiment = q.get('experiment');
  if (!experiment) return null;
  const s = defaultSettings(experiment as RunSettings['experiment']);
  const rules = q.get('rules');
  if (rules) s.rules = rules.split(',').filter(Boolean);
  if (q.has('seed')) s.seed = Number(q.get('seed'));
  if (q.has('seeds')) s.seeds = Number(q.get('seeds'));
  const backend = q.get('backend');
  if (backend) {
    if (!BACKENDS.includes(backend as BackendChoice))
      throw new SettingsError('backend', `unknown backend '${backend}' (choose ${BACKENDS.join(', ')})`);
    s.backend = backend as BackendChoice;
  }
  if (q.has('spf')) s.stepsPerFrame = Number(q.get('spf'));
  for (const [key, raw] of q) {
    if (RESERVED.has(key)) continue;
    if (key.split('.').some((k) => UNSAFE.has(k)))
      throw new SettingsError(key, `'${key}' cannot name a config field`);
    s.overrides[key] = parseValue(raw);
  }
  return s;
}
