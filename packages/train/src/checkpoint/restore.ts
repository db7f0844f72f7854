import type { RuleFactory, Trainer } from '@rfa/learning-rules';
import { setTrainerSteps } from '@rfa/learning-rules/internal';
import type { Rng } from '@rfa/tensor';
import { CheckpointError } from '../errors.js';
import { trainerTensors } from '../trainer-tensors.js';
import type { DecodedCheckpoint } from './format.js';

/** What `restoreCheckpoint` also checks and sets. */
export interface RestoreOptions {
  /** The factory the trainer was made with: its options must equal the recorded ones. */
  rule?: RuleFactory;
  /** Generators to set from the checkpoint's `rngs`, by the names they were saved under. */
  rngs?: Record<string, Rng>;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * Writes a decoded checkpoint into a trainer built with the same architecture and
 * rule: tensors, the trainer's rng state and step count, and any named rngs. Every
 * check runs before anything is written, so a refused checkpoint leaves the trainer
 * untouched. A mismatch throws CheckpointError naming the field.
 * @example
 * restoreCheckpoint(trainer, decodeCheckpoint(bytes), { rule: fa, rngs: { data: task.rng } });
 */
export function restoreCheckpoint(
  trainer: Trainer,
  decoded: DecodedCheckpoint,
  options: RestoreOptions = {},
): void {
  const { header, tensors } = decoded;
  const layers = trainer.network.layers;
  const saved = header.network.layers;
  if (saved.length !== layers.length) {
    throw new CheckpointError(
      'network.layers',
      `the checkpoint has ${saved.length} layers, the trainer ${layers.length}`,
    );
  }
  layers.forEach((layer, l) => {
    const actual = {
      in: layer.inputSize,
      out: layer.outputSize,
      activation: layer.activation,
      hasMask: layer.mask !== null,
    };
    for (const key of ['in', 'out', 'activation', 'hasMask'] as const) {
      if (saved[l][key] !== actual[key]) {
        throw new CheckpointError(
          `network.layers.${l}.${key}`,
          `the checkpoint has ${saved[l][key]}, the trainer ${actual[key]}`,
        );
      }
    }
  });
  if (header.rule.name !== trainer.rule.name) {
    throw new CheckpointError(
      'rule.name',
      `the checkpoint was made with '${header.rule.name}', the trainer runs '${trainer.rule.name}'`,
    );
  }
  if (options.rule && header.rule.options !== null && !same(header.rule.options, options.rule.options)) {
    throw new CheckpointError(
      'rule.options',
      `the checkpoint has ${JSON.stringify(header.rule.options)}, the trainer's rule ${JSON.stringify(options.rule.options)}`,
    );
  }
  if (header.loss !== trainer.options.loss) {
    throw new CheckpointError(
      'loss',
      `the checkpoint was trained on '${header.loss}', the trainer uses '${trainer.options.loss}'`,
    );
  }
  const named = trainerTensors(trainer);
  const entries = new Map(header.tensors.map((t) => [t.name, t]));
  for (const { name, tensor } of named) {
    const entry = entries.get(name);
    if (!entry) throw new CheckpointError(`tensors.${name}`, 'is missing from the checkpoint');
    if (!same(entry.shape, tensor.shape)) {
      throw new CheckpointError(
        `tensors.${name}.shape`,
        `the checkpoint has [${entry.shape}], the trainer [${tensor.shape}]`,
      );
    }
  }
  const extra = header.tensors.find((t) => !named.some((n) => n.name === t.name));
  if (extra)
    throw new CheckpointError(
      `tensors.${extra.name}`,
      'is in the checkpoint but the trainer has no such tensor',
    );
  for (const name of Object.keys(options.rngs ?? {})) {
    if (!header.rngs?.[name])
      throw new CheckpointError(
        `rngs.${name}`,
        `is not in the checkpoint (it has: ${Object.keys(header.rngs ?? {}).join(', ') || 'none'})`,
      );
  }

  const backend = trainer.network.backend;
  for (const { name, tensor } of named) backend.write(tensor, tensors.get(name)!);
  trainer.options.rng.setState(header.rng);
  for (const [name, rng] of Object.entries(options.rngs ?? {})) rng.setState(header.rngs[name]);
  setTrainerSteps(trainer, header.step);
}
