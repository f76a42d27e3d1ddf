import { Queue } from 'bullmq';
import { checkConnection, redisClient } from './connect.ts';
import { PREFIX, REGISTRY, sweepKey } from './queue-keys.ts';
import { redactError, type RedisTarget } from './redis-target.ts';

export interface QueueStatus {
  queue: string;
  name: string;
  planned: number;
  stored: number;
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
  /** finished batches not yet stored by the gatherer */
  completed: number;
  /** connected BullMQ workers, when the server lets us list clients */
  workers?: number;
}

/** Progress of every sweep registered on a Redis server. */
export async function queueStatus(target: RedisTarget): Promise<QueueStatus[]> {
  try {
    await checkConnection(target);
    const redis = redisClient(target, () => undefined);
    try {
      const out: QueueStatus[] = [];
      for (const queue of (await redis.smembers(REGISTRY)).sort()) {
        const info = await redis.hgetall(sweepKey(queue));
        const q = new Queue(queue, { connection: target.connection, prefix: PREFIX });
        q.on('error', () => undefined);
        try {
          const counts = await q.getJobCounts('waiting', 'prioritized', 'active', 'delayed', 'failed', 'completed');
          const workers = await q.getWorkersCount().catch(() => undefined);
          out.push({
            queue,
            name: info.name ?? '(unknown)',
            planned: Number(info.planned ?? 0),
            stored: Number(info.stored ?? 0),
            waiting: (counts.waiting ?? 0) + (counts.prioritized ?? 0),
            active: counts.active ?? 0,
            delayed: counts.delayed ?? 0,
            failed: counts.failed ?? 0,
            completed: counts.completed ?? 0,
            ...(workers !== undefined ? { workers } : {}),
          });
        } finally {
          await q.close();
        }
      }
      return out;
    } finally {
      redis.disconnect();
    }
  } catch (error) {
    throw redactError(error, target.secrets);
  }
}
