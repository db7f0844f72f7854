import type { TestStrip } from '../worker/api.js';
import { className, type ImageClasses } from './class-labels.js';
import { paintDigit } from './digit-pad.js';
import { el } from './dom.js';

/**
 * A row of test images, each with its class name and every network's guess for it (✓ or
 * ✗ beside the digit, in the rule's colour), refreshed as the networks learn.
 */
export class TestStripView {
  constructor(
    private readonly root: HTMLElement,
    private readonly colour: (rule: string) => string,
  ) {}

  reset(): void {
    this.root.replaceChildren();
    delete this.root.dataset.updates;
  }

  show(strip: TestStrip, classes: ImageClasses): void {
    const name = (label: number) => className(classes, label);
    const items = strip.images.map((image, i) => {
      const canvas = el('canvas', { width: 28, height: 28, class: 'strip-image', 'aria-hidden': 'true' });
      paintDigit(canvas, { width: 28, height: 28, data: image });
      const label = strip.labels[i];
      return el(
        'li',
        { 'data-label': label },
        canvas,
        el('span', { class: 'strip-label', text: `is ${name(label)}` }),
        el(
          'ul',
          { class: 'strip-guesses' },
          ...strip.guesses[i].map((g) =>
            el(
              'li',
              {
                'data-rule': g.rule,
                class: g.guess === label ? 'right' : 'wrong',
                style: `border-left-color:${this.colour(g.rule)}`,
              },
              `${g.rule} ${name(g.guess)} ${g.guess === label ? '✓' : '✗'}`,
            ),
          ),
        ),
      );
    });
    this.root.replaceChildren(
      el('h3', { text: 'Test images and what each network answers' }),
      el(
        'ol',
        { class: 'strip', 'aria-label': `${classes.name} test images with each network’s guess` },
        ...items,
      ),
    );
    this.root.dataset.updates = String(Number(this.root.dataset.updates ?? 0) + 1);
  }
}
