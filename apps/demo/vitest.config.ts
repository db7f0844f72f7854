import { defineRfaConfig } from '@rfa/vitest-config';

// unit tests beside the code; the end-to-end suite drives the built app in Chromium
export default defineRfaConfig({ test: { testTimeout: 180_000, hookTimeout: 180_000 } });
