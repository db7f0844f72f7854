import { createCpuBackend } from '@rfa/backend-cpu';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../config.js';
import { ConfigError } from '../errors.js';
import { defineExperiment } from '../experiment.js';
import { runExperiment } from '../run-experiment.js';
import { tinyMnist } from '../testing/tiny-mnist.js';
import { type Fig3aConfig, fig3a, fig3aRun } from './fig3a.js';

const backend = createCpuBackend({ kernels: 'js' });
const mnist = tinyMnist(80, 40);
const ALL = [
  'bp',
  'fa',
  'fa-sparse50',
  'fa-coarse-derivative',
  'shallow',
  'dfa',
  'sign-symmetry',
  'kolen-pollack',
  'usf',
  'brsf',
  'frsf',
  'weight-mirror',
  'drtp',
];

async function run(faForm: 'paper' | 'chained') {
  const config = resolveConfig(fig3a, {
    overrides: {
      epochs: 1,
      batchSize: 4,
      evaluationsPerEpoch: 2,
      hiddenUnits: 12,
      learningRate: 1,
      faForm,
      rules: ALL,
    },
  });
  return (await runExperiment(fig3a, { config, seeds: 1, backend, data: { datasets: { mnist } } })).results;
}

describe('fig3a wires each rule with the config’s form and options', () => {
  it('every rule of fig3a runs, the FA family in the form faForm names', async () => {
    const paper = await run('paper');
    const chained = await run('chained');
    for (const k of ALL) expect(Number.isFinite(paper[k].final.testError.mean), k).toBe(true);
    // rules without a form are untouched by faForm; every FA-family rule changes with it
    for (const k of ['bp', 'shallow', 'drtp']) expect(paper[k].curves).toEqual(chained[k].curves);
    for (const k of [
      'fa',
      'fa-sparse50',
      'fa-coarse-derivative',
      'dfa',
      'sign-symmetry',
      'kolen-pollack',
      'usf',
      'brsf',
      'frsf',
      'weight-mirror',
    ])
      expect(paper[k].curves.deltaAngle, k).not.toEqual(chained[k].curves.deltaAngle);
    // uSF at its default scale 1 is sign symmetry; random magnitudes change what is learned
    expect(paper.usf.curves).toEqual(paper['sign-symmetry'].curves);
    expect(paper.frsf.curves.deltaAngle).not.toEqual(paper.usf.curves.deltaAngle);
    // the coarse derivative and the sparse mask change what FA learns
    expect(paper['fa-coarse-derivative'].curves.deltaAngle).not.toEqual(paper.fa.curves.deltaAngle);
    expect(paper['fa-sparse50'].curves.deltaAngle).not.toEqual(paper.fa.curves.deltaAngle);
    // one hidden layer: DFA's D is FA's B drawn the same way, so the two coincide
    expect(paper.dfa.curves.testError).toEqual(paper.fa.curves.testError);
    expect(paper.dfa.curves.deltaAngle).toEqual(paper.fa.curves.deltaAngle);
  });
});

describe('fig3aRun passes registry options on to the rule', () => {
  const config = resolveConfig(fig3a, {
    overrides: { epochs: 1, batchSize: 4, evaluationsPerEpoch: 2, hiddenUnits: 12, learningRate: 1 },
  });
  const withOptions = (options: Record<string, unknown>) =>
    defineExperiment<Fig3aConfig>({
      ...fig3a,
      id: 'fig3a-options',
      run: (c, rule, ctx) => fig3aRun(c, rule, ctx, mnist, options),
    });
  const curves = async (options: Record<string, unknown>) =>
    (
      await runExperiment(withOptions(options), {
        config,
        seeds: 1,
        rules: ['kolen-pollack'],
        backend,
        data: { datasets: {} },
      })
    ).results['kolen-pollack'].curves;

  it('an option at its default changes nothing; another reading changes what is learned', async () => {
    const plain = await curves({});
    expect(await curves({ decay: 0 })).toEqual(plain);
    expect((await curves({ decayReading: 'extra' })).deltaAngle).not.toEqual(plain.deltaAngle);
  });

  it('an option the rule does not take, or one the config sets, is a ConfigError naming it', async () => {
    await expect(curves({ decayReadin: 'extra' })).rejects.toThrow(ConfigError);
    await expect(curves({ decayReadin: 'extra' })).rejects.toThrow(
      /rule 'kolen-pollack' takes no option 'decayReadin' \(it takes .*decayReading/,
    );
    await expect(curves({ form: 'chained' })).rejects.toThrow(
      "rule 'kolen-pollack': option 'form' comes from the experiment's config here; set it there",
    );
  });
});
