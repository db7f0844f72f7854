import { Redis } from 'ioredis';
import { QueueUnreachableError } from './errors.js';
import { redactSecretIn, redactUrl } from './redact-url.js';

/** The BullMQ queue sweeps use unless told otherwise. */
export const DEFAULT_QUEUE_NAME = 'rfa-sweeps';

/**
 * Redis ACL rules enough for every rfa queue role (submit, work, collect, wait): BullMQ's keys
 * (`bull:*`, whatever the queue's name), no pub/sub channels, and no dangerous command but
 * INFO and CLIENT SETNAME, which BullMQ uses. For `ACL SETUSER <user> on ><password> …`.
 */
export const QUEUE_ACL_RULES =
  'resetkeys ~bull:* resetchannels -@all +@read +@write +@scripting +@connection -@dangerous +info +client|setname';

/** Where the queue is and what it is called. */
export interface QueueLocation {
  /** `redis://[user:password@]host:port[/db]` (or `rediss://` for TLS). */
  url: string;
  /** Default `rfa-sweeps`. */
  queueName?: string;
}

/** BullMQ connection options for `url`; commands wait for a reconnect (workers must not drop a lock renewal). */
export const connectionFor = (url: string) => ({ url, maxRetriesPerRequest: null });

/**
 * Checks that Redis answers at `url` within `timeoutMs` (default 3 s), with one connection
 * that neither retries nor queues commands; QueueUnreachableError names the URL and why.
 * The URL's password never appears in the message (`redactUrl`).
 * Producers call it before they send anything, so an unreachable queue enqueues nothing.
 * @example
 * await assertQueueReachable('redis://127.0.0.1:6379');
 */
export async function assertQueueReachable(url: string, timeoutMs = 3000): Promise<void> {
  if (!/^rediss?:\/\//.test(url))
    throw new QueueUnreachableError(`--queue '${redactUrl(url)}': expected a redis://host:port URL`);
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    commandTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  });
  let cause: Error | undefined;
  redis.on('error', (err: Error) => {
    cause ??= err; // the first error says why (ECONNREFUSED, ENOTFOUND, NOAUTH…); reported below
  });
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      redis.connect().then(() => redis.ping()),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
  } catch (err) {
    throw new QueueUnreachableError(
      `cannot reach the queue's Redis at ${redactUrl(url)}: ${redactSecretIn((cause ?? (err as Error)).message || String(err), url)} (is redis-server running there? nothing was queued)`,
    );
  } finally {
    clearTimeout(timer);
    redis.disconnect();
  }
}
