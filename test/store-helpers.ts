import { DuckDBInstance } from '@duckdb/node-api';

/** Runs one query against a sweep store (opened and closed for it) and returns its rows. */
export async function query(file: string, sql: string): Promise<Record<string, unknown>[]> {
  const instance = await DuckDBInstance.create(file);
  const c = await instance.connect();
  try {
    return (await c.runAndReadAll(sql)).getRowObjects();
  } finally {
    c.closeSync();
    instance.closeSync();
  }
}

/** Every stored run and band, in a fixed order, for comparing two stores. */
export const ALL_RUNS = 'select * from runs order by run_key';
export const ALL_BANDS = 'select * from bands order by point_key, series, step';
