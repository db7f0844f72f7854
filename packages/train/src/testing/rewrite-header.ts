// Test helper: edits a checkpoint's JSON header and re-signs it, so a test can build a
// well-formed file that differs in one field (version, shapes, ...).
import { crc32 } from '../checkpoint/crc32.js';
import { checksumSuffix, DATA_ALIGNMENT, hex32, PREAMBLE_BYTES } from '../checkpoint/format.js';

export function rewriteHeader(
  bytes: Uint8Array,
  edit: (header: Record<string, unknown>) => void,
): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const oldEnd = PREAMBLE_BYTES + view.getUint32(8, true);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(PREAMBLE_BYTES, oldEnd)));
  const data = bytes.subarray(Math.ceil(oldEnd / DATA_ALIGNMENT) * DATA_ALIGNMENT);
  delete header.checksum;
  edit(header);
  const bareText = JSON.stringify(header);
  const length = bareText.length - 1 + checksumSuffix(hex32(0)).length;
  const dataStart = Math.ceil((PREAMBLE_BYTES + length) / DATA_ALIGNMENT) * DATA_ALIGNMENT;
  const out = new Uint8Array(dataStart + data.length);
  out.set(data, dataStart);
  const crc = crc32(out.subarray(PREAMBLE_BYTES + length), crc32(new TextEncoder().encode(bareText)));
  out.set(bytes.subarray(0, 8), 0);
  new DataView(out.buffer).setUint32(8, length, true);
  out.set(new TextEncoder().encode(bareText.slice(0, -1) + checksumSuffix(hex32(crc))), PREAMBLE_BYTES);
  return out;
}
