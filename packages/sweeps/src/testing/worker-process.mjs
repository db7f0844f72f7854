// A queue worker in its own process, as `pnpm bench worker` runs one (the sweeps tests
// spawn two and SIGKILL one). Options come as JSON in argv[2]; it prints "ready <name>"
// once it takes jobs, "finished <job id>" after each, and "lock-lost <job id>…" when it gives jobs up, "connection-lost <why>" when Redis goes away.
import { startQueueWorker } from '../../dist/index.js';

const options = JSON.parse(process.argv[2]);
const worker = await startQueueWorker({
  ...options,
  onLockLost: (ids) => console.log(`lock-lost ${ids.join(' ')}`),
  onConnectionLost: (reason) => console.log(`connection-lost ${reason}`),
  onEvent: (e) => {
    if (e.type === 'finished') console.log(`finished ${e.job.id}`);
  },
});
console.log(`ready ${worker.name}`);
process.on('SIGTERM', () => worker.close().then(() => process.exit(0)));
