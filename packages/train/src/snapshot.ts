import type { Trainer } from '@rfa/learning-rules';
import { setTrainerSteps } from '@rfa/learning-rules/internal';
import type { RngState } from '@rfa/tensor';
import { trainerTensors } from './trainer-tensors.js';

/** Host copies of a trainer's learnt state at one step. */
export interface Snapshot {
  step: number;
  values: Map<string, Float32Array>;
  rng: RngState;
}

/** Copies weights, biases, masks, feedback and optimiser buffers to the host (reads back). */
export async function takeSnapshot(trainer: Trainer): Promise<Snapshot> {
  const values = new Map<string, Float32Array>();
  for (const { name, tensor } of trainerTensors(trainer))
    values.set(name, new Float32Array(await tensor.read()));
  return { step: trainer.steps, values, rng: trainer.options.rng.getState() };
}

/** Writes a snapshot back into the trainer it was taken from: tensors, rng state and step count. */
export function restoreSnapshot(trainer: Trainer, snapshot: Snapshot): void {
  const backend = trainer.network.backend;
  for (const { name, tensor } of trainerTensors(trainer)) {
    const values = snapshot.values.get(name);
    if (values) backend.write(tensor, values);
  }
  trainer.options.rng.setState(snapshot.rng);
  setTrainerSteps(trainer, snapshot.step);
}
