import { createCpuBackend } from '@rfa/backend-cpu';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../config.js';
import { runExperiment } from '../run-experiment.js';
import { tinyMnist } from '../testing/tiny-mnist.js';
import { fig3a } from './fig3a.js';

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
    for (const k of ['bp', 'shallow']) expect(paper[k].curves).toEqual(chained[k].curves);
    for (const k of ['fa', 'fa-sparse50', 'fa-coarse-derivative', 'dfa', 'sign-symmetry', 'kolen-pollack'])
      expect(paper[k].curves.deltaAngle, k).not.toEqual(chained[k].curves.deltaAngle);
    // the coarse derivative and the sparse mask change what FA learns
    expect(paper['fa-coarse-derivative'].curves.deltaAngle).not.toEqual(paper.fa.curves.deltaAngle);
    expect(paper['fa-sparse50'].curves.deltaAngle).not.toEqual(paper.fa.curves.deltaAngle);
    // one hidden layer: DFA's D is FA's B drawn the same way, so the two coincide
    expect(paper.dfa.curves.testError).toEqual(paper.fa.curves.testError);
    expect(paper.dfa.curves.deltaAngle).toEqual(paper.fa.curves.deltaAngle);
  });
});
