// The package's test command: runs vitest under xvfb-run when there is no display
// (so the headlessgl suites run), and says plainly which suites will be skipped and why.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const onPath = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
const require = createRequire(import.meta.url);

function glProblem() {
  try {
    require('gl');
    return null;
  } catch (err) {
    return `the gl package is not built (apt-get install -y libxi-dev libxext-dev build-essential python3, then pnpm rebuild gl): ${String(err.message).split('\n')[0]}`;
  }
}

const useXvfb = !process.env.DISPLAY && onPath('xvfb-run');
const skips = [];
const gl = glProblem();
if (gl) skips.push(`headlessgl suites (conformance, memory): ${gl}`);
else if (!process.env.DISPLAY && !useXvfb)
  skips.push(
    'headlessgl suites (conformance, memory): no X display and no xvfb-run (apt-get install -y xvfb)',
  );
if (!existsSync('/usr/bin/chromium'))
  skips.push('browser suites (webgl2, webgpu): /usr/bin/chromium is missing (apt-get install -y chromium)');

console.log(
  `@rfa/backend-gpu tests: ${useXvfb ? 'under xvfb-run -a' : process.env.DISPLAY ? `on DISPLAY ${process.env.DISPLAY}` : 'without a display'}`,
);
if (skips.length === 0)
  console.log('all suites will run: webasm, cpu, headlessgl, browser webgl2 and webgpu');
for (const s of skips) console.log(`SKIPPED: ${s}`);

const vitest = ['vitest', 'run', ...process.argv.slice(2)];
const [cmd, args] = useXvfb ? ['xvfb-run', ['-a', 'npx', ...vitest]] : ['npx', vitest];
const run = spawnSync(cmd, args, { stdio: 'inherit' });
for (const s of skips) console.log(`SKIPPED: ${s}`);
process.exit(run.status ?? 1);
