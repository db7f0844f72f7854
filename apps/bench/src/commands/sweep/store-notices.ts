import type { CorruptResult } from '@rfa/sweeps';

/** What the CLI says when a damaged result file is found in a sweep's store. */
export const reportCorrupt = (c: CorruptResult) =>
  console.error(
    `${c.file}: ${c.problem}; moved to ${c.movedTo}, and job ${c.id} counts as not run (it runs again)`,
  );
