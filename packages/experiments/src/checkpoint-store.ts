/**
 * Where runs keep checkpoints and finished results between sessions: a folder in Node
 * (`directoryStore` in `@rfa/experiments/node`), memory in a test or a page.
 */
export interface CheckpointStore {
  load(key: string): Promise<Uint8Array | null>;
  save(key: string, bytes: Uint8Array): Promise<void>;
  remove(key: string): Promise<void>;
  /** Where `key` is kept, for error messages (a folder store gives the file's path). */
  describe?(key: string): string;
}

/** A store in a Map: for tests, and pages that resume within one visit. */
export function memoryStore(): CheckpointStore & { readonly entries: Map<string, Uint8Array> } {
  const entries = new Map<string, Uint8Array>();
  return {
    entries,
    load: async (key) => entries.get(key) ?? null,
    save: async (key, bytes) => {
      entries.set(key, bytes.slice());
    },
    remove: async (key) => {
      entries.delete(key);
    },
  };
}

/** FNV-1a over a string, as 8 hex digits: names a config in store keys. */
export function contentHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}
