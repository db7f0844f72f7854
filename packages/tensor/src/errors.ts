const KINDS = Symbol.for('@rfa/tensor:error-kinds');

type ErrorClass<T = unknown> = abstract new (...args: never[]) => T;

/** The `kind` of `ctor` and of each class above it that declares one, nearest first. */
function kindsOf(ctor: ErrorClass): string[] {
  const kinds: string[] = [];
  for (let c: unknown = ctor; typeof c === 'function' && c !== Error; c = Object.getPrototypeOf(c)) {
    if (Object.hasOwn(c, 'kind')) kinds.push((c as unknown as { kind: string }).kind);
  }
  return kinds;
}

/** `value instanceof cls` by the prototype chain, or an error of another copy of the package whose kinds include `cls`'s. */
function isInstance(cls: ErrorClass, value: unknown): boolean {
  if (Function.prototype[Symbol.hasInstance].call(cls, value)) return true;
  if (typeof value !== 'object' || value === null || !Object.hasOwn(cls, 'kind')) return false;
  const kinds = (value as { [KINDS]?: unknown })[KINDS];
  return Array.isArray(kinds) && kinds.includes((cls as unknown as { kind: string }).kind);
}

/**
 * Base class of every error rfa throws on purpose; `code` is stable for programs to test.
 *
 * `instanceof` works across copies of a package: an app that loads both the ESM and the
 * CommonJS build (or a bundled copy) has two `ShapeError` classes, and an error thrown by
 * either is `instanceof` both. Each class declares a `kind` (`'@rfa/tensor:ShapeError'`);
 * an error carries the kinds of its class chain under `Symbol.for('@rfa/tensor:error-kinds')`,
 * and `instanceof` checks them. A subclass of your own that declares no `kind` gets the
 * ordinary prototype check.
 */
export class RfaError extends Error {
  /** The class's identity, the same in every copy of its package. */
  static readonly kind: string = '@rfa/tensor:RfaError';
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
    this.name = new.target.name;
    Object.defineProperty(this, KINDS, { value: kindsOf(new.target), enumerable: false });
  }

  static override [Symbol.hasInstance]<T>(this: ErrorClass<T>, value: unknown): value is T {
    // biome-ignore lint/complexity/noThisInStatic: `this` is the class `instanceof` asks about (often a subclass)
    return isInstance(this, value);
  }
}

/** Operand shapes do not fit the op. The message names the op and every shape involved. */
export class ShapeError extends RfaError {
  static override readonly kind: string = '@rfa/tensor:ShapeError';
  constructor(message: string) {
    super('SHAPE', message);
  }
}

/** A data array does not hold as many values as the shape asks for. */
export class LengthError extends RfaError {
  static override readonly kind: string = '@rfa/tensor:LengthError';
  constructor(message: string) {
    super('LENGTH', message);
  }
}

/** A tensor was used after `dispose()`. */
export class DisposedError extends RfaError {
  static override readonly kind: string = '@rfa/tensor:DisposedError';
  constructor(message: string) {
    super('DISPOSED', message);
  }
}

/** An option or argument has a value the function cannot use. */
export class OptionError extends RfaError {
  static override readonly kind: string = '@rfa/tensor:OptionError';
  constructor(message: string) {
    super('OPTION', message);
  }
}

/** A tensor from one backend was handed to another. */
export class BackendMismatchError extends RfaError {
  static override readonly kind: string = '@rfa/tensor:BackendMismatchError';
  constructor(message: string) {
    super('BACKEND_MISMATCH', message);
  }
}

/** No backend is registered under the requested name, or none could start. */
export class UnknownBackendError extends RfaError {
  static override readonly kind: string = '@rfa/tensor:UnknownBackendError';
  constructor(message: string) {
    super('UNKNOWN_BACKEND', message);
  }
}

/**
 * No backend in the order tried could start: `failures` names each one and why
 * (its factory's error, or that it is not available here); so does the message.
 */
export class BackendStartError extends UnknownBackendError {
  static override readonly kind: string = '@rfa/tensor:BackendStartError';
  readonly failures: readonly { name: string; reason: string }[];
  constructor(failures: readonly { name: string; reason: string }[]) {
    super(
      `chooseBackend: no backend could start (${failures.map((f) => `${f.name}: ${f.reason}`).join('; ') || 'none registered; import @rfa/backend-cpu'})`,
    );
    this.failures = failures;
  }
}

/** A backend was asked for something it cannot do (for instance a synchronous read on WebGPU). */
export class UnsupportedError extends RfaError {
  static override readonly kind: string = '@rfa/tensor:UnsupportedError';
  constructor(message: string) {
    super('UNSUPPORTED', message);
  }
}

/**
 * An optional package that a feature needs is not installed. `packageName` is what to
 * install (`npm i <packageName>`); the message says which feature asked for it.
 */
export class MissingPackageError extends RfaError {
  static override readonly kind: string = '@rfa/tensor:MissingPackageError';
  readonly packageName: string;
  constructor(packageName: string, message: string) {
    super('MISSING_PACKAGE', message);
    this.packageName = packageName;
  }
}
