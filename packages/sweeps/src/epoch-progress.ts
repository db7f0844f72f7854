/** A queue job's progress after a scored epoch; between them its progress is the job's fraction done. */
export interface EpochProgress {
  epoch: number;
  metrics: Record<string, number>;
}

/** The epoch report in a queue job's progress data, or null for a fraction (or anything else). */
export function epochProgress(data: unknown): EpochProgress | null {
  if (typeof data !== 'object' || data === null) return null;
  const { epoch, metrics } = data as Partial<EpochProgress>;
  return typeof epoch === 'number' && typeof metrics === 'object' && metrics !== null
    ? { epoch, metrics }
    : null;
}
