import { sobolSequence, SOBOL_MAX_DIMENSION } from './sobol-sequence.ts';

/** The base matrices of a Saltelli design and the d matrices mixed from them. */
export interface SaltelliDesign {
  /** n base points in [0, 1)^d. */
  A: number[][];
  /** n further base points, independent of A's coordinates. */
  B: number[][];
  /** AB[i] is A with column i taken from B. */
  AB: number[][][];
}

export interface SaltelliOptions {
  /**
   * Sobol points to drop before the first one used; 0 by default. Skipping the first point
   * avoids the origin, where every factor sits at its lower bound; keeping it (or skipping a
   * multiple of n, with n a power of two) keeps the balance that makes the sequence low in
   * discrepancy, which Owen ("On dropping the first Sobol' point", 2022) recommends.
   */
  skip?: number;
}

/** The most factors a Saltelli design can have: it uses two Sobol dimensions per factor. */
export const SALTELLI_MAX_FACTORS = Math.floor(SOBOL_MAX_DIMENSION / 2);

/**
 * Returns the sampling design for Sobol indices of d factors with n base points (Saltelli 2002;
 * Saltelli et al. 2010): n points of a 2d-dimensional Sobol sequence, whose first d columns form A
 * and last d columns form B, and for each factor i the matrix AB[i], A with column i from B. The
 * model is evaluated at n(d + 2) points in all; saltelliRows lays them out in one matrix. Powers
 * of two for n keep the sequence balanced. Throws a RangeError beyond SALTELLI_MAX_FACTORS
 * factors, a caller bug.
 *
 *   const { A, B, AB } = saltelli(1024, 3);
 *   AB[1][5] // [A[5][0], B[5][1], A[5][2]]
 */
export function saltelli(n: number, d: number, options: SaltelliOptions = {}): SaltelliDesign {
  if (d > SALTELLI_MAX_FACTORS) {
    throw new RangeError(`saltelli: at most ${SALTELLI_MAX_FACTORS} factors, got ${d}`);
  }
  const A: number[][] = [];
  const B: number[][] = [];
  if (n > 0) {
    for (const point of sobolSequence(2 * d, options.skip ?? 0)) {
      A.push(point.slice(0, d));
      B.push(point.slice(d));
      if (A.length >= n) break;
    }
  }
  const AB = Array.from({ length: d }, (_, i) =>
    A.map((a, k) => {
      const row = a.slice();
      row[i] = B[k][i];
      return row;
    }),
  );
  return { A, B, AB };
}

/**
 * Returns the n(d + 2) points of a Saltelli design as one matrix, in blocks of n rows: rows
 * 0…n−1 are A, rows n…2n−1 are B, and rows (2 + i)n…(3 + i)n − 1 are AB[i]. Row k of every block
 * comes from base point k. splitSaltelliOutputs undoes this layout for the model's outputs.
 *
 *   saltelliRows(saltelli(4, 2)).length // 16
 */
export function saltelliRows(design: SaltelliDesign): number[][] {
  return [design.A, design.B, ...design.AB].flat();
}

/**
 * Splits the n(d + 2) outputs evaluated at saltelliRows of an n-point, d-factor design, in that
 * order, back into the outputs at A, at B and at each AB[i], ready for sobolIndices.
 *
 *   const { yA, yB, yAB } = splitSaltelliOutputs(saltelliRows(design).map(model), n, d);
 */
export function splitSaltelliOutputs(
  y: ArrayLike<number>,
  n: number,
  d: number,
): { yA: number[]; yB: number[]; yAB: number[][] } {
  const block = (b: number) => Array.from({ length: n }, (_, k) => y[b * n + k]);
  return { yA: block(0), yB: block(1), yAB: Array.from({ length: d }, (_, i) => block(2 + i)) };
}
