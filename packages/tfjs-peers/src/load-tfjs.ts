import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { TfjsLoadError } from './errors.js';
import type { TfjsPeer, TfjsRuntime, TfModule } from './peer.js';

// A computed specifier keeps a bundler from inlining TensorFlow.js into what imports this.
const importByName = (name: string): Promise<unknown> => import(name);

/**
 * Node: loads tfjs-core with its cpu and wasm backends, in production mode (correctness checks
 * off, as tfjs advises for speed). The wasm binaries come from the package's dist folder.
 */
export async function loadTfjs(): Promise<TfjsRuntime> {
  let tf: TfModule;
  let wasm: { setWasmPaths(prefix: string): void; getThreadsCount(): number };
  try {
    tf = (await importByName('@tensorflow/tfjs-core')) as TfModule;
    await importByName('@tensorflow/tfjs-backend-cpu');
    wasm = (await importByName('@tensorflow/tfjs-backend-wasm')) as typeof wasm;
  } catch (err) {
    throw new TfjsLoadError(
      `the TensorFlow.js peers need @tensorflow/tfjs-core, -backend-cpu and -backend-wasm 4.22.0 installed (${(err as Error).message})`,
    );
  }
  tf.enableProdMode();
  const require = createRequire(import.meta.url);
  wasm.setWasmPaths(`${dirname(require.resolve('@tensorflow/tfjs-backend-wasm'))}/`);
  const peers: TfjsPeer[] = [];
  if (await tf.setBackend('cpu'))
    peers.push({
      impl: 'tfjs-cpu',
      backendName: 'cpu',
      note: 'plain JavaScript kernels, one thread',
      threads: 1,
    });
  if (await tf.setBackend('wasm')) {
    const simd = Boolean(await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT'));
    const threads = Boolean(await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT'));
    const binary = `tfjs-backend-wasm${threads ? '-threaded' : ''}${simd ? '-simd' : ''}.wasm`;
    const why = threads
      ? `${wasm.getThreadsCount()} threads`
      : 'one thread: tfjs turns wasm threads off in Node (tfjs#3830)';
    peers.push({
      impl: 'tfjs-wasm',
      backendName: 'wasm',
      note: `${binary}, SIMD ${simd ? 'on' : 'off'}, ${why}`,
      threads: threads ? wasm.getThreadsCount() : 1,
    });
  }
  return { tf, version: tf.version_core, peers };
}
