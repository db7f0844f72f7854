import { MissingPackageError, UnsupportedError } from '@rfa/tensor';

/** The `gl` version the headlessgl mode is tested with (the optional peer dependency). */
const GL_VERSION = '8.1.6';

type NodeRequire = ((id: string) => unknown) & { resolve(id: string): string };

/** `require` as gpu.js sees it (gpu.js loads gl itself); undefined outside Node. */
function gpuJsRequire(): NodeRequire | undefined {
  const nodeProcess = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const mod = nodeProcess?.getBuiltinModule?.('node:module') as
    | { createRequire(from: string): NodeRequire }
    | undefined;
  if (!mod) return undefined;
  return mod.createRequire(mod.createRequire(import.meta.url).resolve('gpu.js'));
}

/**
 * Why the headlessgl mode cannot run in this Node process, as the error to throw:
 * `MissingPackageError` ('gl') when the optional `gl` package is not installed, otherwise
 * `UnsupportedError` saying what failed (a build that did not finish, no X display).
 */
export function headlessGlError(op: string): Error {
  const require = gpuJsRequire();
  if (!require) {
    return new UnsupportedError(`${op}: gpu.js mode 'headlessgl' runs only in Node`);
  }
  let path: string;
  try {
    path = require.resolve('gl');
  } catch {
    return new MissingPackageError(
      'gl',
      `${op}: gpu.js mode 'headlessgl' needs the optional package gl, which is not installed: ` +
        `npm i gl@${GL_VERSION} (it builds from source: apt-get install -y build-essential python3 ` +
        'libxi-dev libxext-dev libgl1-mesa-dev; run under xvfb-run where there is no display)',
    );
  }
  try {
    const createContext = require(path) as (w: number, h: number) => unknown;
    if (!createContext(1, 1)) {
      return new UnsupportedError(
        `${op}: gpu.js mode 'headlessgl': gl loaded but made no context (no X display? run under xvfb-run)`,
      );
    }
  } catch (err) {
    return new UnsupportedError(
      `${op}: gpu.js mode 'headlessgl': the gl package is installed but does not load ` +
        `(${(err as Error).message.split('\n')[0]}); rebuild it: npm rebuild gl`,
    );
  }
  return new UnsupportedError(`${op}: gpu.js mode 'headlessgl': gl works but gpu.js rejected it`);
}
