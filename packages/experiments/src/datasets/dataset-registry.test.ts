import { describe, expect, it } from 'vitest';
import { experimentIds, getExperiment } from '../registry.js';
import { DATASETS, datasetIds } from './dataset-registry.js';

describe('the data set registry’s class names', () => {
  it('MNIST names its labels 0 to 9; Fashion-MNIST by its published label names, label 0 first', () => {
    expect(DATASETS.mnist.item).toBe('digit');
    expect(DATASETS.mnist.classes).toEqual(Array.from({ length: 10 }, (_, k) => String(k)));
    expect(DATASETS['fashion-mnist'].item).toBe('piece of clothing');
    expect(DATASETS['fashion-mnist'].classes).toEqual([
      'T-shirt/top',
      'Trouser',
      'Pullover',
      'Dress',
      'Coat',
      'Sandal',
      'Shirt',
      'Sneaker',
      'Bag',
      'Ankle boot',
    ]);
  });

  it('every data set names each class once, and every experiment on it has one output per class', () => {
    for (const id of datasetIds()) {
      const { classes } = DATASETS[id];
      expect(new Set(classes).size, `${id}: distinct class names`).toBe(classes.length);
      for (const c of classes) expect(c.trim(), `${id}: a class name`).not.toBe('');
    }
    let checked = 0;
    for (const id of experimentIds()) {
      const exp = getExperiment(id);
      const [data] = exp.needs.datasets ?? [];
      if (!data) continue;
      const outputs = exp.layerWidths(exp.defaults as never).at(-1) as number;
      const classes = DATASETS[data].classes.length;
      // the spiking Fig. 4 has a population of output units per class (100 each)
      if (id === 'fig4') expect(outputs % classes, `${id}: outputs per class`).toBe(0);
      else expect(outputs, `${id}: outputs for ${data}'s classes`).toBe(classes);
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(4);
  });
});
