import { OptionError } from '@rfa/tensor';

/** `RFA_FIG4_SIZE=paper|reference`: the network of a full (not --quick) fig4 run. */
export const FIG4_SIZE_ENV = 'RFA_FIG4_SIZE';
/** `RFA_FIG4_EPOCHS=N`: epochs of a full fig4 run (the paper-size net takes ~25-30 min an epoch here). */
export const FIG4_EPOCHS_ENV = 'RFA_FIG4_EPOCHS';

/**
 * The full-run choices the reproduce CLI has no flags for, read from the
 * environment; a value that is set but unusable fails, naming the variable.
 */
export function fig4EnvChoices(env: NodeJS.ProcessEnv = process.env): {
  size: 'paper' | 'reference';
  epochs?: number;
} {
  const size = env[FIG4_SIZE_ENV] ?? 'reference';
  if (size !== 'paper' && size !== 'reference') {
    throw new OptionError(`${FIG4_SIZE_ENV} must be 'paper' or 'reference', got '${size}'`);
  }
  const raw = env[FIG4_EPOCHS_ENV];
  if (raw === undefined || raw === '') return { size };
  const epochs = Number(raw);
  if (!Number.isInteger(epochs) || epochs < 1) {
    throw new OptionError(`${FIG4_EPOCHS_ENV} must be a positive integer, got '${raw}'`);
  }
  return { size, epochs };
}
