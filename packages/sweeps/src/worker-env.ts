/** Environment variables through which a queue worker hands its options to its job threads. */
export const WORKER_ENV = {
  checkpointDir: 'RFA_SWEEP_CHECKPOINT_DIR',
  checkpointSeconds: 'RFA_SWEEP_CHECKPOINT_SECONDS',
  dataDir: 'RFA_SWEEP_DATA_DIR',
} as const;
