import { Redis, type RedisOptions } from 'ioredis';
import { UserError } from '../cli/errors.ts';
import { PASSWORD_ENV, redact, type RedisTarget } from './redis-target.ts';

/**
 * Connects once, failing fast with a message that says what to check: the server, the password
 * or the TLS setup. Nothing in it reveals a secret.
 */
export async function checkConnection(target: RedisTarget): Promise<void> {
  const client = new Redis({ ...(target.connection as RedisOptions), lazyConnect: true, maxRetriesPerRequest: 0, enableOfflineQueue: false, retryStrategy: () => null, connectTimeout: 5000 });
  // the cause (refused, wrong password, bad certificate) comes as an event; the call only says "closed"
  let cause: Error | undefined;
  client.on('error', (error: Error) => (cause ??= error));
  try {
    await client.connect();
    await client.ping();
  } catch (error) {
    const reason = cause ?? error;
    const message = redact(reason instanceof Error ? reason.message : String(reason), target.secrets);
    const hint = /WRONGPASS|NOAUTH|invalid password|invalid username/i.test(message)
      ? `check the user and password (in the URL, or in ${PASSWORD_ENV})`
      : /ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|ETIMEDOUT|timed? ?out/i.test(message)
        ? `is redis-server running there and reachable from this machine?${target.display.startsWith('rediss:') ? ' Does it speak TLS on that port (rediss://), or plain Redis (redis://)?' : ''}`
        : /certificate|SSL|TLS|self.signed|EPROTO|ECONNRESET/i.test(message)
          ? 'for a TLS server use rediss:// and, for a private certificate authority, --tls-ca FILE'
          : undefined;
    throw new UserError('QUEUE_UNREACHABLE', `cannot use the queue at ${target.display}: ${message}`, hint);
  } finally {
    client.disconnect();
  }
}

/** A client that reconnects by itself; `onError` hears of a lost connection (redacted). */
export function redisClient(target: RedisTarget, onError: (message: string) => void): Redis {
  const client = new Redis(target.connection as RedisOptions);
  client.on('error', (error: Error) => onError(redact(error.message, target.secrets)));
  return client;
}

/** Calls `say` at most once every `seconds` (connection errors repeat on every retry). */
export function throttled(say: (line: string) => void, seconds = 10): (line: string) => void {
  let last = -Infinity;
  return (line) => {
    const now = performance.now();
    if (now - last >= seconds * 1000) {
      last = now;
      say(line);
    }
  };
}

/** Waits `ms`, or less if `signal` aborts. */
export function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
