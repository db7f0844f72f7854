import { describe, expect, it } from 'vitest';
import { redactSecretIn, redactUrl } from './redact-url.js';

describe('redactUrl', () => {
  it('hides the password of user:password@ and keeps everything else', () => {
    expect(redactUrl('redis://:s3cret@10.0.0.5:6379')).toBe('redis://:***@10.0.0.5:6379');
    expect(redactUrl('rediss://worker:s3cret@host:6380/2')).toBe('rediss://worker:***@host:6380/2');
    expect(redactUrl('redis://worker@host:6379')).toBe('redis://worker@host:6379');
    expect(redactUrl('redis://127.0.0.1:6379')).toBe('redis://127.0.0.1:6379');
  });

  it('hides a password holding raw @, /, : or ? in full', () => {
    expect(redactUrl('redis://u:p@ss/w:rd?x@h:1')).toBe('redis://u:***@h:1');
    expect(redactUrl('redis://:a%40b@h:1')).toBe('redis://:***@h:1');
  });

  it('hides password= query parameters, in any case', () => {
    expect(redactUrl('redis://h:1/0?password=abc&db=1')).toBe('redis://h:1/0?password=***&db=1');
    expect(redactUrl('redis://h:1?db=1&PASSWORD=abc')).toBe('redis://h:1?db=1&PASSWORD=***');
  });

  it('leaves no trace of the secret in malformed input', () => {
    for (const bad of ['http://:topsecret@x', ':topsecret@', 'redis://:topsecret@', 'x?password=topsecret'])
      expect(redactUrl(bad)).not.toContain('topsecret');
  });
});

describe('redactSecretIn', () => {
  it('replaces the raw and the decoded password wherever a message carries it', () => {
    const url = 'redis://u:a%40b%2Fc@h:1';
    expect(redactSecretIn('WRONGPASS a@b/c and a%40b%2Fc', url)).toBe('WRONGPASS *** and ***');
    expect(redactSecretIn('nothing here', 'redis://h:1')).toBe('nothing here');
  });
});
