import { describe, expect, it } from 'vitest';
import { unsafeSegment } from './unsafe-key.js';

describe('unsafeSegment', () => {
  it('finds __proto__, prototype and constructor in any segment, and nothing in setting names', () => {
    expect(unsafeSegment('__proto__')).toBe('__proto__');
    expect(unsafeSegment('a.constructor.prototype')).toBe('constructor');
    expect(unsafeSegment('learningRates.fa')).toBeUndefined();
    expect(unsafeSegment('__proto__x')).toBeUndefined();
  });
});
