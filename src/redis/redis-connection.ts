import type { RedisOptions } from 'ioredis';

/** ioredis options from REDIS_URL (host, port, password, db, TLS for rediss://). */
export function redisOptions(url: string): RedisOptions {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port || 6379),
    username: u.username ? decodeURIComponent(u.username) : undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    db: u.pathname.length > 1 ? Number(u.pathname.slice(1)) : 0,
    tls: u.protocol === 'rediss:' ? {} : undefined,
  };
}

/** Workers block on Redis and must retry forever (BullMQ requires maxRetriesPerRequest: null). */
export function workerConnection(url: string): RedisOptions {
  return {
    ...redisOptions(url),
    maxRetriesPerRequest: null,
    retryStrategy: (times) => Math.min(200 * times, 2_000),
  };
}

/**
 * Everything that is not a worker fails fast instead of queueing commands
 * while Redis is away, so callers can degrade: producers (the API enqueueing
 * after a commit must answer; the outbox sweeper enqueues again later), rate
 * limits and health checks.
 */
export function failFastConnection(url: string): RedisOptions {
  return {
    ...redisOptions(url),
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2_000,
    retryStrategy: (times) => Math.min(200 * times, 2_000),
  };
}
