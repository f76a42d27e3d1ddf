/**
 * Direction numbers of S. Joe and F. Y. Kuo, "Constructing Sobol sequences with better
 * two-dimensional projections", SIAM J. Sci. Comput. 30 (2008) 2635–2654, from their file
 * `new-joe-kuo-6.21201`, rows d = 2…53 (every primitive polynomial up to degree 8). Each row is
 * `s a m_1 … m_s`: the polynomial's degree, its inner coefficients as bits (highest first), and
 * the initial direction integers. Dimension 1 needs no row: it is van der Corput's sequence.
 */
const JOE_KUO = `
1 0 1
2 1 1 3
3 1 1 3 1
3 2 1 1 1
4 1 1 1 3 3
4 4 1 3 5 13
5 2 1 1 5 5 17
5 4 1 1 5 5 5
5 7 1 1 7 11 19
5 11 1 1 5 1 1
5 13 1 1 1 3 11
5 14 1 3 5 5 31
6 1 1 3 3 9 7 49
6 13 1 1 1 15 21 21
6 16 1 3 1 13 27 49
6 19 1 1 1 15 7 5
6 22 1 3 1 15 13 25
6 25 1 1 5 5 19 61
7 1 1 3 7 11 23 15 103
7 4 1 3 7 13 13 15 69
7 7 1 1 3 13 7 35 63
7 8 1 3 5 9 1 25 53
7 14 1 3 1 13 9 35 107
7 19 1 3 1 5 27 61 31
7 21 1 1 5 11 19 41 61
7 28 1 3 5 3 3 13 69
7 31 1 1 7 13 1 19 1
7 32 1 3 7 5 13 19 59
7 37 1 1 3 9 25 29 41
7 41 1 3 5 13 23 1 55
7 42 1 3 7 3 13 59 17
7 50 1 3 1 3 5 53 69
7 55 1 1 5 5 23 33 13
7 56 1 1 7 7 1 61 123
7 59 1 1 7 9 13 61 49
7 62 1 3 3 5 3 55 33
8 14 1 3 1 15 31 13 49 245
8 21 1 3 5 15 31 59 63 97
8 22 1 3 1 11 11 11 77 249
8 38 1 3 1 11 27 43 71 9
8 47 1 1 7 15 21 11 81 45
8 49 1 3 7 3 25 31 65 79
8 50 1 3 1 1 19 11 3 205
8 52 1 1 5 9 19 21 29 157
8 56 1 3 7 11 1 33 89 185
8 67 1 3 3 3 15 9 79 71
8 70 1 3 7 11 15 39 119 27
8 84 1 1 3 1 11 31 97 225
8 97 1 1 1 3 23 43 57 177
8 103 1 3 7 7 17 17 37 71
8 115 1 3 1 5 27 63 123 213
8 122 1 1 3 5 11 43 53 133
`
  .trim()
  .split('\n')
  .map((row) => row.split(' ').map(Number));

/** The most dimensions sobolSequence can generate. */
export const SOBOL_MAX_DIMENSION = JOE_KUO.length + 1;

// Points are 32-bit binary fractions, so there are 2^32 of them, all distinct.
const BITS = 32;
const PERIOD = 2 ** BITS;

/**
 * Returns the 32 direction numbers of dimension `dim` (1-based), each scaled to a 32-bit
 * fraction: v[k] = m_{k+1} · 2^(31−k).
 */
function directionNumbers(dim: number): Uint32Array {
  const v = new Uint32Array(BITS);
  if (dim === 1) {
    for (let k = 0; k < BITS; k++) v[k] = 2 ** (BITS - 1 - k);
    return v;
  }
  const [s, a, ...m] = JOE_KUO[dim - 2];
  for (let k = 0; k < s; k++) v[k] = m[k] * 2 ** (BITS - 1 - k);
  // Sobol's recurrence on the scaled numbers: the polynomial's leading and constant terms give
  // v[k−s] ^ (v[k−s] >> s); each inner coefficient set in `a` adds the matching earlier v.
  for (let k = s; k < BITS; k++) {
    let x = v[k - s] ^ (v[k - s] >>> s);
    for (let j = 1; j < s; j++) if ((a >>> (s - 1 - j)) & 1) x ^= v[k - j];
    v[k] = x;
  }
  return v;
}

/**
 * Yields the points of the unscrambled Sobol sequence in [0, 1)^d, from point `skip` on, in
 * Gray-code order (Antonov & Saleev 1979): point i is the XOR of the direction numbers picked by
 * the bits of i ^ (i >> 1), so each point differs from the last by one XOR per dimension, and
 * skipping costs nothing. Dimension 1 is van der Corput's sequence; dimensions 2…53 use Joe & Kuo's
 * (2008) direction numbers. The first point is the origin; any 2^k consecutive points starting at
 * a multiple of 2^k put exactly one point in each interval [j/2^k, (j+1)/2^k) of every dimension. The
 * sequence ends after point 2^32 − 1. Throws a RangeError if d is not an integer in
 * [0, SOBOL_MAX_DIMENSION] or skip is not an integer in [0, 2^32]: these are caller bugs.
 *
 *   const points = sobolSequence(2);
 *   points.next().value; // [0, 0]
 *   points.next().value; // [0.5, 0.5]
 *   points.next().value; // [0.75, 0.25]
 */
export function sobolSequence(d: number, skip = 0): Generator<number[], void, undefined> {
  // Checked here rather than in the generator body, which would run only on the first next().
  if (!Number.isInteger(d) || d < 0 || d > SOBOL_MAX_DIMENSION) {
    throw new RangeError(`sobolSequence: d must be an integer from 0 to ${SOBOL_MAX_DIMENSION}, got ${d}`);
  }
  if (!Number.isInteger(skip) || skip < 0 || skip > PERIOD) {
    throw new RangeError(`sobolSequence: skip must be an integer from 0 to 2^32, got ${skip}`);
  }
  return generate(d, skip);
}

function* generate(d: number, skip: number): Generator<number[], void, undefined> {
  const v = Array.from({ length: d }, (_, j) => directionNumbers(j + 1));
  const x = new Uint32Array(d);
  const gray = (skip ^ (skip >>> 1)) >>> 0;
  for (let k = 0; k < BITS; k++) if ((gray >>> k) & 1) for (let j = 0; j < d; j++) x[j] ^= v[j][k];
  for (let i = skip; i < PERIOD; i++) {
    yield Array.from(x, (u) => u / PERIOD);
    // Going from Gray code i to that of i + 1 flips one bit: the lowest zero bit of i. After
    // 2^32 − 1 there is none (c = −1) and the loop ends.
    const c = 31 - Math.clz32(~i & (i + 1));
    if (c < 0) return;
    for (let j = 0; j < d; j++) x[j] ^= v[j][c];
  }
}

/**
 * Returns n points of the Sobol sequence in [0, 1)^d, starting at point `skip`; fewer if the
 * sequence ends first. See sobolSequence.
 *
 *   sobolPoints(4, 2) // [[0, 0], [0.5, 0.5], [0.75, 0.25], [0.25, 0.75]]
 */
export function sobolPoints(n: number, d: number, skip = 0): number[][] {
  const points: number[][] = [];
  if (n <= 0) return points;
  for (const point of sobolSequence(d, skip)) {
    points.push(point);
    if (points.length >= n) break;
  }
  return points;
}
