import { uniformInit } from '@rfa/layers';
import {
  backprop,
  directFeedbackAlignment,
  feedbackAlignment,
  kolenPollack,
  nodePerturbation,
  type RuleFactory,
  shallow,
  signSymmetry,
} from '@rfa/learning-rules';
import { z } from 'zod';
import { ConfigError } from '../errors.js';
import { zodMessage } from '../zod-message.js';
import { OKABE_ITO } from './okabe-ito.js';

/**
 * Where a rule's feedback comes from, so tools know what to supply or show:
 * 'none' (no hidden teaching signal, or none beyond W), 'transposed' (fixed random B in Wᵀ's
 * layout), 'direct' (fixed random D from the output to each hidden layer), 'derived' (computed
 * from W), 'learned' (its own weights, trained alongside W).
 */
export type FeedbackKind = 'none' | 'transposed' | 'direct' | 'derived' | 'learned';

/** One learning rule as tools see it: its key, what it is, its colour, its options schema and a factory. */
export interface RuleEntry {
  /** The rule's one name: the key the CLI, reports and the demo use ('bp', 'fa', ...). */
  readonly key: string;
  /** A short human name ('Feedback alignment'). */
  readonly title: string;
  readonly description: string;
  readonly feedback: FeedbackKind;
  /** Its colour in every chart, report and figure (Okabe–Ito; see `ruleStyle`). */
  readonly colour: string;
  /**
   * Experiment rule keys built on this rule that get a style of their own (`fa-sparse50`);
   * other variants (`fa-4layer`) take the rule's colour, dashed.
   */
  readonly variants?: Readonly<Record<string, { colour: string; dash?: number[] }>>;
  /** Validates the options; unknown keys are refused. */
  readonly options: z.ZodType<Record<string, unknown>>;
  /** Builds the rule from validated options (absent options take the rule's own defaults). */
  create(options: Record<string, unknown>): RuleFactory;
}

const scale = z.number().positive().describe('feedback weights ~ U[-scale, scale]');
const form = z
  .enum(['chained', 'paper'])
  .describe(
    "'chained': δ_l = (M δ_{l+1}) ∘ f′ from e ∘ g′; 'paper': from the raw error e, no derivative passed between layers",
  );
const removeFraction = z.number().min(0).lt(1).describe('fraction of feedback entries removed for good');
const derivative = z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('exact') }),
    z.strictObject({ kind: z.literal('constant'), value: z.number().positive() }),
    z.strictObject({
      kind: z.literal('step'),
      threshold: z.number().min(0),
      high: z.number().positive(),
      low: z.number().positive(),
    }),
  ])
  .describe(
    "each hidden layer's weighting of its modulator: the exact f′, a constant, or a 2-level step on f′",
  );
const feedbackInit = (o: {
  feedbackScale?: number;
  removeFraction?: number;
  form?: 'chained' | 'paper';
}) => ({
  ...(o.feedbackScale === undefined ? {} : { init: uniformInit(o.feedbackScale) }),
  ...(o.removeFraction === undefined ? {} : { removeFraction: o.removeFraction }),
  ...(o.form === undefined ? {} : { form: o.form }),
});

function entry<S extends z.ZodObject>(
  e: Omit<RuleEntry, 'options' | 'create'> & { options: S; create(o: z.infer<S>): RuleFactory },
): RuleEntry {
  return e as unknown as RuleEntry;
}

/** Every rule rfa ships, by key: the one list the bench, the experiments and the demo read. */
export const RULES = {
  bp: entry({
    key: 'bp',
    colour: OKABE_ITO.black,
    title: 'Backprop',
    description: 'error sent back through Wᵀ (the exact gradient)',
    feedback: 'none',
    options: z.strictObject({}),
    create: () => backprop(),
  }),
  fa: entry({
    key: 'fa',
    colour: OKABE_ITO.vermillion,
    variants: {
      'fa-sparse50': { colour: OKABE_ITO.orange },
      // not fa's swatch: fig3a draws the two side by side
      'fa-coarse-derivative': { colour: OKABE_ITO.reddishPurple, dash: [2, 3] },
    },
    title: 'Feedback alignment',
    description: 'error sent back through a fixed random B (Lillicrap et al. 2016)',
    feedback: 'transposed',
    options: z.strictObject({
      feedbackScale: scale.optional(),
      removeFraction: removeFraction.optional(),
      form: form.optional(),
      derivative: derivative.optional(),
    }),
    create: (o) =>
      feedbackAlignment({
        ...feedbackInit(o),
        ...(o.derivative === undefined ? {} : { derivative: o.derivative }),
      }),
  }),
  dfa: entry({
    key: 'dfa',
    colour: OKABE_ITO.skyBlue,
    title: 'Direct feedback alignment',
    description: 'output error sent straight to every hidden layer through fixed random D_l (Nøkland 2016)',
    feedback: 'direct',
    options: z.strictObject({
      feedbackScale: scale.optional(),
      removeFraction: removeFraction.optional(),
      form: form.optional(),
    }),
    create: (o) => directFeedbackAlignment(feedbackInit(o)),
  }),
  shallow: entry({
    key: 'shallow',
    colour: OKABE_ITO.grey,
    title: 'Shallow',
    description: 'only the output layer learns; hidden layers stay random',
    feedback: 'none',
    options: z.strictObject({}),
    create: () => shallow(),
  }),
  'node-perturbation': entry({
    key: 'node-perturbation',
    colour: OKABE_ITO.reddishPurple,
    title: 'Node perturbation',
    description: 'a noisy second forward pass; the change in loss teaches (reinforcement baseline)',
    feedback: 'none',
    options: z.strictObject({
      sigma: z.number().positive().optional().describe('s.d. of the noise on each perturbed unit'),
      perturb: z.enum(['all', 'hidden']).optional().describe("'all' units, or only 'hidden' ones"),
    }),
    create: (o) => nodePerturbation(o),
  }),
  'sign-symmetry': entry({
    key: 'sign-symmetry',
    colour: OKABE_ITO.bluishGreen,
    title: 'Sign symmetry',
    description: 'error sent back through sign(W)ᵀ (Liao, Leibo & Poggio 2016)',
    feedback: 'derived',
    options: z.strictObject({ form: form.optional() }),
    create: (o) => signSymmetry(o.form === undefined ? {} : { form: o.form }),
  }),
  'kolen-pollack': entry({
    key: 'kolen-pollack',
    colour: OKABE_ITO.blue,
    title: 'Kolen–Pollack',
    description:
      'feedback weights K get the same update as W, and both decay, so K approaches W (Akrout et al. 2019)',
    feedback: 'learned',
    options: z.strictObject({
      feedbackScale: scale.optional(),
      removeFraction: removeFraction.optional(),
      form: form.optional(),
      decay: z
        .number()
        .min(0)
        .optional()
        .describe('decay of W and K each step, so K converges to W (default 1e-3)'),
      feedbackWeightDecay: z.number().min(0).optional().describe('extra decay of K alone (default 0)'),
    }),
    create: (o) =>
      kolenPollack({
        ...feedbackInit(o),
        ...(o.decay === undefined ? {} : { decay: o.decay }),
        ...(o.feedbackWeightDecay === undefined ? {} : { feedbackWeightDecay: o.feedbackWeightDecay }),
      }),
  }),
} as const satisfies Record<string, RuleEntry>;

/** A key of `RULES`. */
export type RuleKey = keyof typeof RULES;

/** The keys of every registered rule, in registry order. */
export const ruleKeys = (): RuleKey[] => Object.keys(RULES) as RuleKey[];

/** The entry for `key`; ConfigError listing the known keys otherwise. */
export function ruleEntry(key: string): RuleEntry {
  const e = (RULES as Record<string, RuleEntry>)[key];
  if (!e) throw new ConfigError('rule', `unknown rule '${key}' (known: ${ruleKeys().join(', ')})`);
  return e;
}

/**
 * Builds a registered rule from its key and options, each option checked by the rule's
 * schema (ConfigError naming the option).
 * @example
 * const fa = createRule('fa', { feedbackScale: 0.5 }); // feedbackAlignment({ init: uniformInit(0.5) })
 */
export function createRule(key: string, options: Record<string, unknown> = {}): RuleFactory {
  const e = ruleEntry(key);
  const parsed = e.options.safeParse(options);
  if (!parsed.success) {
    const { field, message } = zodMessage(parsed.error);
    throw new ConfigError(`${key}.${field}`, `rule '${key}': option '${field}' ${message}`);
  }
  return e.create(parsed.data);
}

/**
 * Builds `key` with those of an experiment's shared `settings` (feedback scale, FA form, ...)
 * that the rule's options accept; undefined settings are left out, so the rule keeps its own
 * default. One call serves every rule of an experiment: backprop takes none of them, sign
 * symmetry only the form, FA all.
 * @example
 * createRuleWith('sign-symmetry', { feedbackScale: 0.5, form: 'paper' }); // signSymmetry({ form: 'paper' })
 */
export function createRuleWith(key: string, settings: Record<string, unknown>): RuleFactory {
  const accepted = Object.keys((ruleEntry(key).options as z.ZodObject).shape);
  const options = Object.fromEntries(
    Object.entries(settings).filter(([k, v]) => v !== undefined && accepted.includes(k)),
  );
  return createRule(key, options);
}
