/**
 * The key of `Trainer`'s step-count setter. `Symbol.for`, so a checkpoint restored
 * through another copy of this package (its ESM and CJS builds) still finds it.
 */
export const SET_STEPS: unique symbol = Symbol.for('@rfa/learning-rules:set-steps');
