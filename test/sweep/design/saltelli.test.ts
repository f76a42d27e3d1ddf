import { describe, expect, it } from 'vitest';
import {
  SALTELLI_MAX_FACTORS,
  saltelli,
  saltelliRows,
  splitSaltelliOutputs,
} from '../../../src/sweep/design/saltelli.ts';
import { sobolPoints } from '../../../src/sweep/design/sobol-sequence.ts';

describe('saltelli(n, d, options)', () => {
  it('takes A from the first d and B from the last d columns of a 2d-dimensional Sobol sequence', () => {
    const { A, B } = saltelli(16, 3);
    const points = sobolPoints(16, 6);
    expect(A).toEqual(points.map((p) => p.slice(0, 3)));
    expect(B).toEqual(points.map((p) => p.slice(3)));
  });
  it('builds AB[i] as A with column i from B', () => {
    const { A, B, AB } = saltelli(8, 4);
    expect(AB).toHaveLength(4);
    AB.forEach((block, i) =>
      block.forEach((row, k) => row.forEach((x, j) => expect(x).toBe(j === i ? B[k][j] : A[k][j]))),
    );
  });
  it('skips the first points of the sequence on request', () => {
    const { A, B } = saltelli(4, 2, { skip: 1 });
    const points = sobolPoints(5, 4).slice(1);
    expect(A).toEqual(points.map((p) => p.slice(0, 2)));
    expect(B).toEqual(points.map((p) => p.slice(2)));
    expect(saltelli(4, 2).A[0]).toEqual([0, 0]);
  });
  it('throws a RangeError past the Sobol table', () => {
    expect(() => saltelli(4, SALTELLI_MAX_FACTORS + 1)).toThrow(RangeError);
    expect(SALTELLI_MAX_FACTORS).toBeGreaterThanOrEqual(10);
  });
  it('gives empty matrices for n = 0', () => {
    expect(saltelli(0, 2)).toEqual({ A: [], B: [], AB: [[], []] });
  });
});

describe('saltelliRows(design) / splitSaltelliOutputs(y, n, d)', () => {
  it('lays out n(d + 2) rows as A, B, AB[0], …, AB[d−1], and splits outputs back', () => {
    const n = 8;
    const d = 3;
    const design = saltelli(n, d);
    const rows = saltelliRows(design);
    expect(rows).toHaveLength(n * (d + 2));
    expect(rows.slice(0, n)).toEqual(design.A);
    expect(rows.slice(n, 2 * n)).toEqual(design.B);
    for (let i = 0; i < d; i++) expect(rows.slice((2 + i) * n, (3 + i) * n)).toEqual(design.AB[i]);
    const model = (x: number[]) => x[0] + 10 * x[1] + 100 * x[2];
    const { yA, yB, yAB } = splitSaltelliOutputs(rows.map(model), n, d);
    expect(yA).toEqual(design.A.map(model));
    expect(yB).toEqual(design.B.map(model));
    expect(yAB).toEqual(design.AB.map((block) => block.map(model)));
  });
});
