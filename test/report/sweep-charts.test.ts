import { describe, expect, it } from 'vitest';
import { compile } from 'vega-lite';
import { sweepHeatmap, sweepMetricByFactor, type SweepPointRow } from '../../src/report/sweep-charts.ts';

// a 2 × 2 × 2 grid: metric = x + 10·y + 100·z
const points: SweepPointRow[] = [];
for (const x of [0, 1]) for (const y of [0, 1]) for (const z of [0, 1]) {
  const v = x + 10 * y + 100 * z;
  points.push({ factors: { x, y, z }, runs: 3, metrics: { m: { mean: v, low: v - 1, high: v + 1 } }, outcomes: { escalated: z, war: 0 } });
}
const data = (spec: unknown) => (spec as { data: { values: Record<string, number>[] } }).data.values;

describe('sweep charts over a grid of three factors', () => {
  it('the heatmap pools the third factor: one cell per (x, y), the mean over z', () => {
    const rows = data(sweepHeatmap(points, 'x', 'y', 'm'));
    expect(rows).toHaveLength(4);
    expect(rows.find((r) => r.x === 1 && r.y === 1)!.value).toBe(11 + 50);
    expect(data(sweepHeatmap(points, 'x', 'y', 'P(escalated or war)')).every((r) => r.value === 0.5)).toBe(true);
  });
  it('the response curve pools the factors it does not show, with the widest interval', () => {
    const rows = data(sweepMetricByFactor(points, 'x', 'm', 'y'));
    expect(rows).toHaveLength(4);
    const r = rows.find((row) => row.x === 0 && (row.by as unknown) === '1')!;
    expect([r.mean, r.low, r.high]).toEqual([60, 9, 111]);
  });
  it('compiles', () => {
    expect(() => compile(sweepHeatmap(points, 'x', 'y', 'm'))).not.toThrow();
    expect(() => compile(sweepMetricByFactor(points, 'x', 'm'))).not.toThrow();
  });
});
