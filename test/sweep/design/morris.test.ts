import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import seedrandom from 'seedrandom';
import { morrisDelta, morrisTrajectories } from '../../../src/sweep/design/morris.ts';

describe('morrisDelta(levels)', () => {
  it('is p / (2(p − 1))', () => {
    expect(morrisDelta(4)).toBeCloseTo(2 / 3, 15);
    expect(morrisDelta(2)).toBe(1);
    expect(morrisDelta(6)).toBeCloseTo(0.6, 15);
  });
});

describe('morrisTrajectories(r, d, levels, rand)', () => {
  it('changes exactly one factor by ±Δ per step, each factor once, on the p-level grid', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 1, max: 8 }),
        fc.constantFrom(2, 4, 6, 8, 10),
        fc.integer(),
        (r, d, p, seed) => {
          const delta = morrisDelta(p);
          const trajectories = morrisTrajectories(r, d, p, seedrandom.alea(String(seed)));
          const onGrid = (x: number) => x >= 0 && x <= 1 && Math.abs(x * (p - 1) - Math.round(x * (p - 1))) < 1e-9;
          return (
            trajectories.length === r &&
            trajectories.every((points) => {
              if (points.length !== d + 1 || !points.every((q) => q.length === d && q.every(onGrid))) return false;
              const moved: number[] = [];
              for (let k = 1; k <= d; k++) {
                const changed = points[k].flatMap((x, j) => (x !== points[k - 1][j] ? [j] : []));
                if (changed.length !== 1) return false;
                const j = changed[0];
                if (Math.abs(Math.abs(points[k][j] - points[k - 1][j]) - delta) > 1e-12) return false;
                moved.push(j);
              }
              return new Set(moved).size === d;
            })
          );
        },
      ),
      { seed: 1991, numRuns: 300 },
    );
  });
  it('visits every level and moves both ways', () => {
    const trajectories = morrisTrajectories(200, 3, 4, seedrandom.alea('levels'));
    const seen = new Set(trajectories.flat(2).map((x) => Math.round(x * 3)));
    expect([...seen].sort()).toEqual([0, 1, 2, 3]);
    const firstSteps = trajectories.map((t) => t[1].reduce((s, x, j) => s + x - t[0][j], 0));
    expect(firstSteps.some((s) => s > 0) && firstSteps.some((s) => s < 0)).toBe(true);
  });
  it('defaults to 4 levels and is fixed by the seed', () => {
    const a = morrisTrajectories(5, 3, undefined, seedrandom.alea('m'));
    expect(a).toEqual(morrisTrajectories(5, 3, 4, seedrandom.alea('m')));
    for (const x of a.flat(2)) expect([0, 1 / 3, 2 / 3, 1]).toContain(x);
  });
  it('throws a RangeError for an odd or too small number of levels', () => {
    expect(() => morrisTrajectories(1, 2, 5, seedrandom.alea('x'))).toThrow(RangeError);
    expect(() => morrisTrajectories(1, 2, 1, seedrandom.alea('x'))).toThrow(RangeError);
  });
  it('gives r single empty points for d = 0', () => {
    expect(morrisTrajectories(2, 0, 4, seedrandom.alea('x'))).toEqual([[[]], [[]]]);
  });
});
