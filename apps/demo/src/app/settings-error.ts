/** A specific, user-facing reason the settings cannot run, naming the field at fault. */
export class SettingsError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'SettingsError';
  }
}
