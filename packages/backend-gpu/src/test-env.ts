import { createRequire } from 'node:module';

/** Why headlessgl cannot run in this process, or undefined when it can. */
export function headlessGlSkipReason(): string | undefined {
  if (!process.env.DISPLAY) return 'headlessgl needs an X display (run under xvfb-run; install xvfb)';
  try {
    const gl = createRequire(import.meta.url)('gl') as (w: number, h: number) => unknown;
    if (!gl(1, 1)) return 'the gl package loaded but could not create a context on this display';
  } catch (err) {
    return `headlessgl needs the gl package built from source (apt-get install -y libxi-dev libxext-dev build-essential python3): ${(err as Error).message.split('\n')[0]}`;
  }
  return undefined;
}
