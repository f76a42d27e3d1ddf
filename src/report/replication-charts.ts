import type { TopLevelSpec } from 'vega-lite';
import { CHART_CONFIG, OKABE_ITO, stateColorScale } from './palette.ts';
import type { ReportData, ReplicationData } from './report-data.ts';
import { isoDate, timeX } from './time-axis.ts';

function bandRows(dates: string[], bands: ReplicationData['bands'], column: string, series: string) {
  const b = bands[column];
  return dates.map((d, t) => ({ date: isoDate(d), series, p05: b.p05[t], p25: b.p25[t], p50: b.p50[t], p75: b.p75[t], p95: b.p95[t] }));
}

function fan(rows: object[], title: string, subtitle: string, yTitle: string, color: { domain: string[]; range: string[] }, yDomain?: [number, number]): TopLevelSpec {
  const y = { type: 'quantitative', title: yTitle, ...(yDomain ? { scale: { domain: yDomain } } : {}) } as const;
  const c = { field: 'series', type: 'nominal', title: null, scale: color, legend: { orient: 'top' } } as const;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: title, subtitle },
    config: CHART_CONFIG,
    width: 900,
    height: 280,
    data: { values: rows },
    layer: [
      { mark: { type: 'area', opacity: 0.18 }, encoding: { x: timeX(), y: { field: 'p05', ...y }, y2: { field: 'p95' }, color: c } },
      { mark: { type: 'area', opacity: 0.35 }, encoding: { x: timeX(), y: { field: 'p25', ...y }, y2: { field: 'p75' }, color: c } },
      { mark: { type: 'line', strokeWidth: 2 }, encoding: { x: timeX(), y: { field: 'p50', ...y }, color: c } },
    ],
  } as TopLevelSpec;
}

/** Fan chart of hostility per state across replications: median, 50% and 90% bands. */
export function hostilityFanChart(data: ReportData): TopLevelSpec | undefined {
  const reps = data.replications;
  if (!reps) return undefined;
  const rows = data.states.flatMap((s) => bandRows(data.dates, reps.bands, `hostility:${s.id}`, s.name));
  return fan(rows, `Hostility across ${reps.runs} replications`, 'Median line; darker band 50%, lighter band 90% of runs at each date', 'Hostility (index)', stateColorScale(data.states.map((s) => s.name)));
}

/** Fan chart of Track I and Track II cross-side trust across replications. */
export function trustFanChart(data: ReportData): TopLevelSpec | undefined {
  const reps = data.replications;
  if (!reps) return undefined;
  const rows = [...bandRows(data.dates, reps.bands, 'trackI', 'Track I (officials)'), ...bandRows(data.dates, reps.bands, 'trackII', 'Track II (unofficial)')];
  return fan(rows, `Cross-side trust across ${reps.runs} replications`, 'Median line; darker band 50%, lighter band 90% of runs at each date', 'Cross-side trust (0–1)', { domain: ['Track I (officials)', 'Track II (unofficial)'], range: ['#0072B2', '#009E73'] }, [0, 1]);
}

/** The share of replications ending in each outcome class. */
export function outcomeChart(data: ReportData): TopLevelSpec | undefined {
  const reps = data.replications;
  if (!reps) return undefined;
  const classes = ['de-escalated', 'stalemate', 'escalated', 'war'];
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: `Outcome classes across ${reps.runs} replications` },
    config: CHART_CONFIG,
    width: 500,
    height: 200,
    data: { values: classes.map((c) => ({ outcome: c, share: reps.outcomes[c] ?? 0 })) },
    layer: [
      {
        mark: { type: 'bar' },
        encoding: {
          y: { field: 'outcome', type: 'nominal', sort: classes, title: null },
          x: { field: 'share', type: 'quantitative', title: 'Share of runs', axis: { format: '.0%' }, scale: { domain: [0, 1] } },
          color: { field: 'outcome', type: 'nominal', scale: { domain: classes, range: [OKABE_ITO[2], '#999999', OKABE_ITO[4], '#B2182B'] }, legend: null },
        },
      },
      { mark: { type: 'text', align: 'left', dx: 4 }, encoding: { y: { field: 'outcome', type: 'nominal', sort: classes }, x: { field: 'share', type: 'quantitative' }, text: { field: 'share', format: '.0%' } } },
    ],
  } as TopLevelSpec;
}
