import type { TopLevelSpec } from 'vega-lite';
import { CHART_CONFIG, NEGATIVE, NEUTRAL, OKABE_ITO, POSITIVE } from './palette.ts';
import type { LedgerRow, ReportData } from './report-data.ts';

const TOP_CAUSES = 7;

/** Official-trust ledger rows (targets tau:*), each delta as its share of the mean over rival pairs. */
function officialRows(data: ReportData): LedgerRow[] {
  const pairs = Math.max(1, data.rivalPairs.length);
  return data.ledger.filter((r) => r.target.startsWith('tau:')).map((r) => ({ ...r, delta: r.delta / pairs }));
}

/** Names a cause for charts: an event's label where it has one, else its id. */
function causeName(data: ReportData, cause: string): string {
  const label = data.timeline.find((e) => e.id === cause)?.label ?? data.log.find((e) => e.id === cause)?.label;
  return label && label !== cause ? `${label} (${cause})` : cause;
}

/** Names a cause briefly, for axis labels: the event's label, else its id. */
function shortName(data: ReportData, cause: string): string {
  return data.timeline.find((e) => e.id === cause)?.label ?? data.log.find((e) => e.id === cause)?.label ?? cause;
}

/** Returns the causes with the largest total absolute contribution, the rest to be pooled. */
function topCauses(rows: LedgerRow[], count: number): string[] {
  const total = new Map<string, number>();
  for (const r of rows) total.set(r.cause, (total.get(r.cause) ?? 0) + Math.abs(r.delta));
  return [...total.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, count).map(([c]) => c);
}

/**
 * Contribution of each cause to the change in official cross-side trust, per year, as diverging
 * stacked bars: gains above zero, losses below. The largest causes are named; the rest are pooled.
 */
export function ledgerByYearChart(data: ReportData): TopLevelSpec {
  const rows = officialRows(data);
  const top = topCauses(rows, TOP_CAUSES);
  const sums = new Map<string, { year: string; cause: string; delta: number }>();
  for (const r of rows) {
    const cause = top.includes(r.cause) ? causeName(data, r.cause) : 'all other causes';
    const year = r.date.slice(0, 4);
    const key = `${year}|${cause}`;
    const entry = sums.get(key) ?? { year, cause, delta: 0 };
    entry.delta += r.delta;
    sums.set(key, entry);
  }
  const names = [...top.map((c) => causeName(data, c)), 'all other causes'];
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: 'What moved official cross-side trust, year by year', subtitle: 'Trust ledger: each cause\'s contribution to the change in mean state-level trust between rivals' },
    config: CHART_CONFIG,
    width: 900,
    height: 320,
    data: { values: [...sums.values()].filter((r) => r.delta !== 0) },
    mark: { type: 'bar' },
    encoding: {
      x: { field: 'year', type: 'ordinal', title: 'Year', axis: { labelAngle: -90, labelOverlap: true } },
      y: { field: 'delta', type: 'quantitative', title: 'Change in official trust', stack: 'zero' },
      color: { field: 'cause', type: 'nominal', title: 'Cause', scale: { domain: names, range: names.map((_, i) => (i === names.length - 1 ? NEUTRAL : OKABE_ITO[i % OKABE_ITO.length])) }, legend: { orient: 'right' } },
      order: { field: 'cause' },
      tooltip: [{ field: 'year' }, { field: 'cause' }, { field: 'delta', format: '+.4f', title: 'change' }],
    },
  } as TopLevelSpec;
}

/** A waterfall of the largest causes of the total change in official cross-side trust over the run. */
export function ledgerWaterfallChart(data: ReportData, count = 10): TopLevelSpec {
  const rows = officialRows(data);
  const totals = new Map<string, number>();
  for (const r of rows) totals.set(r.cause, (totals.get(r.cause) ?? 0) + r.delta);
  const ranked = [...totals.entries()].sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]) || (a[0] < b[0] ? -1 : 1));
  const shown = ranked.slice(0, count);
  const rest = ranked.slice(count).reduce((s, [, v]) => s + v, 0);
  const start = data.summary.trackI.initial;
  const bars: { step: string; order: number; start: number; end: number; kind: string; delta: number }[] = [];
  let level = start;
  bars.push({ step: 'start', order: 0, start: 0, end: start, kind: 'level', delta: start });
  [...shown, ...(ranked.length > count ? [['all other causes', rest] as [string, number]] : [])].forEach(([cause, delta], k) => {
    bars.push({ step: cause === 'all other causes' ? cause : shortName(data, cause), order: k + 1, start: level, end: level + delta, kind: delta >= 0 ? 'gain' : 'loss', delta });
    level += delta;
  });
  bars.push({ step: 'end', order: bars.length, start: 0, end: level, kind: 'level', delta: level });
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: 'Largest causes of the change in official cross-side trust', subtitle: `From ${start.toFixed(3)} at the start to ${level.toFixed(3)} at the end (mean over rival pairs)` },
    config: CHART_CONFIG,
    width: 900,
    height: 320,
    data: { values: bars },
    mark: { type: 'bar', width: { band: 0.7 } },
    encoding: {
      x: { field: 'step', type: 'nominal', sort: { field: 'order' }, title: null, axis: { labelAngle: -30, labelLimit: 260 } },
      y: { field: 'start', type: 'quantitative', title: 'Official cross-side trust' },
      y2: { field: 'end' },
      color: { field: 'kind', type: 'nominal', title: null, scale: { domain: ['level', 'gain', 'loss'], range: [NEUTRAL, POSITIVE, NEGATIVE] }, legend: { orient: 'top' } },
      tooltip: [{ field: 'step', title: 'cause' }, { field: 'delta', format: '+.4f', title: 'change' }],
    },
  } as TopLevelSpec;
}
