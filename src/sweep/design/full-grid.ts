/**
 * Returns every combination of one level per factor, the first factor varying slowest, so rows
 * come out in the order of nested loops written factor by factor. A factor with no levels gives
 * no rows; no factors at all give one empty row (the single run at the defaults).
 *
 *   fullGrid([[0, 1], [10, 20, 30]]) // [[0, 10], [0, 20], [0, 30], [1, 10], [1, 20], [1, 30]]
 */
export function fullGrid(levels: readonly (readonly number[])[]): number[][] {
  let rows: number[][] = [[]];
  for (const values of levels) {
    const next: number[][] = [];
    for (const row of rows) for (const value of values) next.push([...row, value]);
    rows = next;
  }
  return rows;
}
