import type { TopLevelSpec } from 'vega-lite';
import { CHART_CONFIG, NEGATIVE, OKABE_ITO, POSITIVE } from './palette.ts';

/** One point's summary as the sweep charts read it. */
export interface SweepPointRow {
  factors: Record<string, number>;
  runs: number;
  metrics: Record<string, { mean: number; low: number; high: number }>;
  outcomes: Record<string, number>;
}

/** The value a chart shows for a point: a metric's mean, or the share of escalated-or-war runs. */
export function pointValue(p: SweepPointRow, metric: string): number {
  if (metric === 'P(escalated or war)') return (p.outcomes.escalated ?? 0) + (p.outcomes.war ?? 0);
  return p.metrics[metric]?.mean ?? NaN;
}

/** A heatmap of a metric (mean over replications, or an outcome share) over two factors. */
export function sweepHeatmap(points: readonly SweepPointRow[], x: string, y: string, metric: string): TopLevelSpec {
  // With more than two factors a cell pools the points that share its x and y: the mean over them.
  const cells = new Map<string, { x: number; y: number; sum: number; n: number; runs: number }>();
  for (const p of points) {
    const key = `${p.factors[x]}|${p.factors[y]}`;
    const cell = cells.get(key) ?? { x: p.factors[x], y: p.factors[y], sum: 0, n: 0, runs: 0 };
    cell.sum += pointValue(p, metric);
    cell.n += 1;
    cell.runs += p.runs;
    cells.set(key, cell);
  }
  const rows = [...cells.values()].map((c) => ({ x: c.x, y: c.y, value: c.sum / c.n, runs: c.runs }));
  // viridis runs from dark to light: dark text on the light half, white on the dark half
  const finite = rows.map((r) => r.value).filter(Number.isFinite);
  const middle = finite.length ? (Math.min(...finite) + Math.max(...finite)) / 2 : 0;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: `${metric} over ${x} and ${y}`, subtitle: 'Each cell: the mean over its replications (and over the other factors, if any)' },
    config: CHART_CONFIG,
    width: 460,
    height: 360,
    data: { values: rows },
    encoding: {
      x: { field: 'x', type: 'ordinal', title: x, axis: { format: '.3~g', labelAngle: 0 } },
      y: { field: 'y', type: 'ordinal', title: y, scale: { reverse: true }, axis: { format: '.3~g' } },
    },
    layer: [
      { mark: 'rect', encoding: { color: { field: 'value', type: 'quantitative', title: metric, scale: { scheme: 'viridis' } }, tooltip: [{ field: 'x', title: x }, { field: 'y', title: y }, { field: 'value', format: '.3f', title: metric }, { field: 'runs' }] } },
      { mark: { type: 'text', fontSize: 11 }, encoding: { text: { field: 'value', type: 'quantitative', format: '.2f' }, color: { condition: { test: `datum.value > ${middle}`, value: 'black' }, value: 'white' } } },
    ],
  } as unknown as TopLevelSpec;
}

/** A metric against one factor: the mean with its 95% interval, one line per level of a second factor if given. */
export function sweepMetricByFactor(points: readonly SweepPointRow[], x: string, metric: string, by?: string): TopLevelSpec {
  // Points that share x (and the `by` level) but differ in other factors are pooled: the mean of
  // their means, and the widest of their intervals, so the line never zig-zags between them.
  const pooled = new Map<string, { x: number; by: string; sum: number; n: number; low: number; high: number }>();
  for (const p of points) {
    const group = by ? String(p.factors[by]) : 'all';
    const key = `${p.factors[x]}|${group}`;
    const m = p.metrics[metric];
    const e = pooled.get(key) ?? { x: p.factors[x], by: group, sum: 0, n: 0, low: Infinity, high: -Infinity };
    e.sum += m.mean;
    e.n += 1;
    e.low = Math.min(e.low, Number.isNaN(m.low) ? m.mean : m.low);
    e.high = Math.max(e.high, Number.isNaN(m.high) ? m.mean : m.high);
    pooled.set(key, e);
  }
  const rows = [...pooled.values()].sort((a, b) => a.x - b.x).map((e) => ({ x: e.x, by: e.by, mean: e.sum / e.n, low: e.low, high: e.high }));
  const groups = [...new Set(rows.map((r) => r.by))];
  const color = { field: 'by', type: 'nominal', title: by ?? null, scale: { domain: groups, range: groups.map((_, i) => OKABE_ITO[i % OKABE_ITO.length]) }, legend: by ? { orient: 'right' } : null } as const;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: `${metric} against ${x}`, subtitle: 'Mean over replications with its 95% interval' },
    config: CHART_CONFIG,
    width: 560,
    height: 300,
    data: { values: rows },
    layer: [
      { mark: { type: 'area', opacity: 0.2 }, encoding: { x: { field: 'x', type: 'quantitative', title: x }, y: { field: 'low', type: 'quantitative', title: metric }, y2: { field: 'high' }, color } },
      { mark: { type: 'line', point: true, strokeWidth: 2 }, encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'mean', type: 'quantitative' }, color, tooltip: [{ field: 'x', title: x }, { field: 'mean', format: '.3f' }, { field: 'low', format: '.3f' }, { field: 'high', format: '.3f' }] } },
    ],
  } as unknown as TopLevelSpec;
}

/** Bars of Sobol indices (first order and total, with bootstrap intervals) of one metric. */
export function sobolBars(factors: readonly string[], indices: readonly { S1: number; S1Low: number; S1High: number; ST: number; STLow: number; STHigh: number }[], metric: string): TopLevelSpec {
  const rows = factors.flatMap((f, i) => [
    { factor: f, index: 'first order S1', value: indices[i].S1, low: indices[i].S1Low, high: indices[i].S1High },
    { factor: f, index: 'total ST', value: indices[i].ST, low: indices[i].STLow, high: indices[i].STHigh },
  ]);
  const color = { field: 'index', type: 'nominal', title: null, scale: { domain: ['first order S1', 'total ST'], range: [POSITIVE, NEGATIVE] }, legend: { orient: 'top' } } as const;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: `Sobol indices of ${metric}`, subtitle: 'Share of the variance due to each factor alone (S1) and with its interactions (ST); whiskers: 95% bootstrap intervals' },
    config: CHART_CONFIG,
    width: 560,
    height: 40 * factors.length + 40,
    data: { values: rows },
    layer: [
      { mark: 'bar', encoding: { y: { field: 'factor', type: 'nominal', title: null, sort: [...factors] }, yOffset: { field: 'index', sort: ['first order S1', 'total ST'] }, x: { field: 'value', type: 'quantitative', title: 'Index' }, color } },
      { mark: { type: 'rule', color: '#333333' }, encoding: { y: { field: 'factor', type: 'nominal', title: null, sort: [...factors] }, yOffset: { field: 'index', sort: ['first order S1', 'total ST'] }, x: { field: 'low', type: 'quantitative' }, x2: { field: 'high' } } },
    ],
  } as unknown as TopLevelSpec;
}

/** Bars of Morris mu* with sigma beside them, of one metric. */
export function morrisBars(factors: readonly string[], effects: readonly { muStar: number; sigma: number }[], metric: string): TopLevelSpec {
  const rows = factors.flatMap((f, i) => [
    { factor: f, measure: 'mu* (mean |effect|)', value: effects[i].muStar },
    { factor: f, measure: 'sigma (spread)', value: Number.isFinite(effects[i].sigma) ? effects[i].sigma : 0 },
  ]);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: `Morris screening of ${metric}`, subtitle: 'mu*: how much a factor moves the metric over its range; sigma: how much that depends on the other factors' },
    config: CHART_CONFIG,
    width: 560,
    height: 40 * factors.length + 40,
    data: { values: rows },
    mark: 'bar',
    encoding: {
      y: { field: 'factor', type: 'nominal', title: null, sort: [...factors] },
      yOffset: { field: 'measure' },
      x: { field: 'value', type: 'quantitative', title: `Effect on ${metric}` },
      color: { field: 'measure', type: 'nominal', title: null, scale: { range: [POSITIVE, NEGATIVE] }, legend: { orient: 'top' } },
    },
  } as unknown as TopLevelSpec;
}
