import type { Backend } from './backend.js';
import { UnknownBackendError } from './errors.js';
import { globalState } from './global-state.js';

export interface BackendFactory {
  /** Name to ask for: 'cpu', 'gpu', ... */
  name: string;
  /** Higher wins when no name is given. */
  priority: number;
  /** Builds the backend; may be asynchronous (GPU contexts). */
  create: (options?: Record<string, unknown>) => Backend | Promise<Backend>;
  /** Cheap check whether `create` can work here; default: yes. */
  isAvailable?: () => boolean;
}

// One registry per process, shared by every loaded copy of this package (ESM and CJS builds).
const factories = globalState('registry/v1', () => new Map<string, BackendFactory>());

/** Registers (or replaces) a backend factory under its name. */
export function registerBackend(factory: BackendFactory): void {
  factories.set(factory.name, factory);
}

export function unregisterBackend(name: string): void {
  factories.delete(name);
}

/** Registered names, highest priority first. */
export function listBackends(): string[] {
  return [...factories.values()].sort((a, b) => b.priority - a.priority).map((f) => f.name);
}

/**
 * Creates the backend registered as `name`, or, without a name, the available one
 * of highest priority (falling through to the next when one fails to start).
 * @example
 * import '@rfa/backend-cpu'; // registers 'cpu'
 * const backend = await createBackend('cpu');
 */
export async function createBackend(name?: string, options?: Record<string, unknown>): Promise<Backend> {
  if (name !== undefined) {
    const f = factories.get(name);
    if (!f) {
      throw new UnknownBackendError(
        `createBackend: no backend named '${name}' (registered: ${listBackends().join(', ') || 'none'}; import a backend package to register it)`,
      );
    }
    return f.create(options);
  }
  const failures: string[] = [];
  for (const n of listBackends()) {
    const f = factories.get(n)!;
    if (f.isAvailable && !f.isAvailable()) {
      failures.push(`${n}: not available`);
      continue;
    }
    try {
      return await f.create(options);
    } catch (err) {
      failures.push(`${n}: ${(err as Error).message}`);
    }
  }
  throw new UnknownBackendError(
    `createBackend: no backend could start (${failures.join('; ') || 'none registered; import @rfa/backend-cpu'})`,
  );
}
