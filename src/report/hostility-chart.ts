import type { TopLevelSpec } from 'vega-lite';
import { CHART_CONFIG, CRISIS_COLOR, NEGATIVE, POSITIVE, WAR_COLOR, stateColorScale } from './palette.ts';
import type { ReportData } from './report-data.ts';
import { isoDate, monthsBetween, timeX } from './time-axis.ts';

const WIDTH = 900;
const LANES = 6;
const CHAR_PX = 7;

export interface LanedEvent {
  date: string;
  label: string;
  kind: string;
  lane: number;
  group: 'shock' | 'agreement';
}

/**
 * Picks the events worth marking under the hostility chart — scheduled shocks of severity ≥ 0.4
 * (first month of a run of months) and agreements — and gives each a lane so that no two labels
 * overlap. Labels that fit in no lane are left out, largest shocks and agreements first kept.
 */
export function layOutEvents(data: ReportData, width = WIDTH, lanes = LANES): LanedEvent[] {
  const scheduled = new Set(data.timeline.map((e) => e.id));
  const picked: (LanedEvent & { weight: number; step: number })[] = [];
  const lastStep = new Map<string, number>();
  for (const e of data.log) {
    const isShock = e.outcome === 'shock' && scheduled.has(e.id) && (e.severity ?? 0) >= 0.4;
    const isAgreement = e.outcome === 'agreement';
    if (!isShock && !isAgreement) continue;
    const previous = lastStep.get(e.id);
    lastStep.set(e.id, e.step);
    if (previous !== undefined && e.step - previous <= 1) continue;
    picked.push({ date: e.date, label: e.label, kind: e.kind, lane: -1, group: isShock ? 'shock' : 'agreement', weight: isShock ? 0.3 + (e.severity ?? 0) : 0.6, step: e.step });
  }
  if (data.dates.length === 0) return [];
  const span = Math.max(1, monthsBetween(data.dates[0], data.dates[data.dates.length - 1]));
  const monthsPerPx = span / width;
  const kept: LanedEvent[] = [];
  // Most important first, so a crowded stretch keeps its largest events.
  const order = [...picked].sort((a, b) => b.weight - a.weight || a.step - b.step);
  const placed: { start: number; end: number; lane: number }[] = [];
  for (const e of order) {
    const start = monthsBetween(data.dates[0], e.date);
    const end = start + (e.label.length * CHAR_PX + 16) * monthsPerPx;
    const lane = [...Array(lanes).keys()].find((l) => placed.every((p) => p.lane !== l || p.end < start || p.start > end));
    if (lane === undefined) continue;
    placed.push({ start, end, lane });
    kept.push({ date: isoDate(e.date), label: e.label, kind: e.kind, lane, group: e.group });
  }
  return kept.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.lane - b.lane));
}

/** Hostility per state over time, with crisis and war thresholds, and major events in a lane below. */
export function hostilityChart(data: ReportData): TopLevelSpec {
  const names = data.states.map((s) => s.name);
  const rows = data.states.flatMap((s) => {
    const col = data.columns[`hostility:${s.id}`];
    return data.dates.map((d, t) => ({ date: isoDate(d), state: s.name, hostility: col[t] }));
  });
  const events = layOutEvents(data);
  const color = { ...stateColorScale(names) };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: 'Hostility per state', subtitle: 'Richardson hostility index; dashed rules mark the crisis and war thresholds' },
    config: CHART_CONFIG,
    vconcat: [
      {
        width: WIDTH,
        height: 280,
        layer: [
          {
            data: { values: rows },
            mark: { type: 'line', strokeWidth: 2 },
            encoding: {
              x: { ...timeX(''), axis: { format: '%Y', labelAngle: 0, tickCount: 12, title: null } },
              y: { field: 'hostility', type: 'quantitative', title: 'Hostility (index)' },
              color: { field: 'state', type: 'nominal', title: 'State', scale: color, legend: { orient: 'top' } },
            },
          },
          ...(
            [
              ['crisis', data.thresholds.crisis, CRISIS_COLOR],
              ['war', data.thresholds.war, WAR_COLOR],
            ] as const
          ).flatMap(([label, y, color]) => [
            { data: { values: [{ y }] }, mark: { type: 'rule', strokeDash: [6, 4], strokeWidth: 1.5, color }, encoding: { y: { field: 'y', type: 'quantitative' } } },
            { data: { values: [{ y, label }] }, mark: { type: 'text', align: 'left', dx: 4, dy: -7, fontSize: 11, color }, encoding: { y: { field: 'y', type: 'quantitative' }, x: { value: 0 }, text: { field: 'label' } } },
          ]),
        ],
      },
      {
        width: WIDTH,
        height: 22 * LANES,
        title: { text: 'Major events (shocks of severity ≥ 0.4 and agreements)', fontSize: 12, fontWeight: 'normal' },
        data: { values: events },
        layer: [
          {
            mark: { type: 'point', filled: true, size: 60 },
            encoding: {
              x: timeX(),
              y: { field: 'lane', type: 'ordinal', axis: null },
              color: { field: 'group', type: 'nominal', title: 'Event', scale: { domain: ['shock', 'agreement'], range: [NEGATIVE, POSITIVE] }, legend: { orient: 'bottom' } },
              shape: { field: 'group', type: 'nominal', scale: { domain: ['shock', 'agreement'], range: ['triangle-down', 'circle'] } },
              tooltip: [{ field: 'label' }, { field: 'kind' }, { field: 'date', type: 'temporal', format: '%b %Y' }],
            },
          },
          {
            mark: { type: 'text', align: 'left', dx: 7, fontSize: 11, baseline: 'middle' },
            encoding: { x: timeX(), y: { field: 'lane', type: 'ordinal', axis: null }, text: { field: 'label' } },
          },
        ],
      },
    ],
    resolve: { scale: { x: 'shared', color: 'independent', shape: 'independent' } },
  } as TopLevelSpec;
}
