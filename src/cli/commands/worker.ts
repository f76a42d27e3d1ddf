import type { Argv } from 'yargs';
import { markInterrupted, UserError } from '../errors.ts';

/** The connection options shared by `sweep --queue`, `sweep status` and `worker`. */
export function withQueueOptions<T>(y: Argv<T>) {
  return y
    .option('tls-ca', { type: 'string', describe: 'with a rediss:// queue: the certificate authority (PEM) that signed the server\'s certificate' })
    .option('tls-cert', { type: 'string', describe: 'with a rediss:// queue: a client certificate (PEM), for servers that require one' })
    .option('tls-key', { type: 'string', describe: 'with a rediss:// queue: the client certificate\'s key (PEM)' });
}

export interface QueueConnectionArgs {
  'tls-ca'?: string;
  'tls-cert'?: string;
  'tls-key'?: string;
}

/** Reads the queue URL and TLS files of a command's arguments. */
export async function queueTarget(url: string, args: QueueConnectionArgs) {
  const { redisTarget } = await import('../../queue/redis-target.ts');
  return redisTarget(url, { ca: args['tls-ca'], cert: args['tls-cert'], key: args['tls-key'] });
}

export const workerCommand = {
  command: 'worker',
  describe: 'Run the batches of queue sweeps (`sweep <spec> --queue URL`) on this machine; start any number of them',
  builder: (y: Argv) =>
    withQueueOptions(
      y
        .option('queue', { type: 'string', demandOption: true, describe: 'the Redis server: redis://[user:password@]host:port[/db], or rediss:// for TLS (password also from DETENTE_REDIS_PASSWORD)' })
        .option('threads', { type: 'number', default: 1, describe: 'batches run at once, one thread each' })
        .option('idle-exit', { type: 'number', describe: 'exit after this many seconds with no batch to run (default: run until stopped)' })
        .option('stalled-seconds', { type: 'number', default: 30, describe: 'a batch whose worker is silent this long (killed, cut off) goes to another worker' }),
    )
      .example('$0 worker --queue redis://10.0.0.5:6379 --threads 8', 'serve every sweep queued on that server with 8 threads')
      .example('DETENTE_REDIS_PASSWORD=… $0 worker --queue rediss://redis.example.org:6380 --tls-ca ca.pem', 'TLS, with the password kept off the command line'),
  handler: (args: WorkerArgs) => workerHandler(args),
};

export interface WorkerArgs extends QueueConnectionArgs {
  queue: string;
  threads: number;
  'idle-exit'?: number;
  'stalled-seconds': number;
}

export async function workerHandler(args: WorkerArgs): Promise<void> {
  if (!Number.isInteger(args.threads) || args.threads < 1) throw new UserError('USAGE', `--threads expects a whole number ≥ 1, found ${args.threads}`);
  if (!(args['stalled-seconds'] > 0)) throw new UserError('USAGE', `--stalled-seconds expects a number > 0, found ${args['stalled-seconds']}`);
  if (args['idle-exit'] !== undefined && !(args['idle-exit'] >= 0)) throw new UserError('USAGE', `--idle-exit expects seconds ≥ 0, found ${args['idle-exit']}`);
  const target = await queueTarget(args.queue, args);
  const { runWorker } = await import('../../queue/queue-worker.ts');
  const controller = new AbortController();
  const onSignal = () => {
    if (controller.signal.aborted) process.exit(130);
    process.stderr.write('worker: finishing the batches in hand, then exiting (Ctrl-C again to quit at once; the queue gives unfinished batches to other workers)\n');
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    const r = await runWorker(target, {
      threads: args.threads,
      stalledSeconds: args['stalled-seconds'],
      ...(args['idle-exit'] !== undefined ? { idleExitSeconds: args['idle-exit'] } : {}),
      signal: controller.signal,
      log: (line) => process.stderr.write(`${line}\n`),
    });
    console.log(`worker: ran ${r.batches} batch${r.batches === 1 ? '' : 'es'} (${r.runs} runs)`);
    if (controller.signal.aborted) markInterrupted();
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
