import { CheckpointError } from '../errors.js';
import { checkHeader } from './check-header.js';
import { crc32 } from './crc32.js';
import {
  CHECKPOINT_FORMAT,
  CHECKPOINT_MAGIC,
  CHECKPOINT_VERSION,
  type CheckpointHeader,
  checksumSuffix,
  DATA_ALIGNMENT,
  type DecodedCheckpoint,
  hex32,
  PREAMBLE_BYTES,
} from './format.js';

const CLOSING_BRACE = new Uint8Array([0x7d]);

/**
 * Parses and verifies a version-1 checkpoint: magic, version, layout, then the CRC-32.
 * Throws CheckpointError naming the problem for a truncated, corrupt or foreign file.
 * Browser-safe.
 * @example
 * const { header, tensors } = decodeCheckpoint(bytes);
 * tensors.get('layers.0.weights'); // Float32Array
 */
export function decodeCheckpoint(bytes: Uint8Array): DecodedCheckpoint {
  if (bytes.length < PREAMBLE_BYTES) {
    throw new CheckpointError(
      'length',
      `truncated: ${bytes.length} bytes, fewer than the ${PREAMBLE_BYTES}-byte preamble`,
    );
  }
  const magic = String.fromCharCode(...bytes.subarray(0, 8));
  if (magic !== CHECKPOINT_MAGIC) {
    if (magic.startsWith(CHECKPOINT_MAGIC.slice(0, 7))) {
      throw new CheckpointError(
        'version',
        `magic '${magic}' is another format version; this reader knows version ${CHECKPOINT_VERSION} ('${CHECKPOINT_MAGIC}')`,
      );
    }
    throw new CheckpointError(
      'magic',
      `not an rfa checkpoint: the file starts with ${JSON.stringify(magic)}, expected '${CHECKPOINT_MAGIC}'`,
    );
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = view.getUint32(8, true);
  const headerEnd = PREAMBLE_BYTES + headerLength;
  if (headerEnd > bytes.length) {
    throw new CheckpointError(
      'length',
      `truncated: the header needs ${headerEnd} bytes, the file has ${bytes.length}`,
    );
  }
  const header = parseHeader(bytes.subarray(PREAMBLE_BYTES, headerEnd));
  if (header.format !== CHECKPOINT_FORMAT)
    throw new CheckpointError(
      'format',
      `is ${JSON.stringify(header.format)}, expected '${CHECKPOINT_FORMAT}'`,
    );
  if (header.version !== CHECKPOINT_VERSION) {
    throw new CheckpointError(
      'version',
      `version ${JSON.stringify(header.version)} is not supported; this reader knows version ${CHECKPOINT_VERSION}`,
    );
  }
  checkHeader(header);
  const dataStart = Math.ceil(headerEnd / DATA_ALIGNMENT) * DATA_ALIGNMENT;
  for (const t of header.tensors) {
    const end = dataStart + t.offset + 4 * t.length;
    if (end > bytes.length)
      throw new CheckpointError(
        'length',
        `truncated: tensor ${t.name} ends at byte ${end}, the file has ${bytes.length}`,
      );
  }
  verifyChecksum(bytes, header, headerEnd);
  const tensors = new Map<string, Float32Array>();
  for (const t of header.tensors) {
    const values = new Float32Array(t.length);
    const at = dataStart + t.offset;
    for (let i = 0; i < t.length; i++) values[i] = view.getFloat32(at + 4 * i, true);
    tensors.set(t.name, values);
  }
  return { header, tensors };
}

function parseHeader(text: Uint8Array): CheckpointHeader {
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(text));
  } catch (e) {
    throw new CheckpointError('header', `is not valid UTF-8 JSON (${(e as Error).message})`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new CheckpointError('header', 'is not a JSON object');
  return parsed as CheckpointHeader;
}

// The CRC covers the header with its (last) checksum member cut out, then every byte after the header.
function verifyChecksum(bytes: Uint8Array, header: CheckpointHeader, headerEnd: number): void {
  const stored = header.checksum;
  if (stored?.algorithm !== 'crc32' || typeof stored.value !== 'string') {
    throw new CheckpointError(
      'checksum',
      `must be { algorithm: 'crc32', value: '<8 hex digits>' }, got ${JSON.stringify(stored)}`,
    );
  }
  const suffix = new TextEncoder().encode(checksumSuffix(stored.value));
  const tail = bytes.subarray(headerEnd - suffix.length, headerEnd);
  if (!suffix.every((b, i) => tail[i] === b))
    throw new CheckpointError('checksum', `must be the header's last member, written ${checksumSuffix('…')}`);
  let crc = crc32(bytes.subarray(PREAMBLE_BYTES, headerEnd - suffix.length));
  crc = crc32(bytes.subarray(headerEnd), crc32(CLOSING_BRACE, crc));
  if (hex32(crc) !== stored.value) {
    throw new CheckpointError(
      'checksum',
      `mismatch: stored crc32 ${stored.value}, computed ${hex32(crc)}; the file is corrupt`,
    );
  }
}
