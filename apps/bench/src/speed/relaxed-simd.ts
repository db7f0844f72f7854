import v8 from 'node:v8';

/**
 * Turns on WebAssembly relaxed SIMD where V8 keeps it behind a flag (Node 20's V8
 * 11.3; on by default from 11.4, Node 22), so the CPU backend's fused multiply-add
 * kernels can run. Must come before those kernels compile; harmless where the
 * feature is on already. The bench is an app, so a process-wide flag is its call.
 */
export function enableRelaxedSimd(): void {
  // Node 22+ (V8 11.4+) has it on and no longer knows the flag (it would print a warning)
  if (Number(process.versions.node.split('.')[0]) < 22)
    v8.setFlagsFromString('--experimental-wasm-relaxed-simd');
}
