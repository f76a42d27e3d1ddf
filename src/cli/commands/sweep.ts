import { SingleBar } from 'cli-progress';
import { existsSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import type { Argv } from 'yargs';
import { toCsv } from '../../io/csv.ts';
import { loadSweepSpec, loadSweepSpecText, quickSweepSpec } from '../../io/load-sweep-spec.ts';
import { BATCH_RUNS, runSweep, STORE_FILE, type SweepOutcome, type SweepProgress } from '../../io/sweep-runner.ts';
import { mergeParts, partFiles } from '../../io/sweep-merge.ts';
import { folderStatus } from '../../io/sweep-status.ts';
import { parseShard, type Shard } from '../../sweep/shard.ts';
import { queueTarget, withQueueOptions, type QueueConnectionArgs } from './worker.ts';
import { SweepStore } from '../../io/sweep-store.ts';
import { checkStoreIsData } from '../../io/check-sweep-store.ts';
import { exportRuns, summarizePoints } from '../../io/sweep-summary.ts';
import { parse as parseYaml } from 'yaml';
import { analyzeSensitivity, type SensitivityResult } from '../../sweep/sensitivity/analyze-sensitivity.ts';
import { PACKAGE_VERSION } from '../../io/run-files.ts';
import { writeFilesInto } from '../../io/write-output-dir.ts';
import { planSweep } from '../../sweep/sweep-plan.ts';
import { sweepSpecSchema } from '../../sweep/sweep-spec.ts';
import { markInterrupted, UserError } from '../errors.ts';
import { formatNumber, formatTable } from '../format-table.ts';
import { pick } from '../options.ts';
import { currentLoadOptions } from '../shared.ts';

export const sweepCommand = {
  command: 'sweep [target] [dir..]',
  describe: 'Run a parameter sweep from a spec (resumable; on shards or a Redis queue), or `sweep export|summarize|status|merge`',
  builder: (y: Argv) =>
    withQueueOptions(y)
      .positional('target', { type: 'string', describe: 'a sweep spec file, or export / summarize / status / merge; omit it for a quick sweep with --scenario and --factor' })
      .option('scenario', { type: 'string', describe: 'quick sweep: the scenario (instead of a spec file)' })
      .option('factor', { type: 'string', array: true, describe: 'quick sweep: path=a,b,c (levels), path=lo:hi:steps (grid) or path=lo:hi (sampled designs); add :log for a log scale' })
      .option('design', { choices: ['grid', 'random', 'lhs', 'sobol', 'morris'] as const, describe: 'quick sweep: the design (default grid)' })
      .option('samples', { type: 'number', describe: 'quick sweep: samples of a random, lhs, sobol or morris design' })
      .option('replications', { type: 'number', describe: 'quick sweep: runs per point (default 1)' })
      .option('seed', { type: 'number', describe: 'quick sweep: the base seed (default 1)' })
      .positional('dir', { type: 'string', array: true, describe: 'with export, summarize or status: the sweep\'s output folder (status: or a redis:// URL); with merge: the part files or their folders' })
      .option('shard', { type: 'string', describe: 'run only shard i of N (i counts from 0) into part-<i>-of-<N>.duckdb; `sweep merge` joins the parts' })
      .option('queue', { type: 'string', describe: 'run through a Redis queue, redis://host:port or rediss:// for TLS, with `detente worker` processes anywhere; results gather here' })
      .option('batch', { type: 'number', describe: `runs per batch handed to a worker (default ${BATCH_RUNS})` })
      .option('workers', { type: 'number', describe: 'worker threads (default: the available cores; 0 runs in this thread)' })
      .option('out', { type: 'string', describe: 'output folder (default: reports/sweeps/<spec name>); with export: the file to write' })
      .option('new', { type: 'boolean', default: false, describe: 'keep an existing store as sweep.duckdb.previous-N and start afresh' })
      .option('format', { choices: ['parquet', 'csv'] as const, default: 'parquet' as const, describe: 'with export: the file format' })
      .option('report', { type: 'boolean', default: false, describe: 'with summarize: also draw sweep-report.html and its charts' })
      .option('force', { type: 'boolean', default: false, describe: 'with summarize: replace its earlier files; with export: replace the file' })
      .options(pick('limit', 'allow-path'))
      .example('$0 sweep scenarios/sweeps/receptivity-access.yaml', 'run the receptivity × Track II access grid; run it again to resume')
      .example('$0 sweep scenarios/sweeps/receptivity-access.yaml --workers 2 --out reports/ra', 'two worker threads, a chosen folder')
      .example('$0 sweep --scenario classroom --factor states.BOR.receptivity=0.2,0.5,0.8 --factor transfer.mu=0.5:2:4 --replications 10', 'a quick grid from the command line')
      .example('$0 sweep scenarios/sweeps/receptivity-access.yaml --shard $SLURM_ARRAY_TASK_ID/16 --out parts', 'one of 16 shards (a Slurm array task); examples/cluster/ has the job scripts')
      .example('$0 sweep merge parts --out reports/ra', 'join the shards\' parts into reports/ra/sweep.duckdb, with missing and duplicate runs reported')
      .example('$0 sweep scenarios/sweeps/receptivity-access.yaml --queue redis://10.0.0.5:6379 --out reports/ra', 'enqueue batches; `detente worker --queue redis://10.0.0.5:6379` on any machine runs them')
      .example('$0 sweep status reports/ra', 'runs stored of those planned (also of parts); give a redis:// URL for the queue\'s batches')
      .example('$0 sweep summarize reports/ra --report', 'per point means, intervals and outcome shares, and sweep-report.html')
      .example('$0 sweep export reports/ra --format parquet', 'runs.parquet for pandas, R or DuckDB'),
  handler: (args: SweepArgs) => sweepHandler(args),
};

export interface SweepArgs extends QueueConnectionArgs {
  target?: string;
  scenario?: string;
  factor?: string[];
  design?: string;
  samples?: number;
  replications?: number;
  seed?: number;
  dir?: string[];
  shard?: string;
  queue?: string;
  batch?: number;
  workers?: number;
  out?: string;
  new: boolean;
  format: 'parquet' | 'csv';
  report: boolean;
  force: boolean;
}

export async function sweepHandler(args: SweepArgs): Promise<void> {
  const dirs = args.dir ?? [];
  if (args.target === 'merge') return mergeHandler(dirs, args);
  if (args.target === 'status') {
    if (dirs.length !== 1) throw new UserError('USAGE', 'sweep status needs one sweep folder or redis:// URL: detente sweep status <dir|redis://host:port>');
    return statusHandler(dirs[0], args);
  }
  if (args.target === 'export' || args.target === 'summarize') {
    if (dirs.length !== 1) throw new UserError('USAGE', `sweep ${args.target} needs the sweep's output folder: detente sweep ${args.target} <dir>`);
    const file = join(dirs[0], STORE_FILE);
    if (!existsSync(file)) throw new UserError('NO_STORE', `${dirs[0]} holds no ${STORE_FILE}`, existsSync(dirs[0]) && partFiles([dirs[0]]).length ? `it holds shard parts: detente sweep merge ${dirs[0]} --out ${dirs[0]}` : 'give the --out folder of a `detente sweep` run');
    return args.target === 'export' ? exportHandler(dirs[0], args) : summarizeHandler(dirs[0], args);
  }
  if (dirs.length) throw new UserError('USAGE', `unexpected argument${dirs.length > 1 ? 's' : ''} ${dirs.join(' ')}`, 'a sweep takes one spec file; the output folder is --out DIR');
  if (args.workers !== undefined && (!Number.isInteger(args.workers) || args.workers < 0)) throw new UserError('USAGE', `--workers expects a whole number ≥ 0, found ${args.workers}`);
  if (args.batch !== undefined && (!Number.isInteger(args.batch) || args.batch < 1)) throw new UserError('USAGE', `--batch expects a whole number of runs ≥ 1, found ${args.batch}`);
  let shard: Shard | undefined;
  if (args.shard !== undefined) {
    const parsed = parseShard(args.shard);
    if ('error' in parsed) throw new UserError('USAGE', parsed.error, 'e.g. --shard 0/4 … --shard 3/4, or --shard $SLURM_ARRAY_TASK_ID/N');
    shard = parsed;
  }
  if (shard && args.queue) throw new UserError('USAGE', '--shard and --queue are two ways to spread a sweep: choose one');
  if (args.queue && args.workers !== undefined) throw new UserError('USAGE', '--workers is for a local sweep; with --queue, start `detente worker --queue … --threads N` processes');
  // the URL (which may hold a password) is read before anything else can echo it
  const target = args.queue !== undefined ? await queueTarget(args.queue, args) : undefined;
  let loaded;
  let out: string;
  if (args.target === undefined) {
    if (!args.scenario || !args.factor?.length) throw new UserError('USAGE', 'sweep needs a spec file, or --scenario with at least one --factor', 'see `detente sweep --help`');
    const text = quickSweepSpec({ scenario: args.scenario, factor: args.factor, ...(args.design ? { design: args.design } : {}), ...(args.samples !== undefined ? { samples: args.samples } : {}), ...(args.replications !== undefined ? { replications: args.replications } : {}), ...(args.seed !== undefined ? { seed: args.seed } : {}) });
    loaded = loadSweepSpecText(text, '(command line)', process.cwd(), currentLoadOptions());
    out = args.out ?? join('reports', 'sweeps', `quick-${basename(args.scenario, extname(args.scenario))}`);
  } else {
    if (args.scenario || args.factor) throw new UserError('USAGE', '--scenario and --factor make a quick sweep; with a spec file, put them in the spec');
    loaded = loadSweepSpec(args.target, currentLoadOptions());
    out = args.out ?? join('reports', 'sweeps', basename(args.target, extname(args.target)));
  }
  const controller = new AbortController();
  const onSignal = () => {
    if (controller.signal.aborted) process.exit(130);
    process.stderr.write('\nStopping after the running tasks; run the same command to resume (Ctrl-C again to quit at once).\n');
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const progress = progressReporter();
  try {
    let r: SweepOutcome;
    if (target) {
      const { runQueueSweep } = await import('../../queue/queue-sweep.ts');
      r = await runQueueSweep(loaded, { out, target, fresh: args.new, signal: controller.signal, onProgress: progress.update, onNote: (line) => process.stderr.write(`${line}\n`), ...(args.batch !== undefined ? { batchRuns: args.batch } : {}) });
    } else {
      r = await runSweep(loaded, { out, ...(args.workers !== undefined ? { workers: args.workers } : {}), fresh: args.new, signal: controller.signal, onProgress: progress.update, ...(shard ? { shard } : {}), ...(args.batch !== undefined ? { batchRuns: args.batch } : {}) });
    }
    progress.stop();
    const rate = r.ran / Math.max(r.seconds, 1e-9);
    const what = shard ? `shard ${shard.index}/${shard.count}: ${r.total} of ${r.plan.points.length * r.plan.replications} runs` : `${r.plan.points.length} points × ${r.plan.replications} replications = ${r.total} runs`;
    console.log(`${loaded.spec.name}: ${what}; ${r.ran} run now (${formatNumber(rate, 0)} runs/s), ${r.skipped} already stored${r.failedPoints ? `, ${r.failedPoints} points invalid (see the failures table)` : ''}`);
    const next = shard ? `when every shard is done: detente sweep merge ${out} --out ${out}` : `detente sweep summarize ${out}`;
    if (r.interrupted) console.log(target ? `Stopped gathering; the workers go on with the queued batches. Run the same command to gather the rest. Store: ${r.file}` : `Stopped early; run the same command to resume. Store: ${r.file}`);
    else console.log(`${shard ? 'Part' : 'Store'}: ${r.file}. Next: ${next}`);
    if (r.interrupted) markInterrupted();
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

/** A progress bar on a terminal; otherwise a plain line at most every 5 seconds, and at the end. */
function progressReporter() {
  const started = performance.now();
  let bar: SingleBar | undefined;
  let last = 0;
  return {
    update(p: SweepProgress) {
      const elapsed = (performance.now() - started) / 1000;
      const rate = (p.done - p.skipped) / Math.max(elapsed, 1e-9);
      if (process.stderr.isTTY) {
        bar ??= new SingleBar({ format: 'sweep [{bar}] {value}/{total} runs | {rate} runs/s | ETA {eta_formatted}', stream: process.stderr, hideCursor: true });
        if (!bar.isActive) bar.start(p.total, p.done, { rate: '0' });
        bar.update(p.done, { rate: formatNumber(rate, 0) });
      } else if (elapsed - last >= 5 || p.done === p.total) {
        last = elapsed;
        const eta = rate > 0 ? (p.total - p.done) / rate : NaN;
        process.stderr.write(`sweep: ${p.done}/${p.total} runs (${formatNumber((100 * p.done) / Math.max(1, p.total), 0)}%), ${formatNumber(rate, 0)} runs/s, ETA ${Number.isFinite(eta) ? `${Math.ceil(eta)} s` : '–'}\n`);
      }
    },
    stop() {
      bar?.stop();
    },
  };
}

async function openStore(dir: string) {
  const store = await SweepStore.openExisting(join(dir, STORE_FILE));
  try {
    await checkStoreIsData(store.connection, join(dir, STORE_FILE));
  } catch (error) {
    store.close();
    throw error;
  }
  const meta = await store.getMeta();
  const factors = (JSON.parse(meta.factors ?? '[]') as { name: string }[]).map((f) => f.name);
  return { factors, meta, store };
}

async function exportHandler(dir: string, args: SweepArgs): Promise<void> {
  const file = args.out ?? join(dir, `runs.${args.format}`);
  if (existsSync(file) && !args.force) throw new UserError('OUTPUT_EXISTS', `${file} already exists`, 'pass --force to replace it, or give another --out');
  const { store, meta } = await openStore(dir);
  try {
    const { runs: n, outside } = await exportRuns(store, file, args.format, planSweep(sweepSpecSchema.parse(parseYaml(meta.spec))));
    if (outside > 0) console.log(outsideLine(outside));
    console.log(`Exported ${n} runs to ${file} (one row per run: run_key, point_key, replicate, seed, outcome, the metrics, point_index, role and the factor values; docs/SWEEPS.md has the schema)`);
  } finally {
    store.close();
  }
}

async function summarizeHandler(dir: string, args: SweepArgs): Promise<void> {
  const { store, factors, meta } = await openStore(dir);
  try {
    const spec = sweepSpecSchema.parse(parseYaml(meta.spec));
    // Only the planned runs of the spec as it stands now: a grid whose levels were cut, or fewer
    // replications, keeps the old runs in the store but not in the summary (or exports).
    const { points, outside } = await summarizePoints(store, factors, planSweep(spec));
    if (outside > 0) console.log(outsideLine(outside));
    const metrics = store.metrics;
    const header = ['point_index', 'role', ...factors, 'runs', ...metrics.flatMap((m) => [`${m}.mean`, `${m}.sd`, `${m}.low95`, `${m}.high95`]), ...Object.keys(points[0]?.outcomes ?? {}).map((o) => `p.${o}`)];
    const rows = points.map((p) => [p.point_index, p.role, ...factors.map((f) => p.factors[f]), p.runs, ...metrics.flatMap((m) => [p.metrics[m].mean, p.metrics[m].sd, p.metrics[m].low, p.metrics[m].high]), ...Object.values(p.outcomes)]);
    // What an earlier summary wrote is replaced only when asked, like every other output.
    const earlier = ['summary.csv', 'summary.json', 'bands.csv', 'sensitivity.json', ...(args.report ? ['sweep-report.html'] : [])].filter((f) => existsSync(join(dir, f)));
    if (earlier.length > 0 && !args.force) throw new UserError('OUTPUT_EXISTS', `${dir} already holds ${earlier.join(', ')} from an earlier summary`, 'pass --force to replace them');
    writeFilesInto(dir, [
      { name: 'summary.csv', content: toCsv(header, rows) },
      { name: 'summary.json', content: JSON.stringify({ design: meta.design, factors, metrics, points }, null, 2) + '\n' },
    ], true);
    const shown = metrics.filter((m) => ['monthsInCrisis', 'finalTrackI', 'agreementsSigned'].includes(m)).slice(0, 3);
    console.log(formatTable(['point', ...factors, 'runs', ...shown.map((m) => `${m} (95% CI)`), 'P(escalated or war)'], points.slice(0, 40).map((p) => [p.point_index, ...factors.map((f) => p.factors[f]), p.runs, ...shown.map((m) => `${formatNumber(p.metrics[m].mean)} [${formatNumber(p.metrics[m].low)}, ${formatNumber(p.metrics[m].high)}]`), formatNumber((p.outcomes.escalated ?? 0) + (p.outcomes.war ?? 0))])));
    if (points.length > 40) console.log(`  … ${points.length - 40} more points in summary.csv`);
    console.log(`\nWrote ${join(dir, 'summary.csv')} and summary.json: every metric's mean, sd and 95% interval per point, and the share of each outcome class.`);
    // summarizePoints left the plan's points in temp.main.planned: bands of other points are left out
    const bandRows = (await store.connection.runAndReadAll(`select p.point_index, b.series, b.step, b.p05, b.p25, b.p50, b.p75, b.p95 from bands b join temp.main.planned p using (point_key) order by p.point_index, b.series, b.step`)).getRowObjects();
    if (bandRows.length > 0) {
      writeFilesInto(dir, [{ name: 'bands.csv', content: toCsv(['point_index', 'series', 'step', 'p05', 'p25', 'p50', 'p75', 'p95'], bandRows.map((r) => [Number(r.point_index), String(r.series), Number(r.step), r.p05, r.p25, r.p50, r.p75, r.p95])) }], true);
      console.log(`Wrote ${join(dir, 'bands.csv')}: per point and step, the 5/25/50/75/95% quantiles across replications of ${JSON.parse(meta.series ?? '[]').join(', ')}.`);
    }
    let sensitivity: SensitivityResult | undefined;
    if (meta.design === 'sobol' || meta.design === 'morris') {
      const plan = planSweep(spec);
      const means = new Map(points.map((p) => [p.point_key, Object.fromEntries(metrics.map((m) => [m, p.metrics[m].mean]))]));
      const result = analyzeSensitivity(plan, meta.design, metrics, means, { seed: spec.seed, resamples: spec.design.bootstrap });
      if ('error' in result) {
        console.log(`\nNo sensitivity analysis: ${result.error}`);
      } else {
        sensitivity = result;
        writeFilesInto(dir, [{ name: 'sensitivity.json', content: JSON.stringify(result, null, 2) + '\n' }], true);
        for (const m of metrics) {
          if (result.sobol) {
            console.log(`\nSobol indices of ${m} (95% bootstrap intervals)`);
            console.log(formatTable(['factor', 'first order S1', 'total ST'], result.factors.map((f, i) => { const x = result.sobol![m][i]; return [f, `${formatNumber(x.S1)} [${formatNumber(x.S1Low)}, ${formatNumber(x.S1High)}]`, `${formatNumber(x.ST)} [${formatNumber(x.STLow)}, ${formatNumber(x.STHigh)}]`]; })));
          } else {
            console.log(`\nMorris effects of ${m} (per whole factor range)`);
            console.log(formatTable(['factor', 'mu*', 'mu', 'sigma'], result.factors.map((f, i) => { const x = result.morris![m][i]; return [f, x.muStar, x.mu, x.sigma]; })));
          }
        }
        console.log(`\nWrote ${join(dir, 'sensitivity.json')}.`);
      }
    }
    if (args.report) {
      const { sweepReportFiles } = await import('../../render/sweep-report.ts');
      const files = await sweepReportFiles({ name: spec.name, description: spec.description ?? '', design: meta.design, factors, metrics, replications: spec.replications, version: PACKAGE_VERSION, points, ...(sensitivity ? { sensitivity } : {}) });
      writeFilesInto(dir, files, args.force);
      console.log(`Report: ${join(dir, 'sweep-report.html')}`);
    }
  } finally {
    store.close();
  }
}

/** The line that says how many stored runs a spec's plan leaves out. */
const outsideLine = (n: number) => `${n} stored run${n === 1 ? ' is' : 's are'} not in this spec's plan and ${n === 1 ? 'was' : 'were'} left out (points or replicates the spec no longer plans).`;

async function mergeHandler(args: string[], options: SweepArgs): Promise<void> {
  if (args.length === 0) throw new UserError('USAGE', 'sweep merge needs the part files (or their folders): detente sweep merge <parts...> --out DIR');
  if (!options.out) throw new UserError('USAGE', 'sweep merge needs --out DIR: the folder whose sweep.duckdb receives the runs (created if missing)');
  const r = await mergeParts(partFiles(args), options.out);
  const c = r.completeness;
  console.log(`Merged ${r.parts.length} part${r.parts.length === 1 ? '' : 's'} into ${r.file}: ${r.added} runs added${r.duplicates ? `, ${r.duplicates} duplicate run ids with identical results kept once` : ', no duplicate run ids'}.`);
  if (c.missing === 0) {
    console.log(`Complete: ${c.stored} of ${c.planned} planned runs stored${c.invalid ? ` (${c.invalid} runs of invalid points, see the failures table)` : ''}. Next: detente sweep summarize ${options.out}`);
  } else {
    console.log(`Incomplete: ${c.stored} of ${c.planned} planned runs stored, ${c.missing} missing${r.missingShards.length ? ` (no part for shard${r.missingShards.length === 1 ? '' : 's'} ${r.missingShards.slice(0, 10).join(', ')}${r.missingShards.length > 10 ? ', …' : ''})` : ''}, e.g. ${c.examples.join(', ')}.`);
    console.log('Run the missing shards (the same --shard i/N command resumes a part) and merge again: runs already merged are kept.');
  }
  if (c.outside > 0) console.log(outsideLine(c.outside));
}

async function statusHandler(where: string, args: SweepArgs): Promise<void> {
  if (/^rediss?:\/\//i.test(where)) {
    const target = await queueTarget(where, args);
    const { queueStatus } = await import('../../queue/queue-status.ts');
    const sweeps = await queueStatus(target);
    if (sweeps.length === 0) {
      console.log(`No sweep in progress on ${target.display}.`);
      return;
    }
    console.log(formatTable(['sweep', 'queue', 'runs stored', 'batches waiting', 'active', 'finished, not yet stored', 'failed', 'workers'], sweeps.map((q) => [q.name, q.queue, `${q.stored}/${q.planned} (${formatNumber((100 * q.stored) / Math.max(1, q.planned), 0)}%)`, q.waiting + q.delayed, q.active, q.completed, q.failed, q.workers ?? '?'])));
    return;
  }
  const stores = await folderStatus(where);
  console.log(formatTable(['file', 'sweep', 'shard', 'runs stored', 'invalid'], stores.map((s) => [s.file, s.name, s.shard ?? '', `${s.stored}/${s.planned} (${formatNumber((100 * s.stored) / Math.max(1, s.planned), 0)}%)`, s.invalid])));
  const queued = stores.find((s) => s.queue);
  if (queued) console.log(`\nFilled from the queue ${queued.queue}; \`detente sweep status ${queued.queue}\` shows its batches.`);
}
