import { toCsv } from '../io/csv.ts';

/** Returns series.csv exactly as `detente run` writes it: date, step, then every column. */
export function seriesCsv(dates: readonly string[], columns: Record<string, ArrayLike<number>>): string {
  const names = Object.keys(columns);
  return toCsv(['date', 'step', ...names], dates.map((d, t) => [d, t, ...names.map((n) => columns[n][t])]));
}
