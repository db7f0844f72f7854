import { createCpuBackend } from '@rfa/backend-cpu';
import { createNetwork, uniformInit } from '@rfa/layers';
import {
  createTrainer,
  directRandomTargetProjection,
  feedbackAlignment,
  kolenPollack,
  type RuleFactory,
  signConcordant,
  weightMirror,
} from '@rfa/learning-rules';
import { Rng } from '@rfa/tensor';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../errors.js';
import { createRule, createRuleWith, RULES, ruleKeys } from './rule-registry.js';

const backend = createCpuBackend({ kernels: 'js' });

/** Weights of a small tanh net after 5 steps of `rule` on a fixed stream. */
function trained(rule: RuleFactory): Float32Array[] {
  const rng = new Rng(3);
  const net = createNetwork(backend, {
    rng,
    init: uniformInit(0.3),
    layers: [
      { in: 4, out: 6, activation: 'tanh' },
      { out: 5, activation: 'tanh' },
      { out: 2, activation: 'linear' },
    ],
  });
  const trainer = createTrainer(net, rule, { loss: 'mse', learningRate: 0.05, rng, weightDecay: 1e-3 });
  const data = new Rng(9);
  for (let s = 0; s < 5; s++) {
    const x = Float32Array.from({ length: 8 }, () => data.uniformIn(-1, 1));
    const y = Float32Array.from({ length: 4 }, () => data.uniformIn(-1, 1));
    trainer.step(x, y, 2);
  }
  const w = net.layers.map((l) => l.weights.readSync());
  trainer.dispose();
  net.dispose();
  return w;
}

describe('the rule registry', () => {
  it('builds exactly the rule the package factory builds (same bits after training)', () => {
    expect(trained(createRule('fa', { feedbackScale: 0.5 }))).toEqual(
      trained(feedbackAlignment({ init: uniformInit(0.5) })),
    );
    expect(trained(createRule('fa'))).toEqual(trained(feedbackAlignment()));
  });

  it('the rules beyond the paper build their package factories, options passed through', () => {
    expect(trained(createRule('usf', { scale: 2 }))).toEqual(trained(signConcordant({ scale: 2 })));
    expect(trained(createRule('brsf'))).toEqual(trained(signConcordant({ magnitude: 'batchwise' })));
    expect(trained(createRule('frsf', { feedbackScale: 0.3 }))).toEqual(
      trained(signConcordant({ magnitude: 'fixed', init: uniformInit(0.3) })),
    );
    expect(trained(createRule('frsf', { feedbackScale: 0.3 }))).not.toEqual(trained(createRule('frsf')));
    expect(trained(createRule('weight-mirror', { noiseScale: 0.5, mirrorEvery: 2 }))).toEqual(
      trained(weightMirror({ noiseScale: 0.5, mirrorEvery: 2 })),
    );
    expect(trained(createRule('weight-mirror', { noiseScale: 0.5 }))).not.toEqual(
      trained(createRule('weight-mirror')),
    );
    expect(trained(createRule('drtp', { feedbackScale: 0.2 }))).toEqual(
      trained(directRandomTargetProjection({ init: uniformInit(0.2) })),
    );
    expect(trained(createRule('kolen-pollack', { decayApplies: 'feedback', decay: 0.5 }))).toEqual(
      trained(kolenPollack({ decayApplies: 'feedback', decay: 0.5 })),
    );
    expect(trained(createRule('kolen-pollack', { decayReading: 'extra' }))).toEqual(
      trained(kolenPollack({ decay: 1e-3 })),
    );
    expect(trained(createRule('kolen-pollack'))).not.toEqual(trained(kolenPollack({ decay: 1e-3 })));
    // createRuleWith: the shared settings the rule takes, then this rule's own options
    expect(
      trained(
        createRuleWith('kolen-pollack', { form: 'paper', feedbackScale: 0.2 }, { decayReading: 'extra' }),
      ),
    ).toEqual(
      trained(createRule('kolen-pollack', { form: 'paper', feedbackScale: 0.2, decayReading: 'extra' })),
    );
    expect(() => createRuleWith('bp', { form: 'paper' }, { decay: 1 })).toThrow(
      "rule 'bp' takes no option 'decay' (it takes none)",
    );
    expect(RULES.usf.feedback).toBe('derived');
    expect(RULES['weight-mirror'].feedback).toBe('learned');
    expect(RULES.drtp.feedback).toBe('direct');
  });

  it('every rule trains, and rules differ from one another', () => {
    const results = ruleKeys().map((k) => trained(createRule(k)));
    for (const w of results) for (const layer of w) expect(layer.every(Number.isFinite)).toBe(true);
    const bp = results[ruleKeys().indexOf('bp')];
    const fa = results[ruleKeys().indexOf('fa')];
    expect(fa[0]).not.toEqual(bp[0]);
  });

  it('each entry names its feedback kind and the rule it builds', () => {
    expect(createRule('kolen-pollack').name).toBe('kolenPollack');
    expect(RULES.fa.feedback).toBe('transposed');
    expect(RULES.dfa.feedback).toBe('direct');
    expect(RULES['sign-symmetry'].feedback).toBe('derived');
  });

  it('refuses an unknown rule with the list, and a bad or unknown option naming it', () => {
    expect(() => createRule('xx')).toThrow(/unknown rule 'xx' \(known: bp, fa, dfa, shallow/);
    const check = (f: () => unknown, field: string) => {
      try {
        f();
        throw new Error('no error');
      } catch (e) {
        expect(e).toBeInstanceOf(ConfigError);
        expect((e as ConfigError).field).toBe(field);
      }
    };
    check(() => createRule('fa', { feedbackScale: -1 }), 'fa.feedbackScale');
    check(() => createRule('fa', { scale: 1 }), 'fa.scale');
    check(() => createRule('node-perturbation', { perturb: 'some' }), 'node-perturbation.perturb');
  });

  it('Kolen–Pollack refuses momentum itself (the Trainer no longer knows it by name)', () => {
    const rng = new Rng(1);
    const net = createNetwork(backend, {
      rng,
      init: uniformInit(0.1),
      layers: [
        { in: 2, out: 2, activation: 'linear' },
        { out: 1, activation: 'linear' },
      ],
    });
    expect(() =>
      createTrainer(net, createRule('kolen-pollack'), { loss: 'mse', learningRate: 0.1, momentum: 0.9, rng }),
    ).toThrow(/kolenPollack: momentum is not supported/);
  });
});
