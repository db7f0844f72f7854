import { describe, expect, it } from 'vitest';
import { PadKeys } from './pad-keys.js';

describe('PadKeys (drawing a digit with the keyboard)', () => {
  it('starts in the middle cell; arrows move one 20 px step (Shift: three) and stop at the edges', () => {
    const keys = new PadKeys(280, 14);
    expect(keys.position).toEqual([150, 150]);
    expect(keys.key('ArrowRight')).toEqual([{ type: 'move', to: [170, 150] }]);
    expect(keys.key('ArrowUp', true)).toEqual([{ type: 'move', to: [170, 90] }]);
    for (let i = 0; i < 20; i++) keys.key('ArrowLeft');
    expect(keys.position).toEqual([10, 90]);
    for (let i = 0; i < 20; i++) keys.key('ArrowDown', true);
    expect(keys.position).toEqual([10, 270]);
  });

  it('Space puts the pen down (a dot), moves then draw lines, Space again lifts it and asks for a guess', () => {
    const keys = new PadKeys(280, 14);
    expect(keys.key(' ')).toEqual([{ type: 'dot', at: [150, 150] }]);
    expect(keys.penDown).toBe(true);
    expect(keys.key('ArrowDown')).toEqual([
      { type: 'line', from: [150, 150], to: [150, 170] },
      { type: 'move', to: [150, 170] },
    ]);
    expect(keys.key(' ')).toEqual([{ type: 'lift' }, { type: 'guess' }]);
    expect(keys.penDown).toBe(false);
    expect(keys.key('ArrowDown')).toEqual([{ type: 'move', to: [150, 190] }]);
  });

  it('Enter lifts the pen and guesses; Delete, Backspace and Escape clear; other keys are not taken', () => {
    const keys = new PadKeys(280, 14);
    keys.key(' ');
    expect(keys.key('Enter')).toEqual([{ type: 'lift' }, { type: 'guess' }]);
    expect(keys.penDown).toBe(false);
    for (const key of ['Delete', 'Backspace', 'Escape']) {
      keys.key(' ');
      expect(keys.key(key)).toEqual([{ type: 'lift' }, { type: 'clear' }]);
      expect(keys.penDown).toBe(false);
    }
    expect(keys.key('Tab')).toBeNull();
    expect(keys.key('a')).toBeNull();
  });
});
