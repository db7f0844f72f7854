import { uniformInit } from '@rfa/layers';
import {
  backprop,
  directFeedbackAlignment,
  directRandomTargetProjection,
  feedbackAlignment,
  kolenPollack,
  nodePerturbation,
  type RuleFactory,
  type SignConcordantMagnitude,
  shallow,
  signConcordant,
  signSymmetry,
  weightMirror,
} from '@rfa/learning-rules';
import { z } from 'zod';
import { ConfigError } from '../errors.js';
import { zodMessage } from '../zod-message.js';
import { OKABE_ITO } from './okabe-ito.js';
import { TOL_MUTED } from './tol-muted.js';

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

/** Keeps the options that were given, so the rule applies its own defaults to the rest. */
const given = <T extends Record<string, unknown>>(o: T): Partial<T> =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;

/** uSF, brSF and frSF: sign(W) with magnitudes as `magnitude` says. */
const signConcordantEntry = (
  key: string,
  title: string,
  magnitude: SignConcordantMagnitude,
  colour: string,
  description: string,
) =>
  entry({
    key,
    colour,
    title,
    description,
    feedback: 'derived',
    options:
      magnitude === 'uniform'
        ? z.strictObject({
            form: form.optional(),
            scale: z.number().positive().optional().describe('|B| of every entry (default 1)'),
          })
        : z.strictObject({
            form: form.optional(),
            feedbackScale: z
              .number()
              .positive()
              .optional()
              .describe('|B| = |M|, M ~ U[-scale, scale] (default 0.5)'),
          }),
    create: (o: { form?: 'chained' | 'paper'; scale?: number; feedbackScale?: number }) =>
      signConcordant({
        magnitude,
        ...given({ form: o.form, scale: o.scale }),
        ...(o.feedbackScale === undefined ? {} : { init: uniformInit(o.feedbackScale) }),
      }),
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
      'feedback weights K get the same update as W, weight decay included, so K approaches W (Akrout et al. 2019)',
    feedback: 'learned',
    options: z.strictObject({
      feedbackScale: scale.optional(),
      removeFraction: removeFraction.optional(),
      form: form.optional(),
      decayReading: z
        .enum(['shared', 'extra'])
        .optional()
        .describe(
          "'shared' (default): W and K share the network's weight decay only; 'extra': both also decay by the rule's own λ_KP (1e-3)",
        ),
      decay: z
        .number()
        .min(0)
        .optional()
        .describe(
          "λ_KP, the rule's own decay of W and K each step (default 0; 1e-3 with decayReading 'extra')",
        ),
      decayApplies: z
        .enum(['both', 'feedback'])
        .optional()
        .describe("what 'decay' shrinks: 'both' W and K, or 'feedback' (K) only"),
      feedbackWeightDecay: z.number().min(0).optional().describe('extra decay of K alone (default 0)'),
    }),
    create: (o) =>
      kolenPollack({
        ...feedbackInit(o),
        ...given({
          decayReading: o.decayReading,
          decay: o.decay,
          decayApplies: o.decayApplies,
          feedbackWeightDecay: o.feedbackWeightDecay,
        }),
      }),
  }),
  usf: signConcordantEntry(
    'usf',
    'Uniform sign-concordant (uSF)',
    'uniform',
    TOL_MUTED.teal,
    'error sent back through scale · sign(W)ᵀ; at scale 1 the same as sign-symmetry (Liao, Leibo & Poggio 2016)',
  ),
  brsf: signConcordantEntry(
    'brsf',
    'Batchwise random-magnitude sign-concordant (brSF)',
    'batchwise',
    TOL_MUTED.green,
    'error sent back through (sign(W) ∘ |M|)ᵀ, M redrawn before every step (Liao, Leibo & Poggio 2016)',
  ),
  frsf: signConcordantEntry(
    'frsf',
    'Fixed random-magnitude sign-concordant (frSF)',
    'fixed',
    TOL_MUTED.olive,
    'error sent back through (sign(W) ∘ |M|)ᵀ, M drawn once (Liao, Leibo & Poggio 2016)',
  ),
  'weight-mirror': entry({
    key: 'weight-mirror',
    colour: TOL_MUTED.indigo,
    title: 'Weight mirror',
    description:
      'error sent back through B, which learns Wᵀ from noise the layers emit between steps (Akrout et al. 2019)',
    feedback: 'learned',
    options: z.strictObject({
      feedbackScale: scale.optional(),
      removeFraction: removeFraction.optional(),
      form: form.optional(),
      mirrorLearningRate: z.number().positive().optional().describe("η_B, B's mirror step (default 0.05)"),
      noiseScale: z.number().positive().optional().describe('σ of the mirror noise (default 1)'),
      mirrorDecay: z
        .number()
        .min(0)
        .lt(1)
        .optional()
        .describe("λ_WM, B's decay per mirror step (default 0.05)"),
      mirrorBatch: z
        .number()
        .int()
        .positive()
        .optional()
        .describe('noise samples per mirror step (default 32)'),
      mirrorEvery: z
        .number()
        .int()
        .positive()
        .optional()
        .describe('mirror mode after every k-th training step (default 1)'),
      mirrorSteps: z.number().int().positive().optional().describe('mirror steps each time (default 1)'),
    }),
    create: ({ feedbackScale, removeFraction, form, ...mirror }) =>
      weightMirror({ ...feedbackInit({ feedbackScale, removeFraction, form }), ...given(mirror) }),
  }),
  drtp: entry({
    key: 'drtp',
    colour: TOL_MUTED.wine,
    title: 'Direct random target projection',
    description:
      'hidden layers learn from the one-hot target through fixed random D_l, no error path (Frenkel et al. 2021)',
    feedback: 'direct',
    options: z.strictObject({
      feedbackScale: scale.optional(),
      removeFraction: removeFraction.optional(),
    }),
    create: (o) => directRandomTargetProjection(feedbackInit(o)),
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

/** The option names a rule's schema takes. */
function optionKeys(e: RuleEntry): string[] {
  return Object.keys((e.options as z.ZodObject).shape);
}

/**
 * Builds a registered rule from its key and options, each option checked by the rule's
 * schema (ConfigError naming the option; an unknown one with the options the rule takes).
 * @example
 * const fa = createRule('fa', { feedbackScale: 0.5 }); // feedbackAlignment({ init: uniformInit(0.5) })
 */
export function createRule(key: string, options: Record<string, unknown> = {}): RuleFactory {
  const e = ruleEntry(key);
  const parsed = e.options.safeParse(options);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    if (issue.code === 'unrecognized_keys') {
      const k = issue.keys[0];
      const takes = optionKeys(e).join(', ') || 'none';
      throw new ConfigError(`${key}.${k}`, `rule '${key}' takes no option '${k}' (it takes ${takes})`);
    }
    const { field, message } = zodMessage(parsed.error);
    throw new ConfigError(`${key}.${field}`, `rule '${key}': option '${field}' ${message}`);
  }
  return e.create(parsed.data);
}

/**
 * Builds `key` with those of an experiment's shared `settings` (feedback scale, FA form, ...)
 * that the rule's options accept; undefined settings are left out, so the rule keeps its own
 * default. One call serves every rule of an experiment: backprop takes none of them, sign
 * symmetry only the form, FA all. `options` are further options for this rule alone (a study of
 * one rule's readings): each must be one the rule takes and not one the settings already give,
 * else a ConfigError names it.
 * @example
 * createRuleWith('sign-symmetry', { feedbackScale: 0.5, form: 'paper' }); // signSymmetry({ form: 'paper' })
 * createRuleWith('kolen-pollack', { form: 'paper' }, { decayReading: 'extra' });
 */
export function createRuleWith(
  key: string,
  settings: Record<string, unknown>,
  options: Record<string, unknown> = {},
): RuleFactory {
  const accepted = optionKeys(ruleEntry(key));
  const shared = Object.fromEntries(
    Object.entries(settings).filter(([k, v]) => v !== undefined && accepted.includes(k)),
  );
  // an option the rule does not take is refused by createRule, with the ones it takes
  for (const k of Object.keys(options))
    if (k in shared)
      throw new ConfigError(
        `${key}.${k}`,
        `rule '${key}': option '${k}' comes from the experiment's config here; set it there`,
      );
  return createRule(key, { ...shared, ...options });
}
