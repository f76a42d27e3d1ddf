import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import seedrandom from 'seedrandom';
import { latinHypercube } from '../../../src/sweep/design/latin-hypercube.ts';

describe('latinHypercube(n, d, rand)', () => {
  it('hits every stratum of every dimension exactly once', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 6 }), fc.integer(), (n, d, seed) => {
        const rows = latinHypercube(n, d, seedrandom.alea(String(seed)));
        expect(rows).toHaveLength(n);
        for (let j = 0; j < d; j++) {
          const strata = rows.map((row) => Math.floor(row[j] * n)).sort((a, b) => a - b);
          expect(strata).toEqual(Array.from({ length: n }, (_, k) => k));
        }
      }),
      { seed: 20240601, numRuns: 200 },
    );
  });
  it('draws n − 1 shuffle numbers and n jitters per dimension, and is fixed by the seed', () => {
    let calls = 0;
    const counted = seedrandom.alea('lhs');
    latinHypercube(10, 3, () => (calls++, counted()));
    expect(calls).toBe(3 * (9 + 10));
    expect(latinHypercube(10, 3, seedrandom.alea('lhs'))).toEqual(latinHypercube(10, 3, seedrandom.alea('lhs')));
  });
  it('stays below 1 even when rand returns its largest value', () => {
    const rows = latinHypercube(7, 2, () => 1 - 2 ** -53);
    for (const row of rows) for (const x of row) expect(x).toBeLessThan(1);
  });
  it('gives [] for n = 0', () => {
    expect(latinHypercube(0, 3, seedrandom.alea('x'))).toEqual([]);
  });
});
