import type { TopLevelSpec } from 'vega-lite';
import type { Bands } from '../stats/quantile-bands.ts';
import { CHART_CONFIG, NEGATIVE, POSITIVE } from './palette.ts';
import { isoDate, timeX } from './time-axis.ts';

/** What a comparison report shows: per-step means of both sides and bands of their paired difference. */
export interface CompareData {
  title: string;
  baseline: string;
  variant: string;
  runs: number;
  seed: number;
  command: string;
  version: string;
  dates: string[];
  /** per series (e.g. "hostility:IN"): a display name, means of both sides, bands of variant − baseline */
  series: { column: string; name: string; baseline: number[]; variant: number[]; difference: Bands }[];
  metrics: { metric: string; baseline: number; variant: number; difference: number; low: number; high: number }[];
}

/** Baseline and variant means of one series over time, above the paired difference with its 50% and 90% bands. */
export function compareSeriesChart(data: CompareData, column: string): TopLevelSpec {
  const s = data.series.find((x) => x.column === column)!;
  const sides = data.dates.flatMap((d, t) => [
    { date: isoDate(d), side: 'baseline', value: s.baseline[t] },
    { date: isoDate(d), side: 'variant', value: s.variant[t] },
  ]);
  const diff = data.dates.map((d, t) => ({ date: isoDate(d), p05: s.difference.p05[t], p25: s.difference.p25[t], p50: s.difference.p50[t], p75: s.difference.p75[t], p95: s.difference.p95[t] }));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: `${s.name}: baseline and variant`, subtitle: `Means over ${data.runs} paired runs; below, the paired difference (variant − baseline): median, 50% and 90% bands` },
    config: CHART_CONFIG,
    vconcat: [
      {
        width: 900,
        height: 220,
        data: { values: sides },
        mark: { type: 'line', strokeWidth: 2 },
        encoding: {
          x: timeX(''),
          y: { field: 'value', type: 'quantitative', title: s.name },
          color: { field: 'side', type: 'nominal', title: null, scale: { domain: ['baseline', 'variant'], range: ['#555555', POSITIVE] }, legend: { orient: 'top' } },
          strokeDash: { field: 'side', type: 'nominal', scale: { domain: ['baseline', 'variant'], range: [[5, 3], [1, 0]] } },
        },
      },
      {
        width: 900,
        height: 160,
        data: { values: diff },
        layer: [
          { mark: { type: 'area', opacity: 0.2, color: NEGATIVE }, encoding: { x: timeX(), y: { field: 'p05', type: 'quantitative', title: 'Difference' }, y2: { field: 'p95' } } },
          { mark: { type: 'area', opacity: 0.4, color: NEGATIVE }, encoding: { x: timeX(), y: { field: 'p25', type: 'quantitative' }, y2: { field: 'p75' } } },
          { mark: { type: 'line', color: NEGATIVE, strokeWidth: 2 }, encoding: { x: timeX(), y: { field: 'p50', type: 'quantitative' } } },
          { data: { values: [{ zero: 0 }] }, mark: { type: 'rule', color: '#333333' }, encoding: { y: { field: 'zero', type: 'quantitative' } } },
        ],
      },
    ],
  } as TopLevelSpec;
}

/** The paired difference of every summary metric with its 95% interval (a forest plot), one row per metric. */
export function metricDifferenceChart(data: CompareData): TopLevelSpec {
  const rows = data.metrics.filter((m) => !Number.isNaN(m.difference) && !m.metric.startsWith('outcome.'));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: 'Paired differences of the summary metrics', subtitle: 'Variant − baseline: mean and 95% interval; each metric on its own scale' },
    config: CHART_CONFIG,
    data: { values: rows },
    facet: { row: { field: 'metric', type: 'nominal', title: null, header: { labelAngle: 0, labelAlign: 'left', labelLimit: 200 }, sort: rows.map((r) => r.metric) } },
    spec: {
      width: 500,
      height: 22,
      layer: [
        { mark: { type: 'rule', color: '#999999' }, encoding: { x: { datum: 0, type: 'quantitative' } } },
        { mark: { type: 'rule', strokeWidth: 2, color: POSITIVE }, encoding: { x: { field: 'low', type: 'quantitative', title: null }, x2: { field: 'high' } } },
        { mark: { type: 'point', filled: true, size: 50, color: POSITIVE }, encoding: { x: { field: 'difference', type: 'quantitative' }, tooltip: [{ field: 'metric' }, { field: 'difference', format: '.3f' }, { field: 'low', format: '.3f' }, { field: 'high', format: '.3f' }] } },
      ],
    },
    resolve: { scale: { x: 'independent' } },
  } as unknown as TopLevelSpec;
}
