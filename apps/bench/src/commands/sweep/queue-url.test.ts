import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CliError } from '../../cli-error.js';
import { queueUrlFrom } from './queue-url.js';

const dir = mkdtempSync(join(tmpdir(), 'rfa-queue-url-'));

describe('queueUrlFrom', () => {
  afterEach(() => vi.restoreAllMocks());

  it('takes --queue first, then --queue-file (first line, trimmed), then RFA_QUEUE_URL', () => {
    const file = join(dir, 'queue');
    writeFileSync(file, 'redis://:fromfile@h:2\nignored\n');
    const env = { RFA_QUEUE_URL: ' redis://:fromenv@h:3 ' };
    expect(queueUrlFrom({ queue: 'redis://h:1' }, env)).toEqual({
      url: 'redis://h:1',
      source: '--queue',
      shown: 'redis://h:1',
    });
    expect(queueUrlFrom({ 'queue-file': file }, env)).toEqual({
      url: 'redis://:fromfile@h:2',
      source: `--queue-file ${file}`,
      shown: 'redis://:***@h:2',
    });
    expect(queueUrlFrom({}, env)).toEqual({
      url: 'redis://:fromenv@h:3',
      source: 'RFA_QUEUE_URL',
      shown: 'redis://:***@h:3',
    });
    expect(queueUrlFrom({}, {})).toBeUndefined();
  });

  it('warns (without the password) when --queue carries a password', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    queueUrlFrom({ queue: 'redis://:hunter2@h:1' }, {});
    expect(error).toHaveBeenCalledOnce();
    expect(String(error.mock.calls[0])).toContain('RFA_QUEUE_URL');
    expect(String(error.mock.calls[0])).not.toContain('hunter2');
  });

  it('names the file when it is missing, unreadable or empty, and refuses both flags at once', () => {
    const missing = join(dir, 'nope');
    expect(() => queueUrlFrom({ 'queue-file': missing })).toThrow(
      `--queue-file ${missing}: cannot read it (ENOENT)`,
    );
    const empty = join(dir, 'empty');
    writeFileSync(empty, '\n');
    expect(() => queueUrlFrom({ 'queue-file': empty })).toThrow(/the file is empty/);
    if (process.getuid?.() !== 0) {
      const locked = join(dir, 'locked');
      writeFileSync(locked, 'redis://h:1');
      chmodSync(locked, 0);
      expect(() => queueUrlFrom({ 'queue-file': locked })).toThrow(/cannot read it \(EACCES\)/);
    }
    expect(() => queueUrlFrom({ queue: 'redis://h:1', 'queue-file': empty })).toThrow(CliError);
  });
});
