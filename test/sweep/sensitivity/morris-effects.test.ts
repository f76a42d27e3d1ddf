import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { morrisTrajectories } from '../../../src/sweep/design/morris.ts';
import { morrisEffects } from '../../../src/sweep/sensitivity/morris-effects.ts';

const outputsOf = (trajectories: number[][][], model: (x: number[]) => number) =>
  trajectories.map((points) => points.map(model));

describe('morrisEffects(trajectories, outputs)', () => {
  it('gives mu* = |coefficient| and sigma = 0 for a linear model, and 0 for an unused factor', () => {
    const coefficients = [3, -2, 0, 0.5];
    const model = (x: number[]) => x.reduce((s, xi, i) => s + coefficients[i] * xi, 0);
    const trajectories = morrisTrajectories(20, 4, 4, seedrandom.alea('linear'));
    const effects = morrisEffects(trajectories, outputsOf(trajectories, model));
    effects.forEach((e, i) => {
      // Every elementary effect of a linear model is its coefficient, whichever way the step goes.
      expect(e.muStar).toBeCloseTo(Math.abs(coefficients[i]), 12);
      expect(e.mu).toBeCloseTo(coefficients[i], 12);
      expect(e.sigma).toBeCloseTo(0, 12);
    });
    expect(effects[2]).toEqual({ mu: 0, muStar: 0, sigma: 0 });
  });

  it('computes the effects of hand-built trajectories', () => {
    // y = x1·x2. Trajectory 1: (0,0) → (2/3,0) → (2/3,2/3): EE1 = 0, EE2 = (4/9)/(2/3) = 2/3.
    // Trajectory 2: (1,1) → (1,1/3) → (1/3,1/3): EE2 = (1/3 − 1)/(−2/3) = 1,
    // EE1 = (1/9 − 1/3)/(−2/3) = 1/3. Each factor's two effects differ by 1/3: sigma = √2/6.
    const trajectories = [
      [[0, 0], [2 / 3, 0], [2 / 3, 2 / 3]],
      [[1, 1], [1, 1 / 3], [1 / 3, 1 / 3]],
    ];
    const [e1, e2] = morrisEffects(trajectories, outputsOf(trajectories, ([x1, x2]) => x1 * x2));
    expect(e1.mu).toBeCloseTo(1 / 6, 12);
    expect(e1.muStar).toBeCloseTo(1 / 6, 12);
    expect(e2.mu).toBeCloseTo(5 / 6, 12);
    expect(e1.sigma).toBeCloseTo(Math.SQRT2 / 6, 12);
    expect(e2.sigma).toBeCloseTo(Math.SQRT2 / 6, 12);
  });

  it('lets opposite effects cancel in mu but not in mu*', () => {
    // y = (x1 − 1/2)²: stepping 0 → 2/3 gives −1/3, stepping 1 → 1/3 gives +1/3.
    const trajectories = [[[0], [2 / 3]], [[1], [1 / 3]]];
    const [e] = morrisEffects(trajectories, outputsOf(trajectories, ([x]) => (x - 0.5) ** 2));
    expect(e.mu).toBeCloseTo(0, 12);
    expect(e.muStar).toBeCloseTo(1 / 3, 12);
  });

  it('gives NaN sigma from one trajectory, and [] from none', () => {
    const trajectories = [[[0, 0], [2 / 3, 0], [2 / 3, 2 / 3]]];
    const effects = morrisEffects(trajectories, outputsOf(trajectories, ([x1, x2]) => x1 + x2));
    expect(effects.map((e) => e.muStar)).toEqual([1, 1]);
    expect(effects.every((e) => Number.isNaN(e.sigma))).toBe(true);
    expect(morrisEffects([], [])).toEqual([]);
  });
});
