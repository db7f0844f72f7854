import { RULES, type RuleKey, ruleKeys } from '@rfa/experiments';
import type { Activation } from '@rfa/tensor';
import { CliError } from '../../cli-error.js';

/** Rules one update can be cross-checked for: every registered rule whose feedback the spec can give or derive. */
const STEP_RULES: RuleKey[] = ruleKeys().filter((k) => RULES[k].feedback !== 'learned');
const ACTIVATIONS: Activation[] = ['logistic', 'tanh', 'relu', 'linear', 'softmax'];

/** The `pnpm bench step` input, validated: every matrix is rows of numbers of the stated sizes. */
export interface StepSpec {
  layers: { in: number; out: number; activation: Activation }[];
  weights: number[][][];
  biases: number[][];
  feedback: (number[][] | null)[] | null;
  directFeedback: (number[][] | null)[] | null;
  rule: RuleKey;
  loss: 'mse' | 'softmax-ce';
  x: number[][];
  target: number[][];
  lr: number;
  weightDecay: number;
}

const fail = (field: string, why: string): never => {
  throw new CliError(`spec: field '${field}' ${why}`);
};

function matrix(value: unknown, field: string, rows: number, cols: number): number[][] {
  if (!Array.isArray(value) || value.length !== rows)
    fail(field, `must be ${rows} rows, got ${Array.isArray(value) ? value.length : typeof value}`);
  (value as unknown[]).forEach((row, i) => {
    vector(row, `${field}[${i}]`, cols);
  });
  return value as number[][];
}

function vector(value: unknown, field: string, length: number): number[] {
  if (!Array.isArray(value) || value.length !== length) {
    fail(field, `must be ${length} numbers, got ${Array.isArray(value) ? `${value.length}` : typeof value}`);
  }
  (value as unknown[]).forEach((v, j) => {
    if (typeof v !== 'number' || !Number.isFinite(v))
      fail(`${field}[${j}]`, `must be a finite number, got ${JSON.stringify(v)}`);
  });
  return value as number[];
}

function positiveInt(value: unknown, field: string): number {
  if (!Number.isInteger(value) || (value as number) < 1)
    fail(field, `must be a positive integer, got ${JSON.stringify(value)}`);
  return value as number;
}

/** Validates a parsed JSON spec; throws CliError naming the first bad field. */
export function parseStepSpec(raw: unknown): StepSpec {
  if (raw === null || typeof raw !== 'object') throw new CliError('spec: must be a JSON object');
  const s = raw as Record<string, unknown>;
  if (!Array.isArray(s.layers) || s.layers.length === 0) fail('layers', 'must be a non-empty array');
  const layers = (s.layers as Record<string, unknown>[]).map((l, i) => {
    const inp = positiveInt(l?.in, `layers[${i}].in`);
    const out = positiveInt(l?.out, `layers[${i}].out`);
    if (!ACTIVATIONS.includes(l.activation as Activation))
      fail(
        `layers[${i}].activation`,
        `must be one of ${ACTIVATIONS.join(', ')}, got ${JSON.stringify(l.activation)}`,
      );
    return { in: inp, out, activation: l.activation as Activation };
  });
  layers.forEach((l, i) => {
    if (i > 0 && l.in !== layers[i - 1].out)
      fail(`layers[${i}].in`, `is ${l.in} but layers[${i - 1}].out is ${layers[i - 1].out}`);
  });
  if (!STEP_RULES.includes(s.rule as RuleKey))
    fail('rule', `must be one of ${STEP_RULES.join(', ')}, got ${JSON.stringify(s.rule)}`);
  const feedbackKind = RULES[s.rule as RuleKey].feedback;
  if (s.loss !== 'mse' && s.loss !== 'softmax-ce')
    fail('loss', `must be 'mse' or 'softmax-ce', got ${JSON.stringify(s.loss)}`);
  const L = layers.length;
  if (!Array.isArray(s.weights) || s.weights.length !== L)
    fail('weights', `must hold one matrix per layer (${L})`);
  if (!Array.isArray(s.biases) || s.biases.length !== L)
    fail('biases', `must hold one vector per layer (${L})`);
  const weights = layers.map((l, i) => matrix((s.weights as unknown[])[i], `weights[${i}]`, l.out, l.in));
  const biases = layers.map((l, i) => vector((s.biases as unknown[])[i], `biases[${i}]`, l.out));
  let feedback: (number[][] | null)[] | null = null;
  if (feedbackKind === 'transposed') {
    if (!Array.isArray(s.feedback) || s.feedback.length !== L)
      fail('feedback', `must hold one entry per layer (${L}) for rule '${s.rule}'`);
    feedback = layers.map((l, i) =>
      i === 0 ? null : matrix((s.feedback as unknown[])[i], `feedback[${i}]`, l.in, l.out),
    );
  }
  let directFeedback: (number[][] | null)[] | null = null;
  if (feedbackKind === 'direct') {
    if (!Array.isArray(s.directFeedback) || s.directFeedback.length !== L)
      fail('directFeedback', `must hold one entry per layer (${L}) for rule '${s.rule}'`);
    directFeedback = layers.map((l, i) =>
      i === L - 1
        ? null
        : matrix((s.directFeedback as unknown[])[i], `directFeedback[${i}]`, l.out, layers[L - 1].out),
    );
  }
  if (!Array.isArray(s.x) || s.x.length === 0) fail('x', 'must be a non-empty array of rows');
  const batch = (s.x as unknown[]).length;
  const x = matrix(s.x, 'x', batch, layers[0].in);
  const target = matrix(s.target, 'target', batch, layers[L - 1].out);
  if (typeof s.lr !== 'number' || !(s.lr > 0))
    fail('lr', `must be a positive number, got ${JSON.stringify(s.lr)}`);
  const weightDecay = s.weightDecay ?? 0;
  if (typeof weightDecay !== 'number' || !(weightDecay >= 0))
    fail('weightDecay', `must be a number ≥ 0, got ${JSON.stringify(weightDecay)}`);
  return {
    layers,
    weights,
    biases,
    feedback,
    directFeedback,
    rule: s.rule as RuleKey,
    loss: s.loss as StepSpec['loss'],
    x,
    target,
    lr: s.lr as number,
    weightDecay: weightDecay as number,
  };
}
