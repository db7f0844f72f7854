import type { Trainer } from '@rfa/learning-rules';
import { angleDegrees, pseudoInverse } from '@rfa/metrics';
import { feedbackGeometry } from './feedback-geometry.js';
import { alignmentCondition, finiteMean, signalAngle, weightUpdateAngle } from './signals.js';

/** The alignment metrics a probe records, in the order reports list them (after the loss metric). */
export const ALIGNMENT_METRICS = [
  'deltaAngle',
  'weightAngle',
  'deltaAngle1',
  'weightAngle1',
  'pinvAngle',
  'eWBe',
  'eWBePositive',
  'deltaAngleSd10',
  'normRatio',
  'normRatio1',
] as const;

/**
 * The update angles a probe records when asked (`updateAngles: true`): the rule's step for the
 * top hidden layer's incoming W against backprop's (`updateAngle`), and for the layer below
 * (`updateAngle1`), averaged over each evaluation window.
 */
export const UPDATE_ANGLE_METRICS = ['updateAngle', 'updateAngle1'] as const;

/** Per-step angles kept for the sliding-window spread (the paper's Fig. 2b band: 10 examples). */
const RECENT = 10;

/**
 * Measures how a rule's signals and weights align with backprop's while a trainer learns.
 * After each step (`afterStep`) it collects the per-example angle between the rule's
 * signal and backprop's for the top hidden layer (`deltaAngle`) and the one below
 * (`deltaAngle1`, the paper's δ1 in a 4-layer net) and, where it is due, the condition
 * `eᵀWBe` (its mean, `eWBe`, and the fraction of examples where it is positive). At each
 * evaluation (`point`) it returns the window means and the weight angles: top W vs Bᵀ
 * (`weightAngle`), the layer below (`weightAngle1`), with the norm ratios ‖B‖/‖W‖
 * (`normRatio`, `normRatio1`) for every rule with feedback of W's shape, read from the rule's
 * current feedback at each evaluation (see `feedbackGeometry`); and top W vs B⁺ (`pinvAngle`,
 * the pseudoinverse of a fixed B); then starts new windows.
 */
export class AlignmentProbe {
  private readonly windows: number[][] = [[], []];
  private readonly updateWindows: number[][] = [[], []];
  private readonly recent: number[] = [];
  private condition: number[] = [];
  private feedbackTop: Float32Array | null | undefined;
  private pinvTop: Float64Array | null = null;

  constructor(
    /** Take the (costlier) eᵀWBe on steps where this is true. */
    private readonly conditionDue: (step: number) => boolean,
    /** Also record `UPDATE_ANGLE_METRICS` (two more readbacks and a Gram matrix a step). */
    private readonly options: { updateAngles?: boolean } = {},
  ) {}

  private hiddenLayers(t: Trainer): number[] {
    const last = t.network.layers.length - 1;
    return [last - 1, last - 2];
  }

  // The top layer's fixed feedback in Wᵀ's layout (FA's B), read once; null for rules without
  // one (adapted feedback such as Kolen–Pollack's K, DFA's direct D, none)
  private async topFeedback(t: Trainer): Promise<Float32Array | null> {
    if (this.feedbackTop === undefined) {
      const last = t.network.layers.length - 1;
      const fb = t.rule.feedback().find((f) => f.layer === last && f.layout === 'transposed');
      this.feedbackTop = fb && t.rule.feedbackWeights === 'fixed' ? await fb.tensor.read() : null;
      if (this.feedbackTop) {
        const w = t.network.layers[last];
        try {
          this.pinvTop = pseudoInverse(this.feedbackTop, w.inputSize, w.outputSize);
        } catch {
          this.pinvTop = null; // B with dependent columns (e.g. heavily thinned): no B⁺
        }
      }
    }
    return this.feedbackTop;
  }

  /** What a checkpoint keeps (taken right after `point`, when the windows are empty). */
  state(): { recent: number[] } {
    return { recent: [...this.recent] };
  }

  /** Puts back `state()`. */
  restore(state: { recent?: number[] } | undefined): void {
    this.recent.splice(0, this.recent.length, ...(state?.recent ?? []));
  }

  /** Collects this step's signal angles (and the condition, when due). */
  async afterStep(t: Trainer): Promise<void> {
    const layers = this.hiddenLayers(t);
    for (let i = 0; i < layers.length; i++) {
      if (layers[i] < 0) continue;
      const angle = await signalAngle(t, layers[i]);
      if (angle === null) continue;
      this.windows[i].push(angle);
      if (this.options.updateAngles)
        this.updateWindows[i].push((await weightUpdateAngle(t, layers[i])) ?? Number.NaN);
      if (i === 0) {
        this.recent.push(angle);
        if (this.recent.length > RECENT) this.recent.shift();
      }
    }
    const b = this.conditionDue(t.steps) ? await this.topFeedback(t) : null;
    if (b) for (const v of await alignmentCondition(t, b)) this.condition.push(v);
  }

  /** The metrics of one evaluation (NaN where not measured); resets the windows. */
  async point(t: Trainer): Promise<Record<string, number>> {
    const layers = t.network.layers;
    const last = layers.length - 1;
    const feedback = t.rule.feedback();
    const top = await feedbackGeometry(t.network, feedback, last);
    const below = await feedbackGeometry(t.network, feedback, last - 1);
    await this.topFeedback(t);
    const pinv = this.pinvTop;
    const positive = this.condition.filter((v) => v > 0).length;
    const mean = finiteMean(this.recent);
    const sd =
      this.recent.length > 1
        ? Math.sqrt(this.recent.reduce((s, v) => s + (v - mean) ** 2, 0) / (this.recent.length - 1))
        : Number.NaN;
    const point = {
      deltaAngle: finiteMean(this.windows[0]),
      weightAngle: top.angle,
      deltaAngle1: finiteMean(this.windows[1]),
      weightAngle1: below.angle,
      pinvAngle: pinv ? angleDegrees(await layers[last].weights.read(), pinv) : Number.NaN,
      eWBe: finiteMean(this.condition),
      eWBePositive: this.condition.length ? positive / this.condition.length : Number.NaN,
      deltaAngleSd10: sd,
      normRatio: top.normRatio,
      normRatio1: below.normRatio,
      ...(this.options.updateAngles
        ? { updateAngle: finiteMean(this.updateWindows[0]), updateAngle1: finiteMean(this.updateWindows[1]) }
        : {}),
    };
    for (const w of [this.windows, this.updateWindows]) {
      w[0] = [];
      w[1] = [];
    }
    this.condition = [];
    return point;
  }
}
