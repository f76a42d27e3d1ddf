import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { saltelli, saltelliRows, splitSaltelliOutputs } from '../../../src/sweep/design/saltelli.ts';
import { sobolIndices } from '../../../src/sweep/sensitivity/sobol-indices.ts';

/** Evaluates `model` on an n-point Saltelli design over [0, 1)^d and returns its indices. */
function indicesOf(model: (x: number[]) => number, n: number, d: number, seed = 'bootstrap', resamples?: number) {
  const { yA, yB, yAB } = splitSaltelliOutputs(saltelliRows(saltelli(n, d)).map(model), n, d);
  return sobolIndices(yA, yB, yAB, { rand: seedrandom.alea(seed), resamples });
}

// Ishigami & Homma (1990) with a = 7, b = 0.1 and each x uniform on [−π, π].
const a = 7;
const b = 0.1;
const ishigami = (u: number[]) => {
  const [x1, x2, x3] = u.map((v) => Math.PI * (2 * v - 1));
  return Math.sin(x1) + a * Math.sin(x2) ** 2 + b * x3 ** 4 * Math.sin(x1);
};

describe('sobolIndices(yA, yB, yAB, options)', () => {
  it('recovers the analytic indices of the Ishigami function', () => {
    // Analytic partial variances (Sobol' & Levitan 1999): V1 = (1 + bπ⁴/5)²/2, V2 = a²/8, V3 = 0,
    // V13 = b²π⁸·8/225, and V = V1 + V2 + V13. They give the published values below.
    const pi4 = Math.PI ** 4;
    const V1 = (1 + (b * pi4) / 5) ** 2 / 2;
    const V2 = a ** 2 / 8;
    const V13 = (b ** 2 * pi4 ** 2 * 8) / 225;
    const V = V1 + V2 + V13;
    const S1 = [V1 / V, V2 / V, 0];
    const ST = [(V1 + V13) / V, V2 / V, V13 / V];
    [0.3139, 0.4424, 0].forEach((s, i) => expect(S1[i]).toBeCloseTo(s, 4));
    [0.5576, 0.4424, 0.2437].forEach((s, i) => expect(ST[i]).toBeCloseTo(s, 4));

    // The point estimates come from the deterministic Sobol design, so they do not depend on the
    // seed. With n = 8192 their errors are about 0.001 (measured when this was written); an iid
    // sample of that size would have a standard error near 0.01 (the bootstrap intervals below
    // are ±0.02–0.03 wide). A tolerance of 0.01 is thus ten times the error seen, yet tight
    // enough to catch a swapped or mis-scaled estimator.
    const indices = indicesOf(ishigami, 8192, 3);
    indices.forEach((f, i) => {
      expect(Math.abs(f.S1 - S1[i])).toBeLessThan(0.01);
      expect(Math.abs(f.ST - ST[i])).toBeLessThan(0.01);
      // The iid bootstrap overstates the error of a quasi-random design, so its intervals must
      // cover the truth.
      expect(f.S1Low).toBeLessThan(S1[i]);
      expect(f.S1High).toBeGreaterThan(S1[i]);
      expect(f.STLow).toBeLessThan(ST[i]);
      expect(f.STHigh).toBeGreaterThan(ST[i]);
    });
  });

  it('gives S1 = ST = the variance shares of an additive model', () => {
    // y = x1 + 2 x2 with uniform x: the variances are 1/12 and 4/12, so shares 0.2 and 0.8.
    const indices = indicesOf(([x1, x2, x3]) => x1 + 2 * x2 + 0 * x3, 4096, 3);
    [0.2, 0.8, 0].forEach((share, i) => {
      expect(indices[i].S1).toBeCloseTo(share, 2);
      expect(indices[i].ST).toBeCloseTo(share, 2);
    });
    expect(indices[2].ST).toBe(0);
  });

  it('ignores the mean of the output', () => {
    const plain = indicesOf(ishigami, 1024, 3);
    const shifted = indicesOf((x) => 1e6 + ishigami(x), 1024, 3);
    plain.forEach((f, i) => {
      expect(shifted[i].S1).toBeCloseTo(f.S1, 6);
      expect(shifted[i].ST).toBeCloseTo(f.ST, 6);
    });
  });

  it('returns the same intervals for the same seed, and NaN intervals without resamples', () => {
    expect(indicesOf(ishigami, 256, 3, 'x')).toEqual(indicesOf(ishigami, 256, 3, 'x'));
    const bare = indicesOf(ishigami, 256, 3, 'x', 0)[0];
    expect(Number.isNaN(bare.S1Low) && Number.isNaN(bare.STHigh)).toBe(true);
    expect(Number.isNaN(bare.S1)).toBe(false);
  });

  it('widens the interval with the level', () => {
    const { yA, yB, yAB } = splitSaltelliOutputs(saltelliRows(saltelli(512, 3)).map(ishigami), 512, 3);
    const narrow = sobolIndices(yA, yB, yAB, { rand: seedrandom.alea('l'), level: 0.5 })[0];
    const wide = sobolIndices(yA, yB, yAB, { rand: seedrandom.alea('l'), level: 0.99 })[0];
    expect(wide.STHigh - wide.STLow).toBeGreaterThan(narrow.STHigh - narrow.STLow);
  });

  it('gives NaN for a constant output', () => {
    const [f] = indicesOf(() => 3, 64, 1);
    expect([f.S1, f.ST, f.S1Low, f.STHigh].every(Number.isNaN)).toBe(true);
  });
});
