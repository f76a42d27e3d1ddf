import { describe, expect, it } from 'vitest';
import { compile } from 'vega-lite';
import { layOutEvents } from '../../src/report/hostility-chart.ts';
import { layOutAgents } from '../../src/report/network-chart.ts';
import { reportCharts } from '../../src/report/report-charts.ts';
import { OKABE_ITO } from '../../src/report/palette.ts';
import { monthsBetween } from '../../src/report/time-axis.ts';
import { reportDataFor } from './fixtures.ts';

const ip = reportDataFor('india-pakistan', 1947);
const classroom = reportDataFor('classroom', 1, 8);

type Json = Record<string, unknown> & { [key: string]: any };
/** Returns every inline data array of a spec, in document order. */
function datasets(spec: Json): any[][] {
  const out: any[][] = [];
  const walk = (node: any) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node && typeof node === 'object') {
      if (node.data?.values) out.push(node.data.values);
      Object.values(node).forEach(walk);
    }
  };
  walk(spec);
  return out;
}

describe('reportCharts', () => {
  it('draws the run charts, and the replication charts only when there are replications', () => {
    expect(reportCharts(ip).map((c) => c.name)).toEqual(['hostility', 'tracks', 'state-trust', 'ledger-by-year', 'ledger-waterfall', 'network']);
    expect(reportCharts(classroom).map((c) => c.name)).toEqual(['hostility', 'tracks', 'state-trust', 'ledger-by-year', 'ledger-waterfall', 'network', 'hostility-fan', 'trust-fan', 'outcomes']);
  });

  it('every spec compiles with vega-lite without warnings', () => {
    for (const chart of [...reportCharts(ip), ...reportCharts(classroom)]) {
      const warnings: string[] = [];
      const logger = { level: () => logger, warn: (...m: unknown[]) => (warnings.push(m.join(' ')), logger), info: () => logger, debug: () => logger, error: (...m: unknown[]) => { throw new Error(m.join(' ')); } };
      compile(chart.spec, { logger: logger as never });
      expect(warnings, chart.name).toEqual([]);
      expect(chart.caption.length, chart.name).toBeGreaterThan(40);
    }
  });

  it('hostility chart: one series per state, both thresholds, events in a lane below', () => {
    const spec = reportCharts(ip)[0].spec as unknown as Json;
    expect(spec.vconcat).toHaveLength(2);
    const [lines, ...rest] = datasets(spec);
    expect(new Set(lines.map((r: any) => r.state))).toEqual(new Set(['India', 'Pakistan']));
    expect(lines).toHaveLength(2 * ip.dates.length);
    const thresholds = rest.flat().filter((r: any) => r.y !== undefined).map((r: any) => r.y);
    expect(new Set(thresholds)).toEqual(new Set([1, 2]));
    expect(JSON.stringify(spec)).toContain('Mumbai attacks');
  });

  it('every state keeps its colour across the charts', () => {
    const hostility = reportCharts(ip)[0].spec as unknown as Json;
    expect(hostility.vconcat[0].layer[0].encoding.color.scale).toEqual({ domain: ['India', 'Pakistan'], range: [OKABE_ITO[0], OKABE_ITO[1]] });
    const fan = reportCharts(classroom).find((c) => c.name === 'hostility-fan')!.spec as unknown as Json;
    expect(fan.layer[0].encoding.color.scale).toEqual({ domain: ['Arland', 'Borovia'], range: [OKABE_ITO[0], OKABE_ITO[1]] });
  });

  it('ledger by year: each year\'s contributions sum to that year\'s change in official trust', () => {
    const spec = reportCharts(ip).find((c) => c.name === 'ledger-by-year')!.spec as unknown as Json;
    const rows = datasets(spec)[0];
    const byYear = new Map<string, number>();
    for (const r of rows) byYear.set(r.year, (byYear.get(r.year) ?? 0) + r.delta);
    const trackI = ip.columns.trackI;
    const lastOf = (year: string) => ip.dates.map((d, t) => [d, t] as const).filter(([d]) => d.startsWith(year)).pop()![1];
    // 1991: from the end of 1990 to the end of 1991
    expect(byYear.get('1991')).toBeCloseTo(trackI[lastOf('1991')] - trackI[lastOf('1990')], 9);
  });

  it('waterfall: the bars run from the initial to the final official trust', () => {
    const rows = datasets(reportCharts(ip).find((c) => c.name === 'ledger-waterfall')!.spec as unknown as Json)[0];
    expect(rows[0]).toMatchObject({ step: 'start', start: 0, end: ip.summary.trackI.initial });
    expect(rows[rows.length - 1].end).toBeCloseTo(ip.summary.trackI.final, 9);
    for (let k = 1; k < rows.length - 1; k++) expect(rows[k].start).toBeCloseTo(rows[k - 1].end, 12);
  });

  it('fan charts: the bands are ordered p05 ≤ p25 ≤ p50 ≤ p75 ≤ p95', () => {
    const rows = datasets(reportCharts(classroom).find((c) => c.name === 'hostility-fan')!.spec as unknown as Json)[0];
    for (const r of rows) expect(r.p05 <= r.p25 && r.p25 <= r.p50 && r.p50 <= r.p75 && r.p75 <= r.p95).toBe(true);
  });
});

describe('layOutEvents', () => {
  it('never lets two labels in one lane overlap', () => {
    const events = layOutEvents(ip, 900, 6);
    expect(events.length).toBeGreaterThan(10);
    const span = monthsBetween(ip.dates[0], ip.dates[ip.dates.length - 1]) / 900;
    for (const a of events) {
      for (const b of events) {
        if (a === b || a.lane !== b.lane) continue;
        const [first, second] = a.date <= b.date ? [a, b] : [b, a];
        const end = monthsBetween(ip.dates[0], first.date.slice(0, 7)) + (first.label.length * 7 + 16) * span;
        expect(monthsBetween(ip.dates[0], second.date.slice(0, 7)), `${first.label} / ${second.label}`).toBeGreaterThan(end);
      }
    }
  });
  it('keeps the largest recorded crises', () => {
    const labels = layOutEvents(ip).map((e) => e.label);
    for (const l of ['Kargil conflict', 'Parliament attack', 'Mumbai attacks', 'Pulwama attack', 'Lahore Declaration']) expect(labels).toContain(l);
  });
});

describe('layOutAgents', () => {
  it('is deterministic and gives every agent a distinct place', () => {
    const a = layOutAgents(ip.network!, ['IN', 'PK']);
    const b = layOutAgents(ip.network!, ['IN', 'PK']);
    expect([...a.entries()]).toEqual([...b.entries()]);
    const keys = new Set([...a.values()].map((p) => `${p.x.toFixed(6)},${p.y.toFixed(6)}`));
    expect(keys.size).toBe(ip.network!.agents.length);
  });
});
