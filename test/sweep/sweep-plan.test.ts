import { describe, expect, it } from 'vitest';
import { sweepSpecSchema } from '../../src/sweep/sweep-spec.ts';
import { factorValue, gridLevels, planSweep, pointAssignments, runSeed } from '../../src/sweep/sweep-plan.ts';
import { replicateSeed } from '../../src/engine/rng.ts';

const spec = (over: Record<string, unknown> = {}) =>
  sweepSpecSchema.parse({
    name: 't',
    scenario: 'classroom',
    seed: 5,
    replications: 3,
    factors: [
      { path: 'states.BOR.receptivity', levels: [0.2, 0.8] },
      { name: 'mu', path: 'transfer.mu', range: [1, 100], steps: 3, scale: 'log' },
    ],
    ...over,
  });

describe('planSweep', () => {
  it('expands a grid, first factor slowest, with keys made of the factor values', () => {
    const plan = planSweep(spec());
    expect(plan.points.map((p) => p.values)).toEqual([[0.2, 1], [0.2, 10.000000000000002], [0.2, 100.00000000000004], [0.8, 1], [0.8, 10.000000000000002], [0.8, 100.00000000000004]]);
    expect(plan.points[0].key).toBe('receptivity=0.2;mu=1');
  });
  it('adding a level leaves the keys of the other points unchanged', () => {
    const before = planSweep(spec()).points.map((p) => p.key);
    const after = planSweep(spec({ factors: [{ path: 'states.BOR.receptivity', levels: [0.2, 0.5, 0.8] }, { name: 'mu', path: 'transfer.mu', range: [1, 100], steps: 3, scale: 'log' }] })).points.map((p) => p.key);
    expect(after).toEqual(expect.arrayContaining(before));
  });
  it('gives the same design for the same seed, and maps unit values into the ranges', () => {
    const lhs = spec({ design: { type: 'lhs', samples: 20 } });
    expect(planSweep(lhs).points).toEqual(planSweep(lhs).points);
    for (const p of planSweep(lhs).points) {
      expect([0.2, 0.8]).toContain(p.values[0]);
      expect(p.values[1]).toBeGreaterThanOrEqual(1);
      expect(p.values[1]).toBeLessThanOrEqual(100);
    }
  });
  it('lays out a Saltelli design as A, B and AB blocks with stable roles', () => {
    const plan = planSweep(spec({ design: { type: 'sobol', samples: 8 }, factors: [{ path: 'transfer.mu', range: [0, 1] }, { path: 'forgetting.delta', range: [0, 1] }] }));
    expect(plan.points).toHaveLength(8 * 4);
    expect(plan.points.filter((p) => p.role.startsWith('AB:1#')).length).toBe(8);
    expect(new Set(plan.points.map((p) => p.key)).size).toBe(plan.points.length);
  });
  it('uses one seed per replicate with common random numbers, and point-specific seeds without', () => {
    const s = spec();
    const [a, b] = planSweep(s).points;
    expect(runSeed(s, a, 2)).toBe(replicateSeed(5, 2));
    expect(runSeed(s, b, 2)).toBe(runSeed(s, a, 2));
    const independent = spec({ commonRandomNumbers: false });
    expect(runSeed(independent, a, 2)).not.toBe(runSeed(independent, b, 2));
  });
  it('turns a point into --set assignments, a factor with several paths setting each', () => {
    const s = spec({ set: ['forgetting.delta=0.3'], factors: [{ path: ['agents[a].access', 'agents[b].access'], levels: [0.4] }] });
    expect(pointAssignments(s, planSweep(s).factors, planSweep(s).points[0])).toEqual(['forgetting.delta=0.3', 'agents[a].access=0.4', 'agents[b].access=0.4']);
  });
});

describe('factorValue and gridLevels', () => {
  it('map linear, log and integer ranges', () => {
    const f = (o: object) => sweepSpecSchema.shape.factors.element.parse({ path: 'x', ...o });
    expect(factorValue(f({ range: [0, 10] }), 0.25)).toBe(2.5);
    expect(factorValue(f({ range: [1, 100], scale: 'log' }), 0.5)).toBeCloseTo(10, 12);
    expect(factorValue(f({ range: [1, 3], integer: true }), 0.99)).toBe(3);
    expect(gridLevels(f({ range: [0, 1], steps: 5 }))).toEqual([0, 0.25, 0.5, 0.75, 1]);
  });
});
