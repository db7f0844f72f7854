/** Key segments that would reach an object's prototype instead of a setting. */
const UNSAFE = new Set(['__proto__', 'prototype', 'constructor']);

/** The first dotted segment of `key` that cannot name a setting (`__proto__`, …), or undefined. */
export const unsafeSegment = (key: string): string | undefined => key.split('.').find((k) => UNSAFE.has(k));
