import { CheckpointError } from '@rfa/train';
import { crc32 } from '@rfa/train/internal';
import { describe, expect, it } from 'vitest';
import { memoryStore } from './checkpoint-store.js';
import { sealedStore } from './sealed-store.js';

const payload = Uint8Array.from({ length: 40 }, (_, i) => (i * 37) & 0xff);

describe('sealedStore', () => {
  it('saves the bytes, the marker and their CRC-32, and loads the bytes back', async () => {
    const inner = memoryStore();
    const store = sealedStore(inner);
    await store.save('a/b.ckpt', payload);
    const saved = inner.entries.get('a/b.ckpt')!;
    expect(saved.length).toBe(payload.length + 12);
    expect(saved.subarray(0, 40)).toEqual(payload);
    expect(new TextDecoder().decode(saved.subarray(40, 48))).toBe('rfa-crc1');
    expect(new DataView(saved.buffer, saved.byteOffset + 48, 4).getUint32(0, true)).toBe(crc32(payload));
    expect(await store.load('a/b.ckpt')).toEqual(payload);
    expect(await store.load('missing')).toBeNull();
  });

  it('refuses a flipped byte of the body or the checksum, naming the file and the way out', async () => {
    const inner = { ...memoryStore(), describe: (key: string) => `/ckpt/${key}` };
    const store = sealedStore(inner);
    await store.save('k', payload);
    const good = inner.entries.get('k')!.slice();
    for (const i of [...Array.from({ length: 40 }, (_, j) => j), 48, 49, 50, 51]) {
      const bad = good.slice();
      bad[i]! ^= 0x10;
      inner.entries.set('k', bad);
      await expect(store.load('k'), `byte ${i}`).rejects.toThrow(CheckpointError);
      await expect(store.load('k')).rejects.toThrow(/\/ckpt\/k is damaged .*: delete it to run this seed/);
    }
  });

  it('passes bytes without a whole trailer on (cut short, or saved before checksums): the format decoder judges them', async () => {
    const inner = memoryStore();
    const store = sealedStore(inner);
    await store.save('k', payload);
    const good = inner.entries.get('k')!.slice();
    for (const n of [0, 1, 20, 40, 45, 51]) {
      inner.entries.set('k', good.subarray(0, n));
      expect(await store.load('k'), `${n} bytes`).toEqual(good.subarray(0, n));
    }
    await inner.save('old', payload);
    expect(await store.load('old')).toEqual(payload);
  });
});
