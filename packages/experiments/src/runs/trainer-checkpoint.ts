import type { RuleFactory, Trainer } from '@rfa/learning-rules';
import type { Rng } from '@rfa/tensor';
import { decodeCheckpoint, encodeCheckpoint, restoreCheckpoint } from '@rfa/train';
import { loadCheckpoint } from './load-checkpoint.js';
import type { RunContext } from './run-context.js';

/** What a trainer-based run saves beside the trainer: its generators and its own state. */
export interface TrainerCheckpointParts {
  rule: RuleFactory;
  rngs: Record<string, Rng>;
}

/**
 * Puts a saved run back into a freshly built trainer (weights, feedback, optimiser,
 * every generator, the step count) and returns the run's own saved state; null when
 * there is nothing to resume.
 */
export async function resumeTrainer(
  ctx: RunContext,
  trainer: Trainer,
  parts: TrainerCheckpointParts,
): Promise<Record<string, unknown> | null> {
  const decoded = await loadCheckpoint(ctx.checkpoint, decodeCheckpoint);
  if (!decoded) return null;
  restoreCheckpoint(trainer, decoded, { rule: parts.rule, rngs: parts.rngs });
  return decoded.header.metadata;
}

/** Saves the trainer and the run's state when a checkpoint is due. */
export async function saveTrainer(
  ctx: RunContext,
  trainer: Trainer,
  parts: TrainerCheckpointParts,
  metadata: Record<string, unknown>,
): Promise<void> {
  if (!ctx.checkpoint?.due()) return;
  await ctx.checkpoint.save(
    await encodeCheckpoint(trainer, { rule: parts.rule, rngs: parts.rngs, metadata }),
  );
}
