import { describe, expect, it } from 'vitest';
import { fullGrid } from '../../../src/sweep/design/full-grid.ts';

describe('fullGrid(levels)', () => {
  it('crosses the level lists with the first factor varying slowest', () => {
    expect(fullGrid([[0, 1], [10, 20, 30]])).toEqual([
      [0, 10],
      [0, 20],
      [0, 30],
      [1, 10],
      [1, 20],
      [1, 30],
    ]);
  });
  it('has as many rows as the product of the level counts, all distinct', () => {
    const rows = fullGrid([[1, 2, 3], [4, 5], [6, 7, 8, 9]]);
    expect(rows).toHaveLength(24);
    expect(new Set(rows.map((r) => r.join(','))).size).toBe(24);
    expect(rows[0]).toEqual([1, 4, 6]);
    expect(rows[23]).toEqual([3, 5, 9]);
  });
  it('gives no rows when a factor has no levels, and one empty row for no factors', () => {
    expect(fullGrid([[1, 2], []])).toEqual([]);
    expect(fullGrid([])).toEqual([[]]);
  });
});
