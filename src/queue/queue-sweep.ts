import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { Queue, type Job } from 'bullmq';
import type { LoadedSweep } from '../io/load-sweep-spec.ts';
import { PACKAGE_VERSION, sha256 } from '../io/run-files.ts';
import { BATCH_RUNS, openSweepStore, prepareSweep, STORE_FILE, type SweepOutcome, type SweepProgress } from '../io/sweep-runner.ts';
import type { TaskResult } from '../sweep/run-points.ts';
import { batchSize, pendingRuns, sweepBatches, type BatchPoint } from '../sweep/sweep-batches.ts';
import { checkConnection, pause, redisClient, throttled } from './connect.ts';
import { UserError } from '../cli/errors.ts';
import { gathererKey, PREFIX, queueName, REGISTRY, sweepKey } from './queue-keys.ts';
import { redact, redactError, type RedisTarget } from './redis-target.ts';

/** What a batch job carries; the scenario and the rest of its context are in the registry. */
export interface BatchJob {
  points: BatchPoint[];
}

/** How often a batch is tried when its worker throws, and how long to wait between tries. */
export const BATCH_ATTEMPTS = 3;
const BACKOFF_MS = 2000;
/** States in which a batch is still to be run or being run. */
const QUEUED = ['waiting', 'active', 'delayed', 'prioritized', 'waiting-children'] as const;
/** How long the gatherer's claim outlives its last renewal: a dead gatherer blocks a new one this long. */
const CLAIM_MS = 15_000;

export interface QueueSweepOutcome extends SweepOutcome {
  queue: string;
}

/**
 * Runs a sweep through a Redis queue: enqueues the batches the store lacks, then stores each
 * finished batch as it arrives, each in one transaction, and removes it from the queue only once
 * stored. Stopping (`signal`) leaves the queue to the workers: the same command later gathers what
 * they finished and enqueues only what is still missing. When every batch is in, the queue and its
 * registry entry are deleted.
 */
export async function runQueueSweep(
  loaded: LoadedSweep,
  options: { out: string; target: RedisTarget; fresh?: boolean; signal?: AbortSignal; onProgress?: (p: SweepProgress) => void; onNote?: (line: string) => void; batchRuns?: number; pollMs?: number },
): Promise<QueueSweepOutcome> {
  const { target } = options;
  const note = options.onNote ?? (() => undefined);
  try {
    return await gather(loaded, options, target, note);
  } catch (error) {
    throw redactError(error, target.secrets);
  }
}

async function gather(
  loaded: LoadedSweep,
  options: Parameters<typeof runQueueSweep>[1],
  target: RedisTarget,
  note: (line: string) => void,
): Promise<QueueSweepOutcome> {
  const started = performance.now();
  const prepared = prepareSweep(loaded);
  const { plan } = prepared;
  await checkConnection(target);
  mkdirSync(options.out, { recursive: true });
  const file = join(options.out, STORE_FILE);
  const store = await openSweepStore(file, prepared, { ...(options.fresh ? { fresh: true } : {}), meta: { queue: target.display } });
  const name = queueName(prepared.hash);
  const warn = throttled((line) => note(`queue: ${line}`));
  const redis = redisClient(target, warn);
  const queue = new Queue<BatchJob, TaskResult, 'batch'>(name, { connection: target.connection, prefix: PREFIX });
  queue.on('error', (error) => warn(redact(error.message, target.secrets)));
  // Two gatherers of one sweep would each store part of it, and the first to finish would delete
  // the queue under the other: the first one claims the sweep.
  const claim = `${hostname()} pid ${process.pid} ${randomUUID()}`;
  let claimed = false;
  try {
    if ((await redis.set(gathererKey(name), claim, 'PX', CLAIM_MS, 'NX')) !== 'OK') {
      const holder = (await redis.get(gathererKey(name))) ?? 'another process';
      throw new UserError('QUEUE_BUSY', `this sweep is being gathered already (by ${holder.split(' ').slice(0, 3).join(' ')}), into its own store`, `stop that \`sweep --queue\` first; if it died, wait ${CLAIM_MS / 1000} s`);
    }
    claimed = true;
    const renew = async () => {
      if ((await redis.get(gathererKey(name))) !== claim) throw new Error('the claim on this sweep was lost (Redis restarted, or it expired while this process was stalled); run the same command again');
      await redis.pexpire(gathererKey(name), CLAIM_MS);
    };
    const total = plan.points.length * plan.replications;
    const countStored = async () => {
      const have = await store.storedReplicates();
      return plan.points.reduce((n, p) => n + Math.min(plan.replications, [...(have.get(p.key) ?? [])].filter((r) => r < plan.replications).length), 0);
    };
    await redis.hset(sweepKey(name), { name: loaded.spec.name, planned: String(total), stored: String(await countStored()), version: PACKAGE_VERSION, context: JSON.stringify({ ...prepared.context, version: PACKAGE_VERSION }) });
    await redis.sadd(REGISTRY, name);

    let ran = 0;
    let failedPoints = 0;
    const progress: SweepProgress = { done: 0, total, skipped: 0 };
    const collect = async () => {
      let any = false;
      for (;;) {
        await renew();
        const jobs = (await queue.getCompleted(0, 49)) as Job<BatchJob, TaskResult>[];
        if (jobs.length === 0) return any;
        for (const job of jobs) {
          // an empty return value is a batch whose worker was stopped before it finished
          if (job.returnvalue && Array.isArray(job.returnvalue.runs)) {
            const n = await store.writeBatch(plan, job.data.points, job.returnvalue);
            ran += n.runs;
            failedPoints += job.returnvalue.failed.length;
            progress.done = Math.min(progress.total, progress.done + n.runs + n.failedRuns);
          }
          // removed only once stored: a gatherer killed in between stores it again, harmlessly
          await job.remove();
        }
        any = true;
        await redis.hset(sweepKey(name), 'stored', String(progress.done));
        options.onProgress?.(progress);
      }
    };

    // What an earlier gatherer left: finished batches to store, failed ones to try again.
    await collect();
    await queue.clean(0, 0, 'failed');
    const stored = await store.storedReplicates();
    progress.done = progress.skipped = await countStored();
    ran = 0;
    // Batches still queued or running cover their runs: enqueue only what none covers.
    const covered = new Map([...stored].map(([k, v]) => [k, new Set(v)]));
    for (const job of (await queue.getJobs([...QUEUED])) as Job<BatchJob, TaskResult>[]) {
      for (const p of job?.data?.points ?? []) {
        let set = covered.get(p.key);
        if (!set) covered.set(p.key, (set = new Set()));
        for (const r of p.replicates) set.add(r);
      }
    }
    const pending = pendingRuns(plan, covered);
    const jobs = [...sweepBatches(loaded.spec, plan, pending, options.batchRuns ?? BATCH_RUNS)].map((points) => ({
      name: 'batch' as const,
      data: { points },
      opts: {
        // the same batch gets the same id, so enqueuing it twice runs it once
        jobId: `b${sha256(JSON.stringify(points.map((p) => [p.key, p.replicates]))).slice(0, 24)}`,
        attempts: BATCH_ATTEMPTS,
        backoff: { type: 'exponential', delay: BACKOFF_MS },
      },
    }));
    for (let k = 0; k < jobs.length; k += 500) {
      await renew();
      await queue.addBulk(jobs.slice(k, k + 500));
    }
    const queuedRuns = jobs.reduce((n, j) => n + batchSize(j.data.points), 0);
    note(`queue ${name} at ${target.display}: ${jobs.length} batch${jobs.length === 1 ? '' : 'es'} (${queuedRuns} runs) enqueued, ${progress.skipped} runs already stored; workers: detente worker --queue ${target.display}`);
    options.onProgress?.(progress);

    const pollMs = options.pollMs ?? 250;
    let lastProgress = performance.now();
    let lastHint = performance.now();
    for (;;) {
      await renew();
      if (await collect()) lastProgress = performance.now();
      const counts = await queue.getJobCounts(...QUEUED, 'completed', 'failed');
      if (counts.failed > 0) {
        const [job] = await queue.getFailed(0, 0);
        throw new Error(`batch ${job?.id ?? '?'} failed ${BATCH_ATTEMPTS} times on the workers: ${job?.failedReason ?? 'no reason given'}. The batches that finished are stored; run the same command again to retry the rest.`);
      }
      if (QUEUED.every((s) => !counts[s]) && !counts.completed) break;
      if (options.signal?.aborted) break;
      const idle = performance.now() - lastProgress;
      if (!counts.active && idle > 15_000 && performance.now() - lastHint > 30_000) {
        lastHint = performance.now();
        note(`queue: no batch is running; start workers with: detente worker --queue ${target.display}`);
      }
      await pause(pollMs, options.signal);
    }
    const interrupted = options.signal?.aborted ?? false;
    if (!interrupted) {
      await queue.obliterate({ force: true });
      await redis.srem(REGISTRY, name);
      await redis.del(sweepKey(name));
    }
    return { plan, file, total, ran, skipped: progress.skipped, failedPoints, interrupted, seconds: (performance.now() - started) / 1000, queue: name };
  } finally {
    if (claimed) await redis.eval("if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end", 1, gathererKey(name), claim).catch(() => undefined);
    await queue.close().catch(() => undefined);
    redis.disconnect();
    store.close();
  }
}
