import { describeConformance } from '@rfa/testkit/vitest';
import { createCpuBackend } from './cpu-backend.js';

describeConformance('cpu (plain JS kernels)', () => createCpuBackend());
