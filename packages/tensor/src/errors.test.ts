import { describe, expect, it, vi } from 'vitest';
import * as errors from './errors.js';
import { MissingPackageError, OptionError, RfaError, ShapeError } from './errors.js';

/** A second, separately evaluated copy of the module, as the other build (ESM or CJS) is. */
async function otherCopy(): Promise<typeof errors> {
  vi.resetModules();
  const specifier = './errors.js?second-copy'; // a query string makes a fresh module instance
  const copy = (await import(/* @vite-ignore */ specifier)) as typeof errors;
  expect(copy.ShapeError).not.toBe(ShapeError);
  return copy;
}

describe('typed errors', () => {
  it('carry a stable code and the class name', () => {
    const e = new ShapeError('add: shapes differ');
    expect(e.code).toBe('SHAPE');
    expect(e.name).toBe('ShapeError');
    expect(e.message).toBe('add: shapes differ');
    expect(new MissingPackageError('gl', 'needs gl').packageName).toBe('gl');
  });

  it('every exported class declares its own kind, named after it', () => {
    const classes = Object.entries(errors).filter(([, v]) => typeof v === 'function') as [
      string,
      typeof RfaError,
    ][];
    expect(classes.length).toBeGreaterThanOrEqual(9);
    for (const [name, cls] of classes) {
      expect(Object.hasOwn(cls, 'kind'), name).toBe(true);
      expect(cls.kind).toBe(`@rfa/tensor:${name}`);
    }
  });

  it('instanceof recognises an error from another copy of the package by its kind', async () => {
    const other = await otherCopy();
    const fromOtherCopy = new other.ShapeError('x');
    expect(fromOtherCopy).toBeInstanceOf(ShapeError);
    expect(fromOtherCopy instanceof RfaError).toBe(true);
    expect(new ShapeError('x') instanceof other.ShapeError).toBe(true);
    expect(new ShapeError('x') instanceof other.RfaError).toBe(true);
    expect(fromOtherCopy instanceof OptionError).toBe(false);
    expect(new OptionError('x') instanceof other.ShapeError).toBe(false);
  });

  it('instanceof is false for lookalikes without the brand and for non-objects', () => {
    const lookalike = Object.assign(new Error('x'), { code: 'SHAPE', name: 'ShapeError' });
    expect(lookalike instanceof ShapeError).toBe(false);
    expect((null as unknown) instanceof RfaError).toBe(false);
    expect(('ShapeError' as unknown) instanceof ShapeError).toBe(false);
  });

  it('a subclass without its own kind falls back to the prototype chain', () => {
    class AppError extends RfaError {
      constructor() {
        super('APP', 'app');
      }
    }
    class OtherAppError extends RfaError {}
    expect(new AppError()).toBeInstanceOf(AppError);
    expect(new AppError()).toBeInstanceOf(RfaError);
    expect(new AppError() instanceof OtherAppError).toBe(false);
  });
});
