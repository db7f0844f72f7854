/** What a key on the digit pad does to the drawing. */
export type PadAction =
  | { type: 'move'; to: [number, number] }
  | { type: 'dot'; at: [number, number] }
  | { type: 'line'; from: [number, number]; to: [number, number] }
  | { type: 'lift' }
  | { type: 'guess' }
  | { type: 'clear' };

const ARROWS: Record<string, [number, number]> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
};

/**
 * Drawing with the keyboard: a cursor on a grid of `cells` × `cells` steps across a pad of
 * `size` pixels (it starts in the middle). The arrow keys move it one step (with Shift,
 * three); Space puts the pen down (a dot) or lifts it; with the pen down every move draws a
 * line. Enter lifts the pen and asks the networks; Delete, Backspace or Escape clears.
 * `key` returns what to do for a key, or null for a key the pad does not take.
 * @example
 * const keys = new PadKeys(280, 14);
 * keys.key(' ');          // [{ type: 'dot', at: [150, 150] }]
 * keys.key('ArrowRight'); // [{ type: 'line', from: [150, 150], to: [170, 150] }, ...]
 */
export class PadKeys {
  /** The cursor, in steps from the top left. */
  private cell: [number, number];
  private down = false;

  constructor(
    private readonly size: number,
    private readonly cells: number,
  ) {
    this.cell = [Math.floor(cells / 2), Math.floor(cells / 2)];
  }

  /** The cursor's centre in pad pixels. */
  get position(): [number, number] {
    const step = this.size / this.cells;
    return [(this.cell[0] + 0.5) * step, (this.cell[1] + 0.5) * step];
  }

  /** Whether the pen is down (the cursor paints as it moves). */
  get penDown(): boolean {
    return this.down;
  }

  key(key: string, shift = false): PadAction[] | null {
    const arrow = ARROWS[key];
    if (arrow) {
      const from = this.position;
      const steps = shift ? 3 : 1;
      const clamp = (v: number) => Math.max(0, Math.min(this.cells - 1, v));
      this.cell = [clamp(this.cell[0] + arrow[0] * steps), clamp(this.cell[1] + arrow[1] * steps)];
      const to = this.position;
      return this.down
        ? [
            { type: 'line', from, to },
            { type: 'move', to },
          ]
        : [{ type: 'move', to }];
    }
    if (key === ' ') {
      this.down = !this.down;
      return this.down ? [{ type: 'dot', at: this.position }] : [{ type: 'lift' }, { type: 'guess' }];
    }
    if (key === 'Enter') {
      this.down = false;
      return [{ type: 'lift' }, { type: 'guess' }];
    }
    if (key === 'Delete' || key === 'Backspace' || key === 'Escape') {
      this.down = false;
      return [{ type: 'lift' }, { type: 'clear' }];
    }
    return null;
  }
}
