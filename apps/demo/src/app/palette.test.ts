import { EXPERIMENTS } from '@rfa/experiments';
import { describe, expect, it } from 'vitest';
import { ruleColour, ruleDash } from './palette.js';

describe('rule palette', () => {
  it('gives the rules of each experiment distinct colour-and-dash styles', () => {
    for (const exp of Object.values(EXPERIMENTS)) {
      const styles = Object.keys(exp.rules).map((r) => `${ruleColour(r)} ${ruleDash(r) ?? 'solid'}`);
      expect(new Set(styles).size, exp.id).toBe(styles.length);
    }
  });

  it('keeps a variant in its base rule’s colour, dashed', () => {
    expect(ruleColour('fa-4layer')).toBe(ruleColour('fa'));
    expect(ruleDash('fa-4layer')).toBeDefined();
    expect(ruleDash('fa')).toBeUndefined();
    expect(ruleColour('bp')).not.toBe(ruleColour('fa'));
  });
});
