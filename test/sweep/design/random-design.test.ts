import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { randomDesign } from '../../../src/sweep/design/random-design.ts';

describe('randomDesign(n, d, rand)', () => {
  it('reads rand row by row', () => {
    let k = 0;
    const counter = () => (k++) / 10;
    expect(randomDesign(2, 3, counter)).toEqual([
      [0, 0.1, 0.2],
      [0.3, 0.4, 0.5],
    ]);
  });
  it('gives n points in [0, 1)^d, the same for the same seed', () => {
    const rows = randomDesign(500, 4, seedrandom.alea('design'));
    expect(rows).toHaveLength(500);
    for (const row of rows) {
      expect(row).toHaveLength(4);
      for (const x of row) expect(x >= 0 && x < 1).toBe(true);
    }
    expect(randomDesign(500, 4, seedrandom.alea('design'))).toEqual(rows);
  });
  it('gives [] for n = 0', () => {
    expect(randomDesign(0, 3, seedrandom.alea('x'))).toEqual([]);
  });
});
