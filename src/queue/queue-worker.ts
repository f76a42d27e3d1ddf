import { Worker, type Job } from 'bullmq';
import { Piscina } from 'piscina';
import { PACKAGE_VERSION } from '../io/run-files.ts';
import { sweepWorkerFile } from '../io/sweep-runner.ts';
import type { TaskResult } from '../sweep/run-points.ts';
import { batchSize, batchTask, type SweepContext } from '../sweep/sweep-batches.ts';
import { checkConnection, pause, redisClient, throttled } from './connect.ts';
import { PREFIX, REGISTRY, sweepKey } from './queue-keys.ts';
import type { BatchJob } from './queue-sweep.ts';
import { redact, redactError, type RedisTarget } from './redis-target.ts';

export interface WorkerOptions {
  threads: number;
  /** a batch whose worker stops renewing its lock for this long is given to another worker */
  stalledSeconds: number;
  /** exit after this long with no batch to run (never, if undefined) */
  idleExitSeconds?: number;
  signal?: AbortSignal;
  log: (line: string) => void;
}

/**
 * Serves every sweep registered on a Redis server: for each, a BullMQ worker takes up to
 * `threads` batches at a time and runs them on a pool of that many threads. Stops on `signal`
 * after finishing the batches it holds, so none is lost; a worker killed outright loses its lock
 * and the batch goes back to the queue for another worker.
 */
export async function runWorker(target: RedisTarget, options: WorkerOptions): Promise<{ batches: number; runs: number }> {
  try {
    return await serve(target, options);
  } catch (error) {
    throw redactError(error, target.secrets);
  }
}

async function serve(target: RedisTarget, options: WorkerOptions): Promise<{ batches: number; runs: number }> {
  const { log } = options;
  await checkConnection(target);
  const warn = throttled((line) => log(`worker: ${line}`));
  const redis = redisClient(target, warn);
  const pool = new Piscina({ filename: sweepWorkerFile(), minThreads: options.threads, maxThreads: options.threads, idleTimeout: 60_000 });
  const serving = new Map<string, Worker<BatchJob, TaskResult, 'batch'>>();
  const refused = new Set<string>();
  let busy = 0;
  let lastBusy = performance.now();
  let batches = 0;
  let runs = 0;
  log(`worker: ${options.threads} thread${options.threads === 1 ? '' : 's'}, waiting for sweeps on ${target.display}`);

  const start = async (queue: string) => {
    const info = await redis.hgetall(sweepKey(queue));
    if (!info.context) return;
    const context = JSON.parse(info.context) as SweepContext & { version: string };
    if (context.version !== PACKAGE_VERSION) {
      // another version may give other results: leave its batches to workers of that version
      refused.add(queue);
      log(`worker: not serving sweep "${info.name}" (${queue}): it was started by detente ${context.version}, this is ${PACKAGE_VERSION}`);
      return;
    }
    const worker = new Worker<BatchJob, TaskResult, 'batch'>(
      queue,
      async (job: Job<BatchJob, TaskResult, 'batch'>) => {
        busy++;
        try {
          const n = batchSize(job.data.points);
          log(`worker: batch ${job.id} of "${info.name}": ${n} runs${job.attemptsMade > 0 || job.stalledCounter > 0 ? ' (again)' : ''}`);
          const result = (await pool.run(batchTask(context, job.data.points))) as TaskResult;
          batches++;
          runs += n;
          return result;
        } finally {
          busy--;
          lastBusy = performance.now();
        }
      },
      {
        connection: target.connection,
        prefix: PREFIX,
        concurrency: options.threads,
        lockDuration: options.stalledSeconds * 1000,
        stalledInterval: (options.stalledSeconds * 1000) / 2,
        maxStalledCount: 3,
      },
    );
    worker.on('error', (error) => warn(redact(error.message, target.secrets)));
    serving.set(queue, worker);
    log(`worker: serving sweep "${info.name}" (${queue})`);
  };

  try {
    while (!options.signal?.aborted) {
      const names = new Set(await redis.smembers(REGISTRY));
      for (const queue of names) if (!serving.has(queue) && !refused.has(queue)) await start(queue);
      for (const [queue, worker] of serving) {
        if (!names.has(queue)) {
          serving.delete(queue);
          await worker.close();
          log(`worker: sweep ${queue} is complete`);
        }
      }
      if (options.idleExitSeconds !== undefined && busy === 0 && performance.now() - lastBusy > options.idleExitSeconds * 1000) {
        log(`worker: nothing to do for ${options.idleExitSeconds} s; exiting`);
        break;
      }
      await pause(1000, options.signal);
    }
  } finally {
    // close() lets the batches in hand finish and hands in their results
    await Promise.all([...serving.values()].map((w) => w.close()));
    await pool.destroy();
    redis.disconnect();
  }
  return { batches, runs };
}
