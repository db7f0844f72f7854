import { DATASETS } from '@rfa/experiments';
import { describe, expect, it } from 'vitest';
import { className, padPrompt, padTitle } from './class-labels.js';

describe('the pad’s words, from the data set registry', () => {
  it('MNIST: a digit 0–9, labels are the digits', () => {
    expect(padTitle(DATASETS.mnist)).toBe('Draw a digit');
    expect(padPrompt(DATASETS.mnist)).toBe('Draw a digit 0–9 here');
    expect(className(DATASETS.mnist, 7)).toBe('7');
  });

  it('Fashion-MNIST: a piece of clothing, the prompt lists the classes, labels are their names', () => {
    const fashion = DATASETS['fashion-mnist'];
    expect(padTitle(fashion)).toBe('Draw a piece of clothing');
    expect(padPrompt(fashion)).toBe(
      'Draw a piece of clothing here: T-shirt/top, Trouser, Pullover, Dress, Coat, Sandal, Shirt, Sneaker, Bag, Ankle boot',
    );
    expect(className(fashion, 0)).toBe('T-shirt/top');
    expect(className(fashion, 9)).toBe('Ankle boot');
  });

  it('a label past the class list shows as its number', () => {
    expect(className({ name: 'toy', item: 'thing', classes: ['a', 'b'] }, 4)).toBe('4');
  });
});
