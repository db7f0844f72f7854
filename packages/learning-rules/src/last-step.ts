import type { ForwardCache } from '@rfa/layers';
import { OptionError, type Tensor } from '@rfa/tensor';
import { type Loss, lossValue } from './loss.js';
import type { LearningRule } from './rule.js';

/** The buffers of one batch size that a step fills (the trainer's own, read here, never copied). */
export interface StepRecord {
  cache: ForwardCache;
  target: Tensor;
  error: Tensor;
  deltas: Tensor[];
  modulators: (Tensor | null)[];
  reference: Tensor[] | null;
  referenceModulators: (Tensor | null)[] | null;
}

/**
 * A read-only view of a trainer's last step (`trainer.lastStep`): the buffers that step
 * wrote, measured before its update. The tensors are the trainer's own and are overwritten
 * by the next step with the same batch size: read them, never write or dispose them.
 * @example
 * trainer.step(x, y, 1);
 * const loss = await trainer.lastStep.loss();
 * const hidden = await trainer.lastStep.deltas[0]?.read();
 */
export class LastStep {
  constructor(
    private readonly record: StepRecord,
    private readonly rule: LearningRule,
    private readonly loss_: Loss,
  ) {}

  /**
   * Per layer, the rule's teaching signal `δ_l` [batch, units]; null for layers the rule does
   * not teach now (a rule may stop teaching a layer mid-run, so this is asked on each read).
   */
  get deltas(): readonly (Tensor | null)[] {
    return Object.freeze(this.record.deltas.map((d, l) => (this.rule.teaches(l) ? d : null)));
  }

  /**
   * Per hidden layer, the signal that arrived before the layer's own derivative (`δ_l = m_l ∘ f'`);
   * null for the output layer, for layers the rule does not teach, and for every layer of a
   * rule without one (node perturbation, shallow).
   */
  get modulators(): readonly (Tensor | null)[] {
    const modulated = this.rule.modulated === true;
    return Object.freeze(
      this.record.modulators.map((m, l) => (modulated && this.rule.teaches(l) ? m : null)),
    );
  }

  /** The forward cache: each layer's input, pre-activation, output and derivative. */
  get cache(): ForwardCache {
    return this.record.cache;
  }

  /** The raw output error `y* − y` [batch, outputs]. */
  get outputError(): Tensor {
    return this.record.error;
  }

  /** Backprop's deltas on the same state (needs `trackBackprop: true`). */
  get backpropDeltas(): readonly Tensor[] {
    if (!this.record.reference)
      throw new OptionError('lastStep.backpropDeltas: create the trainer with trackBackprop: true');
    return this.record.reference;
  }

  /** Backprop's modulators on the same state, `Wᵀ δ` before each hidden derivative (needs `trackBackprop: true`). */
  get backpropModulators(): readonly (Tensor | null)[] {
    if (!this.record.referenceModulators)
      throw new OptionError('lastStep.backpropModulators: create the trainer with trackBackprop: true');
    return this.record.referenceModulators;
  }

  /** The loss of the step's batch (reads back). */
  async loss(): Promise<number> {
    const { cache, target } = this.record;
    const [out, t] = await Promise.all([cache.output.read(), target.read()]);
    return lossValue(out, t, target.shape[0], target.shape[1], this.loss_);
  }
}
