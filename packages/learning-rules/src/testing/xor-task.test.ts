import { createCpuBackend } from '@rfa/backend-cpu';
import { describe, expect, it } from 'vitest';
import { backprop } from '../rules/backprop.js';
import { shallow } from '../rules/shallow.js';
import { xorTaskError } from './xor-task.js';

const backend = createCpuBackend();

describe('the two-XOR task the rules are checked on', () => {
  it('needs its hidden layer: random hidden units stay near chance, backprop learns it', () => {
    expect(xorTaskError(backend, shallow())).toBeGreaterThan(0.65);
    expect(xorTaskError(backend, backprop())).toBeLessThan(0.25);
  });
});
