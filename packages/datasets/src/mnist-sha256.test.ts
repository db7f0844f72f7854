import { mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DatasetError } from './errors.js';
import { MNIST_FILES } from './mnist.js';
import { verifiedMnistFile } from './mnist-sha256.js';
import { loadMnist, mnistDataDir } from './node.js';

const original = (name: string) => readFileSync(join(mnistDataDir(), name));

describe('MNIST files checked against the original SHA-256', () => {
  it('takes the original files, plain or gzipped', () => {
    const labels = original(MNIST_FILES.testLabels);
    const file = 'x/t10k-labels-idx1-ubyte';
    const same = (bytes: ArrayBuffer | ArrayBufferView) => Buffer.from(bytes as Uint8Array).equals(labels);
    expect(same(verifiedMnistFile('testLabels', { bytes: labels, file }, '').bytes)).toBe(true);
    const zipped = gzipSync(new Uint8Array(labels));
    expect(same(verifiedMnistFile('testLabels', { bytes: zipped, file }, '').bytes)).toBe(true);
  });

  it('refuses one flipped pixel or label (well-formed IDX, so only the digest can tell), naming the file and the way out', () => {
    const images = original(MNIST_FILES.testImages);
    images[16 + 28 * 14 + 14]! ^= 0x01; // the middle pixel of the first image
    expect(() => verifiedMnistFile('testImages', { bytes: images, file: 'd/t10k' }, 'fix it')).toThrow(
      /^d\/t10k: SHA-256 [0-9a-f]{64} is not the original MNIST file's \(0fa7898d[0-9a-f]{56}\): the file is damaged; fix it$/,
    );
    const labels = original(MNIST_FILES.testLabels);
    labels[9]! = (labels[9]! + 1) % 10;
    expect(() => verifiedMnistFile('testLabels', { bytes: labels, file: 'l' }, '')).toThrow(DatasetError);
  });

  it('loadMnist({ dir, verify: true }) refuses a damaged label file in the folder and names it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rfa-mnist-bad-'));
    for (const name of Object.values(MNIST_FILES)) symlinkSync(join(mnistDataDir(), name), join(dir, name));
    const bad = join(dir, 'damaged');
    const labels = original(MNIST_FILES.trainLabels);
    labels[100]! = (labels[100]! + 3) % 10;
    writeFileSync(bad, labels);
    const target = join(dir, MNIST_FILES.trainLabels);
    rmSync(target);
    renameSync(bad, target);
    await expect(loadMnist({ dir, verify: true })).rejects.toThrow(`${target}: SHA-256 `);
    await expect(loadMnist({ dir, verify: true })).rejects.toThrow(
      /copy the original file there again, or pass verify: false/,
    );
  }, 60_000);
});
