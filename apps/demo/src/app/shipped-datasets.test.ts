import { getExperiment } from '@rfa/experiments';
import { describe, expect, it } from 'vitest';
import { SettingsError } from './settings-error.js';
import { checkShipped, unshippedDatasets } from './shipped-datasets.js';

describe('data sets the demo ships', () => {
  it('names Fashion-MNIST for fig3a-fashion and nothing for the MNIST and synthetic experiments', () => {
    expect(unshippedDatasets(getExperiment('fig3a-fashion'))).toEqual(['Fashion-MNIST']);
    expect(unshippedDatasets(getExperiment('fig3a'))).toEqual([]);
    expect(unshippedDatasets(getExperiment('fig2'))).toEqual([]);
  });

  it('refuses fig3a-fashion with the reason and the bench command, and lets fig3a through', () => {
    expect(() => checkShipped(getExperiment('fig3a-fashion'))).toThrow(SettingsError);
    expect(() => checkShipped(getExperiment('fig3a-fashion'))).toThrow(
      /fig3a-fashion needs Fashion-MNIST, which this demo does not ship; run it with the bench: pnpm bench reproduce fig3a-fashion/,
    );
    expect(() => checkShipped(getExperiment('fig3a'))).not.toThrow();
  });
});
