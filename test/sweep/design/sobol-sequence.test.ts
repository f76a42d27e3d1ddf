import { describe, expect, it } from 'vitest';
import { SOBOL_MAX_DIMENSION, sobolPoints, sobolSequence } from '../../../src/sweep/design/sobol-sequence.ts';

describe('sobolPoints(n, d, skip)', () => {
  it('starts dimensions 1–3 with the points derived by hand from the definition', () => {
    // Direction numbers v_k = m_k / 2^k. Dimension 1 (van der Corput): m_k = 1, so v = 1/2, 1/4,
    // 1/8. Dimension 2 (Joe–Kuo row s=1, a=0, m=1; polynomial x + 1): m_k = 2m_{k−1} ^ m_{k−1}
    // gives m = 1, 3, 5, so v = 1/2, 3/4, 5/8. Dimension 3 (s=2, a=1, m=1 3; x² + x + 1):
    // m_k = 2m_{k−1} ^ 4m_{k−2} ^ m_{k−2} gives m_3 = 6 ^ 4 ^ 1 = 3, so v = 1/2, 3/4, 3/8.
    // In Gray-code order point i+1 is point i XOR v_c, c the lowest zero bit of i (1-based):
    // c = 1, 2, 1, 3, 1, 2, 1 for i = 0…6. Dimension 2, for example:
    // 0 → .1b=.5 → .1^.11=.01b=.25 → .11b=.75 → .110^.101=.011b=.375 → .875 → .875^.75=.125 → .625
    const points = sobolPoints(8, 3);
    expect(points.map((p) => p[0])).toEqual([0, 0.5, 0.75, 0.25, 0.375, 0.875, 0.625, 0.125]);
    expect(points.map((p) => p[1])).toEqual([0, 0.5, 0.25, 0.75, 0.375, 0.875, 0.125, 0.625]);
    expect(points.map((p) => p[2])).toEqual([0, 0.5, 0.25, 0.75, 0.625, 0.125, 0.875, 0.375]);
  });

  it('matches SciPy far into the sequence and in the last tabulated dimension', () => {
    // From SciPy 1.17.1, whose unscrambled Sobol uses the same new-joe-kuo-6.21201 numbers:
    // s = scipy.stats.qmc.Sobol(53, scramble=False, bits=32); s.fast_forward(i); s.random(1),
    // dimensions 1, 2, 3, 21 and 53, times 2^32. (When this was written, the first 1024 points
    // agreed with SciPy in all 53 dimensions.)
    const expected: Record<number, number[]> = {
      1000: [943718400, 415236096, 2227175424, 2243952640, 3233808384],
      [2 ** 31 - 3]: [3221225474, 3937053354, 3456167662, 2852257806, 1669333902],
    };
    for (const [i, numerators] of Object.entries(expected)) {
      const [point] = sobolPoints(1, 53, Number(i));
      expect([0, 1, 2, 20, 52].map((j) => point[j] * 2 ** 32)).toEqual(numerators);
    }
  });

  it('follows Sobol’s recurrence on the initial direction integers', () => {
    // An independent reading of the definition: m_k = 2a_1 m_{k−1} ^ … ^ 2^{s−1} a_{s−1} m_{k−s+1}
    // ^ 2^s m_{k−s} ^ m_{k−s}, and x_i = XOR over the set bits k of gray(i) of m_k / 2^k.
    const rows: [dim: number, s: number, a: number, m: number[]][] = [
      [6, 4, 1, [1, 1, 3, 3]],
      [13, 5, 14, [1, 3, 5, 5, 31]],
      [21, 7, 4, [1, 3, 7, 13, 13, 15, 69]],
    ];
    const bits = 12;
    const points = sobolPoints(2 ** bits, 21);
    for (const [dim, s, a, initial] of rows) {
      const m = [0, ...initial];
      for (let k = s + 1; k <= bits; k++) {
        let x = (2 ** s * m[k - s]) ^ m[k - s];
        for (let j = 1; j < s; j++) if ((a >> (s - 1 - j)) & 1) x ^= 2 ** j * m[k - j];
        m[k] = x;
      }
      for (let i = 0; i < 2 ** bits; i++) {
        const gray = i ^ (i >> 1);
        let numerator = 0;
        for (let k = 1; k <= bits; k++) if ((gray >> (k - 1)) & 1) numerator ^= m[k] << (bits - k);
        expect(points[i][dim - 1]).toBe(numerator / 2 ** bits);
      }
    }
  });

  it('puts one point in each dyadic interval of every dimension for n = 2^k', () => {
    const points = sobolPoints(2 ** 10, SOBOL_MAX_DIMENSION);
    const later = sobolPoints(2 ** 6, SOBOL_MAX_DIMENSION, 5 * 2 ** 6);
    const balanced = (block: number[][], n: number, j: number) =>
      new Set(block.map((p) => Math.floor(p[j] * n))).size === n && block.length === n;
    for (let j = 0; j < SOBOL_MAX_DIMENSION; j++) {
      for (let k = 0; k <= 10; k++) expect(balanced(points.slice(0, 2 ** k), 2 ** k, j)).toBe(true);
      expect(balanced(later, 2 ** 6, j)).toBe(true);
    }
  });

  it('continues where a skip leaves off', () => {
    expect(sobolPoints(5, 4, 27)).toEqual(sobolPoints(32, 4).slice(27));
  });

  it('ends after point 2^32 − 1 and gives [] for n = 0', () => {
    expect(sobolPoints(10, 2, 2 ** 32 - 2)).toHaveLength(2);
    expect(sobolPoints(0, 2)).toEqual([]);
  });
});

describe('sobolSequence(d, skip)', () => {
  it('yields the same points as sobolPoints, lazily', () => {
    const sequence = sobolSequence(2);
    expect([sequence.next().value, sequence.next().value, sequence.next().value]).toEqual(sobolPoints(3, 2));
  });
  it('throws a RangeError when called beyond its table or with a bad skip', () => {
    expect(() => sobolSequence(SOBOL_MAX_DIMENSION + 1)).toThrow(RangeError);
    expect(() => sobolSequence(2, -1)).toThrow(RangeError);
    expect(() => sobolSequence(2.5)).toThrow(RangeError);
    expect(SOBOL_MAX_DIMENSION).toBeGreaterThanOrEqual(21);
  });
});
