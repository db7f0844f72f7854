import { defineRfaConfig } from '@rfa/vitest-config';

export default defineRfaConfig();
