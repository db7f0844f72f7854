/**
 * @rfa/sweeps/testing — for tests that need a real Redis: a throwaway `redis-server` on a
 * free loopback port (with a password or append-only persistence, and able to crash and come
 * back), a TCP proxy whose link can be cut, and why such tests are skipped where there is no binary.
 */
export {
  freePort,
  redisServerBinary,
  redisSkipReason,
  startRedis,
  type TestRedis,
  type TestRedisOptions,
} from './testing/redis-server.js';
export { startTcpProxy, type TcpProxy } from './testing/tcp-proxy.js';
