/**
 * What the pad and the strip read: the chosen experiment's data set as `DATASETS` in
 * `@rfa/experiments` has it (its name, what one image shows, each label's class name).
 */
export interface ImageClasses {
  readonly name: string;
  readonly item: string;
  readonly classes: readonly string[];
}

/** A label's class name ('7' for MNIST's 7, 'Ankle boot' for Fashion-MNIST's 9). */
export function className(c: ImageClasses, label: number): string {
  return c.classes[label] ?? String(label);
}

/** The pad's heading: 'Draw a digit', 'Draw a piece of clothing'. */
export function padTitle(c: ImageClasses): string {
  return `Draw a ${c.item}`;
}

/**
 * The prompt on the empty pad: a range when every class is one character ('Draw a digit 0–9
 * here'), else the class names ('Draw a piece of clothing here: T-shirt/top, Trouser, …').
 */
export function padPrompt(c: ImageClasses): string {
  const { classes, item } = c;
  return classes.every((k) => k.length === 1)
    ? `Draw a ${item} ${classes[0]}–${classes.at(-1)} here`
    : `Draw a ${item} here: ${classes.join(', ')}`;
}
