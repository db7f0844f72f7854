import { ConfigError } from '../errors.js';
import { type FeedbackKind, RULES, type RuleEntry, ruleKeys } from './rule-registry.js';

/** How a rule's curves are drawn: its colour and, for a variant, a dash pattern. */
export interface RuleStyle {
  colour: string;
  dash?: number[];
}

/** Dash patterns of variants, by how many words the variant adds to its rule's key ('fa-4layer': one). */
const VARIANT_DASHES = [
  [6, 4],
  [2, 3],
  [8, 3, 2, 3],
];

/** The registered rule `key` is, or varies ('fa-4layer' → 'fa'; the longest matching key wins). */
export function baseRuleKey(key: string): string {
  if (key in RULES) return key;
  const base = ruleKeys()
    .filter((b) => key.startsWith(`${b}-`))
    .sort((a, b) => b.length - a.length)[0];
  if (!base)
    throw new ConfigError(
      'rule',
      `'${key}' is no registered rule nor a variant of one (a variant's key starts with its rule's: ${ruleKeys().join(', ')})`,
    );
  return base;
}

/**
 * The colour (and dash) of a rule key in every chart: the registry entry's colour; a
 * variant listed in the entry's `variants` its own style; any other variant (`fa-4layer`,
 * `bp-4layer-frozen-w0`) its rule's colour with a dash per word it adds. ConfigError for a
 * key that is neither a rule nor a variant of one.
 * @example
 * ruleStyle('bp'); // { colour: '#000000' }
 * ruleStyle('fa-4layer'); // { colour: '#D55E00', dash: [6, 4] }
 */
export function ruleStyle(key: string): RuleStyle {
  const base = baseRuleKey(key);
  const entry: RuleEntry = (RULES as Record<string, RuleEntry>)[base];
  if (base === key) return { colour: entry.colour };
  const own = entry.variants?.[key];
  if (own) return own.dash ? { colour: own.colour, dash: [...own.dash] } : { colour: own.colour };
  const words = key.slice(base.length + 1).split('-').length;
  return { colour: entry.colour, dash: VARIANT_DASHES[Math.min(words, VARIANT_DASHES.length) - 1] };
}

/**
 * Where the feedback of a rule key comes from (a variant's is its rule's): 'none' for
 * backprop, the shallow learner and node perturbation, which have no feedback weights to
 * compare with W. ConfigError as `ruleStyle` for an unknown key.
 * @example
 * ruleFeedback('fa-4layer-frozen-w0'); // 'transposed'
 */
export const ruleFeedback = (key: string): FeedbackKind =>
  (RULES as Record<string, RuleEntry>)[baseRuleKey(key)].feedback;
