import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { UserError } from '../cli/errors.ts';
import { planSweep, type SweepPlan } from '../sweep/sweep-plan.ts';
import { sweepSpecSchema } from '../sweep/sweep-spec.ts';
import { STORE_FILE } from './sweep-runner.ts';
import { checkStoreIsData } from './check-sweep-store.ts';
import { ident, SweepStore } from './sweep-store.ts';

/** What a store or part file says about itself. */
export interface StoreInfo {
  file: string;
  meta: Record<string, string>;
  metrics: string[];
  runs: number;
}

const PART = /^part-\d+-of-\d+\.duckdb$/;
const sql = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** Expands the arguments of `sweep merge`: files as given, folders to the part files in them. */
export function partFiles(args: readonly string[]): string[] {
  const out: string[] = [];
  for (const arg of args) {
    if (!existsSync(arg)) throw new UserError('NO_PART', `no part file or folder "${arg}"`, 'give the part-<i>-of-<N>.duckdb files that `detente sweep <spec> --shard i/N` wrote, or their folder');
    if (statSync(arg).isDirectory()) {
      const found = readdirSync(arg).filter((f) => PART.test(f)).sort();
      if (found.length === 0) throw new UserError('NO_PART', `${arg} holds no part-<i>-of-<N>.duckdb files`, 'shards write them into their --out folder');
      out.push(...found.map((f) => join(arg, f)));
    } else {
      out.push(arg);
    }
  }
  return [...new Set(out)];
}

/** Reads a store's or part's meta, metric columns and run count, read-only. */
export async function readStoreInfo(file: string): Promise<StoreInfo> {
  let store: SweepStore;
  try {
    store = await SweepStore.openExisting(file, { readOnly: true });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/lock/i.test(message)) throw new UserError('STORE_BUSY', `${file} is open in a running sweep`, 'wait until it finishes, or follow its progress line');
    throw new UserError('NOT_A_STORE', `${file} is not a sweep store or part (${message.split('\n')[0]})`);
  }
  try {
    const tables = (await store.connection.runAndReadAll("select table_name from information_schema.tables where table_name in ('meta', 'runs')")).getRowObjects();
    if (tables.length < 2) throw new UserError('NOT_A_STORE', `${file} is a DuckDB file but not a sweep store or part (no meta or runs table)`);
    await checkStoreIsData(store.connection, file);
    return { file, meta: await store.getMeta(), metrics: store.metrics, runs: await store.runCount() };
  } finally {
    store.close();
  }
}

/** The spec recorded in a store's meta. */
export const storedSpec = (meta: Record<string, string>) => sweepSpecSchema.parse(parseYaml(meta.spec));

/** The plan recorded in a store's meta. */
export const storedPlan = (meta: Record<string, string>): SweepPlan => planSweep(storedSpec(meta));

export interface Completeness {
  planned: number;
  stored: number;
  /** runs of points whose factor values made an invalid scenario */
  invalid: number;
  missing: number;
  /** a few missing run keys, to say which */
  examples: string[];
  /** stored runs that are not planned runs (points no longer planned, replicates ≥ replications) */
  outside: number;
}

/** Compares the planned runs with those in a store. */
export async function completeness(store: SweepStore, plan: SweepPlan): Promise<Completeness> {
  const stored = await store.storedReplicates();
  const failed = new Set((await store.connection.runAndReadAll('select point_key from failures')).getRowObjects().map((r) => String(r.point_key)));
  const out: Completeness = { planned: plan.points.length * plan.replications, stored: 0, invalid: 0, missing: 0, examples: [], outside: 0 };
  for (const point of plan.points) {
    const have = stored.get(point.key);
    for (let r = 0; r < plan.replications; r++) {
      if (have?.has(r)) out.stored++;
      else if (failed.has(point.key)) out.invalid++;
      else {
        out.missing++;
        if (out.examples.length < 3) out.examples.push(`${point.key}|r=${r}`);
      }
    }
  }
  let all = 0;
  for (const set of stored.values()) all += set.size;
  out.outside = all - out.stored;
  return out;
}

export interface MergeReport {
  file: string;
  parts: { file: string; shard?: string; runs: number }[];
  added: number;
  duplicates: number;
  /** shards i/N not among the parts, when all parts say the same N */
  missingShards: string[];
  completeness: Completeness;
}

/**
 * Merges part files of one sweep into `out`/sweep.duckdb, in one transaction: all land or none
 * does. Parts must come from the same sweep (hash) as each other and as an existing store. A run
 * id found twice with identical results is kept once; with different results the merge stops
 * and nothing is written. Runs already in the store are never replaced.
 */
export async function mergeParts(files: readonly string[], out: string): Promise<MergeReport> {
  const target = join(out, STORE_FILE);
  for (const f of files) if (resolve(f) === resolve(target)) throw new UserError('USAGE', `${f} is the store being merged into`, 'give only the part files');
  const infos: StoreInfo[] = [];
  for (const f of files) infos.push(await readStoreInfo(f));
  const first = infos[0];
  for (const info of infos) {
    if (!info.meta.sweepHash) throw new UserError('NOT_A_PART', `${info.file} records no sweep hash`, 'it was made by an older detente: run its shard again');
    if (info.meta.sweepHash !== first.meta.sweepHash) {
      throw new UserError(
        'SWEEP_MISMATCH',
        `${info.file} is a part of another sweep than ${first.file} (sweep hash ${info.meta.sweepHash.slice(0, 12)}… vs ${first.meta.sweepHash.slice(0, 12)}…: the spec's runs differ${info.meta.version !== first.meta.version ? `, and so do the versions, ${info.meta.version} vs ${first.meta.version}` : ''}); nothing was merged`,
        'merge only the parts that one spec made (the same scenario, seed, factors, design, replications and version)',
      );
    }
    if (info.metrics.join('\u0000') !== first.metrics.join('\u0000')) throw new UserError('SWEEP_MISMATCH', `${info.file} keeps other metrics than ${first.file}; nothing was merged`);
  }
  const plan = storedPlan(first.meta);
  mkdirSync(out, { recursive: true });
  const store = await SweepStore.open(target, plan, first.metrics);
  const aliases = infos.map((_, k) => `part${k}`);
  let attached = 0;
  try {
    const meta = await store.getMeta();
    if (meta.identity && meta.identity !== first.meta.identity) {
      throw new UserError('SWEEP_CHANGED', `${target} holds another sweep than the parts (another scenario, seed, factors, design or length); nothing was merged`, 'merge into another --out folder');
    }
    if (store.metrics.join('\u0000') !== first.metrics.join('\u0000')) throw new UserError('SWEEP_CHANGED', `${target} keeps other metrics than the parts; nothing was merged`, 'merge into another --out folder');
    for (; attached < infos.length; attached++) await store.connection.run(`attach ${sql(infos[attached].file)} as ${aliases[attached]} (read_only)`);
    const c = store.connection;
    const runColumns = ['run_key', 'point_key', 'replicate', 'seed', 'outcome', ...first.metrics].map(ident).join(', ');
    const pointColumns = ['point_key', 'point_index', 'role', ...plan.factors.map((f) => f.name)].map(ident).join(', ');
    const differs = ['point_key', 'replicate', 'seed', 'outcome', ...first.metrics].map((col) => `a.${ident(col)} is distinct from b.${ident(col)}`).join(' or ');
    let added = 0;
    let duplicates = 0;
    await c.run('begin transaction');
    try {
      for (const [k, alias] of aliases.entries()) {
        const conflicts = (await c.runAndReadAll(`select a.run_key from ${alias}.runs a join runs b using (run_key) where ${differs} order by a.run_key`)).getRowObjects().map((r) => String(r.run_key));
        if (conflicts.length) {
          throw new UserError(
            'MERGE_CONFLICT',
            `${conflicts.length} run id${conflicts.length === 1 ? '' : 's'} in ${infos[k].file} ha${conflicts.length === 1 ? 's' : 've'} other results than the same run${conflicts.length === 1 ? '' : 's'} in the store or an earlier part (${conflicts.slice(0, 3).join(', ')}${conflicts.length > 3 ? ', …' : ''}); nothing was merged`,
            'a run gives the same result wherever it runs with the same version: a part made by a modified build does not belong here; merge the others',
          );
        }
        duplicates += Number((await c.runAndReadAll(`select count(*) as n from ${alias}.runs a join runs b using (run_key)`)).getRowObjects()[0].n);
        const before = await store.runCount();
        await c.run(`insert or ignore into points (${pointColumns}) select ${pointColumns} from ${alias}.points`);
        await c.run(`insert or ignore into runs (${runColumns}) select ${runColumns} from ${alias}.runs`);
        await c.run(`insert or ignore into bands select * from ${alias}.bands`);
        await c.run(`insert or ignore into failures select * from ${alias}.failures`);
        added += (await store.runCount()) - before;
      }
      await c.run('commit');
    } catch (error) {
      await c.run('rollback');
      throw error;
    }
    const { shard: _shard, ...sweepMeta } = first.meta;
    await store.setMeta(sweepMeta);
    const shards = infos.map((i) => i.meta.shard).filter((s): s is string => s !== undefined);
    const counts = new Set(shards.map((s) => s.split('/')[1]));
    const missingShards: string[] = [];
    if (shards.length === infos.length && counts.size === 1) {
      const n = Number([...counts][0]);
      const given = new Set(shards.map((s) => Number(s.split('/')[0])));
      for (let i = 0; i < n; i++) if (!given.has(i)) missingShards.push(`${i}/${n}`);
    }
    return {
      file: target,
      parts: infos.map((i) => ({ file: i.file, ...(i.meta.shard ? { shard: i.meta.shard } : {}), runs: i.runs })),
      added,
      duplicates,
      missingShards,
      completeness: await completeness(store, plan),
    };
  } finally {
    for (let k = 0; k < attached; k++) await store.connection.run(`detach ${aliases[k]}`).catch(() => undefined);
    store.close();
  }
}
