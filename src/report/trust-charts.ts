import type { TopLevelSpec } from 'vega-lite';
import { CHART_CONFIG, OKABE_ITO } from './palette.ts';
import type { ReportData } from './report-data.ts';
import { isoDate, timeX } from './time-axis.ts';

const WIDTH = 900;

/** State-level trust tau for each ordered pair of states over time; a pair is coloured by the state that trusts. */
export function stateTrustChart(data: ReportData): TopLevelSpec {
  const name = new Map(data.states.map((s) => [s.id, s.name]));
  const pairs = Object.keys(data.columns).filter((c) => c.startsWith('tau:')).map((c) => c.slice(4));
  const rows = pairs.flatMap((pair) => {
    const [from, to] = pair.split('>');
    const col = data.columns[`tau:${pair}`];
    const label = `${name.get(from)} → ${name.get(to)}`;
    return data.dates.map((d, t) => ({ date: isoDate(d), pair: label, truster: name.get(from), rival: data.rivalPairs.includes(pair) ? 'rivals' : 'not rivals', trust: col[t] }));
  });
  const labels = [...new Set(rows.map((r) => r.pair))];
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: 'State-level trust for each pair of states', subtitle: 'Mean trust of one state\'s negotiators in the other\'s; solid lines are rival pairs' },
    config: CHART_CONFIG,
    width: WIDTH,
    height: 300,
    data: { values: rows },
    mark: { type: 'line', strokeWidth: 2 },
    encoding: {
      x: timeX(),
      y: { field: 'trust', type: 'quantitative', title: 'Trust (0–1)', scale: { domain: [0, 1] } },
      color: { field: 'pair', type: 'nominal', title: 'Who trusts whom', scale: { domain: labels, range: labels.map((_, i) => OKABE_ITO[i % OKABE_ITO.length]) }, legend: { orient: 'right' } },
      strokeDash: { field: 'rival', type: 'nominal', title: 'Pair', scale: { domain: ['rivals', 'not rivals'], range: [[1, 0], [5, 4]] } },
      tooltip: [{ field: 'pair' }, { field: 'date', type: 'temporal', format: '%b %Y' }, { field: 'trust', format: '.3f' }],
    },
  } as TopLevelSpec;
}

/**
 * Track I against Track II cross-side trust over time: officials' mean trust in their rivals'
 * officials, and Track II actors' mean trust in the rival side. The gap after a shock is the seeds'
 * claim that Track II keeps channels open when official relations deteriorate.
 */
export function tracksChart(data: ReportData): TopLevelSpec {
  const rows = data.dates.flatMap((d, t) => [
    { date: isoDate(d), track: 'Track I (officials)', trust: data.columns.trackI[t] },
    { date: isoDate(d), track: 'Track II (unofficial)', trust: data.columns.trackII[t] },
  ]);
  const shocks = data.log.filter((e) => e.outcome === 'shock' && (e.severity ?? 0) >= 0.4).map((e) => ({ date: isoDate(e.date), label: e.label }));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: 'Track I and Track II cross-side trust', subtitle: 'Means over rival pairs; grey rules are shocks of severity ≥ 0.4' },
    config: CHART_CONFIG,
    width: WIDTH,
    height: 300,
    layer: [
      {
        data: { values: shocks },
        mark: { type: 'rule', color: '#bbbbbb', strokeWidth: 1 },
        encoding: { x: timeX(), tooltip: [{ field: 'label' }, { field: 'date', type: 'temporal', format: '%b %Y' }] },
      },
      {
        data: { values: rows },
        mark: { type: 'line', strokeWidth: 2.5 },
        encoding: {
          x: timeX(),
          y: { field: 'trust', type: 'quantitative', title: 'Cross-side trust (0–1)', scale: { domain: [0, 1] } },
          color: { field: 'track', type: 'nominal', title: null, scale: { domain: ['Track I (officials)', 'Track II (unofficial)'], range: ['#0072B2', '#009E73'] }, legend: { orient: 'top' } },
          strokeDash: { field: 'track', type: 'nominal', scale: { domain: ['Track I (officials)', 'Track II (unofficial)'], range: [[1, 0], [6, 3]] } },
          tooltip: [{ field: 'track' }, { field: 'date', type: 'temporal', format: '%b %Y' }, { field: 'trust', format: '.3f' }],
        },
      },
    ],
  } as TopLevelSpec;
}

