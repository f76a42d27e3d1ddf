import { DuckDBInstance, type DuckDBAppender, type DuckDBConnection } from '@duckdb/node-api';
import type { PointBands, RunRow, TaskResult } from '../sweep/run-points.ts';
import type { BatchPoint } from '../sweep/sweep-batches.ts';
import type { SweepPlan, SweepPoint } from '../sweep/sweep-plan.ts';

/** Quotes an identifier for SQL: metric names hold dots and colons. */
export const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The sweep's embedded DuckDB database: meta, points, runs, bands and failures. */
export class SweepStore {
  private constructor(
    readonly connection: DuckDBConnection,
    private readonly instance: DuckDBInstance,
    readonly metrics: string[],
  ) {}

  /** Opens (creating if needed) the store at `file`; `metrics` are the run columns of a new store. */
  static async open(file: string, plan: SweepPlan, metrics: string[]): Promise<SweepStore> {
    // A sweep's writer inserts one batch at a time: one thread leaves the cores to the workers, and
    // a bounded buffer pool keeps a million-run sweep's memory flat (DuckDB's default is 80% of RAM).
    const instance = await DuckDBInstance.create(file, { threads: '1', memory_limit: process.env.DETENTE_STORE_MEMORY ?? '384MB' });
    const c = await instance.connect();
    await c.run('create table if not exists meta (key varchar primary key, value varchar)');
    const factorColumns = plan.factors.map((f) => `${ident(f.name)} double`).join(', ');
    await c.run(`create table if not exists points (point_key varchar primary key, point_index integer, role varchar, ${factorColumns})`);
    const metricColumns = metrics.map((m) => `${ident(m)} double`).join(', ');
    await c.run(`create table if not exists runs (run_key varchar primary key, point_key varchar, replicate integer, seed ubigint, outcome varchar, ${metricColumns})`);
    await c.run('create table if not exists bands (point_key varchar, series varchar, step integer, p05 double, p25 double, p50 double, p75 double, p95 double, primary key (point_key, series, step))');
    await c.run('create table if not exists failures (point_key varchar primary key, message varchar)');
    const stored = (await c.runAndReadAll(`select column_name from information_schema.columns where table_name = 'runs' order by ordinal_position`)).getRowObjects().map((r) => String(r.column_name)).slice(5);
    return new SweepStore(c, instance, stored);
  }

  /** Opens an existing store; `readOnly` lets several readers (or a reader beside nobody) share it. */
  static async openExisting(file: string, options: { readOnly?: boolean } = {}): Promise<SweepStore> {
    const instance = await DuckDBInstance.create(file, options.readOnly ? { access_mode: 'READ_ONLY' } : {});
    const c = await instance.connect();
    const stored = (await c.runAndReadAll(`select column_name from information_schema.columns where table_name = 'runs' order by ordinal_position`)).getRowObjects().map((r) => String(r.column_name)).slice(5);
    return new SweepStore(c, instance, stored);
  }

  async getMeta(): Promise<Record<string, string>> {
    const rows = (await this.connection.runAndReadAll('select key, value from meta')).getRowObjects();
    return Object.fromEntries(rows.map((r) => [String(r.key), String(r.value)]));
  }

  async setMeta(values: Record<string, string>): Promise<void> {
    for (const [key, value] of Object.entries(values)) {
      await this.connection.run('insert or replace into meta values ($1, $2)', [key, value]);
    }
  }

  /** Returns, per point key, how many runs are stored (for resuming). */
  async runCounts(): Promise<Map<string, number>> {
    const rows = (await this.connection.runAndReadAll('select point_key, count(*) as n from runs group by point_key')).getRowObjects();
    return new Map(rows.map((r) => [String(r.point_key), Number(r.n)]));
  }

  /** Returns, per point key, the replicates stored (for resuming a sweep, a shard or a queue). */
  async storedReplicates(): Promise<Map<string, Set<number>>> {
    const reader = await this.connection.streamAndReadAll('select point_key, replicate from runs');
    const out = new Map<string, Set<number>>();
    for (const [key, replicate] of reader.getRows()) {
      const k = String(key);
      let set = out.get(k);
      if (!set) out.set(k, (set = new Set()));
      set.add(Number(replicate));
    }
    return out;
  }

  async runCount(): Promise<number> {
    return Number((await this.connection.runAndReadAll('select count(*) as n from runs')).getRowObjects()[0].n);
  }

  /**
   * Stores the result of one batch. The worker numbers a point's runs 0, 1, … in the order of the
   * batch's replicates; bands are kept only for points whose every replicate ran in this batch.
   */
  async writeBatch(plan: SweepPlan, batch: readonly BatchPoint[], result: TaskResult): Promise<{ runs: number; failedRuns: number }> {
    const byIndex = new Map(batch.map((p) => [p.index, p]));
    const points = batch.map((p) => {
      const point = plan.points[p.index];
      if (point?.key !== p.key) throw new Error(`batch point ${p.index} is "${p.key}" but the plan has "${point?.key}"`);
      return point;
    });
    const runs = result.runs.map((r) => ({ ...r, replicate: byIndex.get(r.point)!.replicates[r.replicate] }));
    const bands = result.bands.filter((b) => byIndex.get(b.point)!.replicates.length === plan.replications);
    await this.write(points, runs, bands, result.failed);
    return { runs: runs.length, failedRuns: result.failed.reduce((n, f) => n + byIndex.get(f.point)!.replicates.length, 0) };
  }

  /**
   * Stores one task's results in a single transaction: its points, runs and bands all land or
   * none does, so a killed sweep resumes from whole tasks. A run already stored is kept as it was.
   */
  async write(points: SweepPoint[], runs: RunRow[], bands: PointBands[], failed: { point: number; message: string }[]): Promise<void> {
    const c = this.connection;
    const byIndex = new Map(points.map((p) => [p.index, p]));
    // Runs and bands go through DuckDB's appender into temporary tables, then into the store in one
    // transaction: binding thousands of SQL parameters per batch cost more CPU than the workers' runs.
    const staged = await this.stage();
    const num = (x: number) => Number.isFinite(x);
    const clear = async () => {
      await c.run('delete from temp.main.runs_stage');
      await c.run('delete from temp.main.bands_stage');
    };
    try {
      for (const r of runs) {
        const key = byIndex.get(r.point)!.key;
        staged.runs.appendVarchar(`${key}|r=${r.replicate}`);
        staged.runs.appendVarchar(key);
        staged.runs.appendInteger(r.replicate);
        staged.runs.appendUBigInt(BigInt(r.seed));
        staged.runs.appendVarchar(r.outcome);
        for (const m of this.metrics) {
          const x = r.metrics[m];
          if (num(x)) staged.runs.appendDouble(x);
          else staged.runs.appendNull();
        }
        staged.runs.endRow();
      }
      for (const b of bands) {
        const key = byIndex.get(b.point)!.key;
        const { p05, p25, p50, p75, p95 } = b.bands;
        for (let t = 0; t < p50.length; t++) {
          staged.bands.appendVarchar(key);
          staged.bands.appendVarchar(b.series);
          staged.bands.appendInteger(t);
          for (const x of [p05[t], p25[t], p50[t], p75[t], p95[t]]) {
            if (num(x)) staged.bands.appendDouble(x);
            else staged.bands.appendNull();
          }
          staged.bands.endRow();
        }
      }
      staged.runs.flushSync();
      staged.bands.flushSync();
    } catch (error) {
      await clear();
      throw error;
    }
    await c.run('begin transaction');
    try {
      if (points.length > 0) {
        const width = 3 + points[0].values.length;
        const params: (string | number)[] = [];
        const rowsSql = points.map((p, k) => {
          params.push(p.key, p.index, p.role, ...p.values);
          return `(${Array.from({ length: width }, (_, j) => `$${k * width + j + 1}`).join(', ')})`;
        });
        await c.run(`insert or ignore into points values ${rowsSql.join(', ')}`, params);
      }
      if (runs.length > 0) await c.run('insert or ignore into runs select * from temp.main.runs_stage');
      if (bands.length > 0) await c.run('insert or ignore into bands select * from temp.main.bands_stage');
      for (const f of failed) await c.run('insert or replace into failures values ($1, $2)', [byIndex.get(f.point)!.key, f.message]);
      await c.run('commit');
    } catch (error) {
      await c.run('rollback');
      throw error;
    } finally {
      await clear();
    }
  }

  private staged?: { runs: DuckDBAppender; bands: DuckDBAppender };

  /** Returns appenders into temporary copies of the runs and bands tables, made on first use. */
  private async stage(): Promise<{ runs: DuckDBAppender; bands: DuckDBAppender }> {
    if (!this.staged) {
      const c = this.connection;
      await c.run('create temp table if not exists runs_stage as select * from runs limit 0');
      await c.run('create temp table if not exists bands_stage as select * from bands limit 0');
      this.staged = { runs: await c.createAppender('runs_stage', 'main', 'temp'), bands: await c.createAppender('bands_stage', 'main', 'temp') };
    }
    return this.staged;
  }

  close(): void {
    this.staged?.runs.closeSync();
    this.staged?.bands.closeSync();
    this.connection.closeSync();
    this.instance.closeSync();
  }
}
