import type { Backend } from './backend.js';
import { BackendStartError, UnknownBackendError } from './errors.js';
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

/** A backend that was tried and did not start, and why. */
export interface BackendFailure {
  name: string;
  reason: string;
}

export interface ChooseBackendOptions {
  /** Options for each backend's factory, by backend name: `{ gpu: { mode: 'webgl2' }, cpu: { threads: 2 } }`. */
  options?: Readonly<Record<string, Record<string, unknown>>>;
  /** false: try the requested backend only, and throw if it does not start. Default true. */
  fallback?: boolean;
}

/** The backend that started, and the ones tried before it. */
export interface ChosenBackend {
  backend: Backend;
  /** The registered name of the backend that started. */
  name: string;
  /** Each backend tried before this one, with why it did not start; empty when the first one did. */
  failures: BackendFailure[];
}

/**
 * The order `chooseBackend` tries backends in: the requested one, then every other
 * registered backend from the highest priority down. With both shipped backends that is
 * `gpu → cpu` and `cpu → gpu`, so the CPU backend (priority 10) is the last resort
 * whenever anything else is asked for. Without a name: every registered backend by priority.
 */
export function fallbackOrder(name?: string): string[] {
  const byPriority = listBackends();
  if (name === undefined) return byPriority;
  return [name, ...byPriority.filter((n) => n !== name)];
}

/**
 * Starts the requested backend, falling back along `fallbackOrder(name)` when it is not
 * available here or its factory throws; says which one started and why the others did
 * not. An unregistered name throws `UnknownBackendError` at once (a typo never falls
 * back); when nothing starts, `BackendStartError` lists every backend tried and its reason.
 * @example
 * import '@rfa/backend-cpu';
 * import '@rfa/backend-gpu';
 * const { backend, name, failures } = await chooseBackend('gpu', { options: { gpu: { mode: 'webgl2' } } });
 * if (failures.length) console.warn(`running on ${name}: ${failures.map((f) => `${f.name}: ${f.reason}`).join('; ')}`);
 */
export async function chooseBackend(
  name?: string,
  choice: ChooseBackendOptions = {},
): Promise<ChosenBackend> {
  if (name !== undefined && !factories.get(name)) throw unknownName('chooseBackend', name);
  const order = name !== undefined && choice.fallback === false ? [name] : fallbackOrder(name);
  const failures: BackendFailure[] = [];
  for (const n of order) {
    const factory = factories.get(n);
    if (!factory) continue;
    if (factory.isAvailable && !factory.isAvailable()) {
      failures.push({ name: n, reason: 'not available here' });
      continue;
    }
    try {
      const backend = await factory.create(choice.options?.[n]);
      return { backend, name: n, failures };
    } catch (err) {
      failures.push({ name: n, reason: err instanceof Error ? err.message : String(err) });
    }
  }
  throw new BackendStartError(failures);
}

/**
 * Creates the backend registered as `name` (its factory's error, if any, passes through),
 * or, without a name, the first along `fallbackOrder()` that starts; `options` go to
 * whichever factory is called. `chooseBackend` also says which one started and why.
 * @example
 * import '@rfa/backend-cpu'; // registers 'cpu'
 * const backend = await createBackend('cpu');
 */
export async function createBackend(name?: string, options?: Record<string, unknown>): Promise<Backend> {
  if (name === undefined) {
    const perBackend = options && Object.fromEntries(listBackends().map((n) => [n, options]));
    return (await chooseBackend(undefined, { options: perBackend })).backend;
  }
  const factory = factories.get(name);
  if (!factory) throw unknownName('createBackend', name);
  return factory.create(options);
}

function unknownName(op: string, name: string): UnknownBackendError {
  return new UnknownBackendError(
    `${op}: no backend named '${name}' (registered: ${listBackends().join(', ') || 'none'}; import a backend package to register it)`,
  );
}
