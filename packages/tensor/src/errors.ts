/** Base class of every error rfa throws on purpose; `code` is stable for programs to test. */
export class RfaError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
    this.name = new.target.name;
  }
}

/** Operand shapes do not fit the op. The message names the op and every shape involved. */
export class ShapeError extends RfaError {
  constructor(message: string) {
    super('SHAPE', message);
  }
}

/** A data array does not hold as many values as the shape asks for. */
export class LengthError extends RfaError {
  constructor(message: string) {
    super('LENGTH', message);
  }
}

/** A tensor was used after `dispose()`. */
export class DisposedError extends RfaError {
  constructor(message: string) {
    super('DISPOSED', message);
  }
}

/** An option or argument has a value the function cannot use. */
export class OptionError extends RfaError {
  constructor(message: string) {
    super('OPTION', message);
  }
}

/** A tensor from one backend was handed to another. */
export class BackendMismatchError extends RfaError {
  constructor(message: string) {
    super('BACKEND_MISMATCH', message);
  }
}

/** No backend is registered under the requested name, or none could start. */
export class UnknownBackendError extends RfaError {
  constructor(message: string) {
    super('UNKNOWN_BACKEND', message);
  }
}

/** A backend was asked for something it cannot do (for instance a synchronous read on WebGPU). */
export class UnsupportedError extends RfaError {
  constructor(message: string) {
    super('UNSUPPORTED', message);
  }
}
