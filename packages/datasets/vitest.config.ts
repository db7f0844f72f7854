import { defineRfaConfig } from '@rfa/vitest-config';

// --expose-gc: the MNIST memory test collects garbage before measuring.
export default defineRfaConfig({ test: { execArgv: ['--expose-gc'] } });
