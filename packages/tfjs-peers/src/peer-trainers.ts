import type { InitialState, SpeedTrainer, TrainSetup } from '@rfa/experiments/internal';
import { TFJS_CONV_RULES, TfjsConvSpeedTrainer } from './conv-trainer.js';
import { TFJS_RULES, TfjsSpeedTrainer } from './dense-trainer.js';
import type { TfjsPeer, TfModule } from './peer.js';

/**
 * The TensorFlow.js trainers of `setup` on each peer, from rfa's start values: the conv trainer
 * for an image workload, the dense one otherwise; none where the peer's step does not write the rule.
 */
export async function tfjsTrainers(
  tf: TfModule,
  peers: readonly TfjsPeer[],
  setup: TrainSetup,
  state: InitialState,
): Promise<SpeedTrainer[]> {
  const [rules, Trainer] = setup.image
    ? [TFJS_CONV_RULES, TfjsConvSpeedTrainer]
    : [TFJS_RULES, TfjsSpeedTrainer];
  if (!rules.includes(setup.rule)) return [];
  const trainers: SpeedTrainer[] = [];
  for (const peer of peers) trainers.push(await Trainer.create(tf, peer, setup, state));
  return trainers;
}
