import { describe, expect, it } from 'vitest';
import type { RunUpdate } from './api.js';
import { UpdateBuffer } from './update-buffer.js';

describe('UpdateBuffer', () => {
  it('sends many reports as one message, in order, and flushes at once when the run finishes', async () => {
    const sent: RunUpdate[] = [];
    const buffer = new UpdateBuffer((u) => sent.push(u), 20);
    for (let i = 0; i < 100; i++) buffer.point('fa', { step: i });
    buffer.progress(50, 100);
    expect(sent).toHaveLength(0);
    await new Promise((r) => setTimeout(r, 40));
    expect(sent).toHaveLength(1);
    expect(sent[0].points.map((p) => p.point.step)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect(sent[0].progress).toEqual({ done: 50, total: 100 });
    buffer.end({ rule: 'fa', final: { nse: 0.1 } });
    buffer.finish();
    expect(sent).toHaveLength(2);
    expect(sent[1]).toMatchObject({ finished: true, ends: [{ rule: 'fa' }] });
  });
});
