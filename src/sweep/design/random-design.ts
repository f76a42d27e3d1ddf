/**
 * Returns n points drawn uniformly from [0, 1)^d, reading `rand` row by row (all d coordinates
 * of the first point, then the second…), so a seed fixes the design. n = 0 gives [].
 *
 *   randomDesign(2, 3, seedrandom.alea('7')) // e.g. [[0.41, 0.08, 0.77], [0.93, 0.25, 0.60]]
 */
export function randomDesign(n: number, d: number, rand: () => number): number[][] {
  const rows: number[][] = [];
  for (let i = 0; i < n; i++) {
    const row = new Array<number>(d);
    for (let j = 0; j < d; j++) row[j] = rand();
    rows.push(row);
  }
  return rows;
}
