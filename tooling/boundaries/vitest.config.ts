import { defineRfaConfig } from '@rfa/vitest-config';

// knip and dependency-cruiser start in seconds each, on a loaded machine in tens of seconds
export default defineRfaConfig({ test: { testTimeout: 180_000 } });
