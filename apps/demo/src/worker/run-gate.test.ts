import { describe, expect, it } from 'vitest';
import { RunGate } from './run-gate.js';

/** Two "rules" stepping through the gate; returns how many steps each took. */
function runners(gate: RunGate, steps: number) {
  const done = [0, 0];
  const all = Promise.all(
    done.map(async (_, i) => {
      for (let s = 0; s < steps; s++) {
        await gate.pass();
        done[i]++;
      }
    }),
  );
  return { done, all };
}

const tick = () => new Promise((r) => setTimeout(r, 5));

describe('RunGate', () => {
  it('holds every rule while paused, lets each take one step per single step, then runs on after resume', async () => {
    const gate = new RunGate(2);
    gate.pause();
    const { done, all } = runners(gate, 5);
    await tick();
    expect(done).toEqual([0, 0]);
    gate.step();
    await tick();
    expect(done).toEqual([1, 1]);
    gate.step();
    await tick();
    expect(done).toEqual([2, 2]);
    gate.resume();
    await all;
    expect(done).toEqual([5, 5]);
  });

  it('paces to stepsPerFrame steps of each rule per frame', async () => {
    let frames = 0;
    const gate = new RunGate(2, 3, async () => {
      frames++;
    });
    await runners(gate, 9).all;
    expect(frames).toBe(3);
  });

  it('stop releases a paused run', async () => {
    const gate = new RunGate(2);
    gate.pause();
    const { all } = runners(gate, 3);
    gate.stop();
    await all;
  });
});
