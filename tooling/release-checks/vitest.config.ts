import { defineRfaConfig } from '@rfa/vitest-config';

// The pack test installs tarballs with npm and runs every example: minutes, not seconds.
export default defineRfaConfig({ test: { testTimeout: 600_000, hookTimeout: 900_000 } });
