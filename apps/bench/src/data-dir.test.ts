import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CliError } from './cli-error.js';
import { dataDirHelp, dataDirOf } from './data-dir.js';

describe('--data-dir', () => {
  it('resolves the folder; absent means the packaged data', () => {
    expect(dataDirOf({ 'data-dir': 'data' })).toBe(resolve('data'));
    expect(dataDirOf({})).toBeUndefined();
    expect(dataDirHelp(19)).toMatch(/^--data-dir DIR {5}a folder .*DIR\/mnist\//);
  });

  it('refuses the retired --mnist-dir, saying where its files go', () => {
    expect(() => dataDirOf({ 'mnist-dir': '/idx' })).toThrow(CliError);
    expect(() => dataDirOf({ 'mnist-dir': '/idx' })).toThrow(
      /--data-dir DIR.*IDX files of \/idx in DIR\/mnist\//,
    );
  });
});
