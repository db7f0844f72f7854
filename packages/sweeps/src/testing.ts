/**
 * @rfa/sweeps/testing — for tests that need a real Redis: a throwaway `redis-server` on a
 * free loopback port, and why such tests are skipped where there is no binary.
 */
export {
  freePort,
  redisServerBinary,
  redisSkipReason,
  startRedis,
  type TestRedis,
  type TestRedisOptions,
} from './testing/redis-server.js';
