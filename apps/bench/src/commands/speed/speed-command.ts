import { resolve } from 'node:path';
import { writeJsonAtomic } from '../../report/write-atomic.js';
import { runBrowserSpeed } from '../../speed/browser/browser-race.js';
import { runSpeed } from '../../speed/run-speed.js';
import { speedTable } from '../../speed/speed-table.js';
import { parseSpeedArgs } from './speed-args.js';

export const SPEED_HELP = `pnpm bench speed [options]
  Training throughput (examples/s) of one step loop (forward, backward, SGD update) of the
  784-1000-10 logistic network of Fig. 3a, per implementation, and gemm GFLOP/s of (128×784)·(784×1000).
  --peers              also train the same network with TensorFlow.js (cpu and wasm backends)
  --browser            race in headless Chromium instead (page served cross-origin isolated by the bench):
                       rfa-cpu (wasm SIMD, 1 and N threads), rfa-gpu (webgl2, webgpu), tfjs-wasm (SIMD,
                       1 and N threads), tfjs-webgl, tfjs-webgpu; GPU rows on a software adapter are labelled
  --threads N          N of --browser's N-thread rows, the same for rfa and tfjs (default: the browser's
                       cores, at most 4)
  --backend cpu|gpu|all  rfa backends to time (default cpu; gpu: every gpu.js mode that works)
  --gpu-modes M,...    only these gpu.js modes (webgl2, webgl, webgpu, headlessgl, webasm, cpu); with --browser
                       they pick tfjs's GPU rows too (webgl2/webgl: tfjs-webgl, webgpu: tfjs-webgpu); none: no GPU rows
  --batch 1,32,128     batch sizes
  --layers 784-1000-10 layer sizes (logistic units throughout)
  --workload lenet     train the LeNet experiments' network instead (conv 5×5×6 → max pool → conv 5×5×16 →
                       max pool → 120 → 84 → 10, tanh, softmax cross-entropy) on 28×28×1 examples: in Node,
                       rfa-cpu (1 thread and the default) against tfjs-wasm (bp), no gemm rows; with
                       --browser, every contender of the browser race (tfjs trains it by bp only)
  --rules bp,fa        learning rules
  --seconds S          seconds per timed run (default 1); --rounds N (default 3), median reported
  --warmup S           untimed seconds per implementation first (default 2 × --seconds: JIT tier-up)
  --loss-every N       read the loss back every N steps (default 50, same for every implementation)
  --no-gemm            skip the gemm rows
  --json FILE          write the rows as JSON`;

export async function speedCommand(argv: string[]): Promise<number> {
  if (argv.includes('--help')) {
    console.log(SPEED_HELP);
    return 0;
  }
  const args = parseSpeedArgs(argv);
  const log = (line: string) => console.error(line);
  const report = args.browser ? await runBrowserSpeed({ ...args, log }) : await runSpeed({ ...args, log });
  console.log(
    `\n${[...report.header, ...report.skipped].join('\n')}\n\n${speedTable(report.rows) || 'nothing was timed'}`,
  );
  if (args.json) {
    await writeJsonAtomic(resolve(args.json), report.rows);
    console.log(`\nrows: ${resolve(args.json)}`);
  }
  return 0;
}
