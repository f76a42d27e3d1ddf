import type { TopLevelSpec } from 'vega-lite';
import { CHART_CONFIG, CRISIS_COLOR, NEGATIVE, POSITIVE, WAR_COLOR, stateColorScale } from '../report/palette.ts';

/*
 * The page's charts. Their data arrive by name from the page (`hostility`, `trust`, `marks`,
 * `fan`) and the animation moves the `cursor` parameter, so a new run or a step of the animation
 * updates a chart without drawing it anew. Axes are fixed to the whole run, so nothing rescales
 * while it plays.
 */

export const THIS_RUN = 'this run';
export const BASELINE = 'baseline';
export const TRACK_I = 'Track I (officials)';
export const TRACK_II = 'Track II (unofficial)';
const TRACK_COLORS = ['#0072B2', '#009E73'];

/** Rows a chart starts with, by dataset name; later runs replace them through the view. */
export type ChartRows = Partial<Record<'hostility' | 'trust' | 'marks' | 'fan', object[]>>;

const named = (name: keyof ChartRows, rows: ChartRows) => ({ name, values: rows[name] ?? [] });

export interface ChartFrame {
  stateNames: string[];
  thresholds: { crisis: number; war: number };
  /** first and last step's dates, ms since 1970 (UTC) */
  start: number;
  end: number;
  width: number;
  hasBaseline: boolean;
}

/** Looks for the projector: large labels, as the reports' palette and fonts. */
const CONFIG = {
  ...CHART_CONFIG,
  padding: 6,
  axis: { ...CHART_CONFIG.axis, labelFontSize: 15, titleFontSize: 15 },
  legend: { ...CHART_CONFIG.legend, labelFontSize: 15, titleFontSize: 15, symbolStrokeWidth: 3, symbolSize: 300 },
  title: { ...CHART_CONFIG.title, fontSize: 18, subtitleFontSize: 14 },
};

const shown = `datum.run === '${BASELINE}' || datum.step <= cursor`;

const YEAR_MS = 365.25 * 86_400_000;

/** Ticks on whole years (about ten of them), or on months for a run of under three years, so no label repeats. */
function timeAxis(frame: ChartFrame) {
  const years = (frame.end - frame.start) / YEAR_MS;
  const ticks =
    years >= 3
      ? { format: '%Y', tickCount: { interval: 'year' as const, step: Math.max(1, Math.ceil(years / 10)) } }
      : { format: '%b %Y', tickCount: { interval: 'month' as const, step: Math.max(1, Math.ceil((years * 12) / 6)) } };
  return { field: 'date', type: 'temporal' as const, title: null, scale: { type: 'utc' as const, domain: [frame.start, frame.end] }, axis: { ...ticks, labelAngle: 0 } };
}

function runEncoding(frame: ChartFrame) {
  const runs = frame.hasBaseline ? [THIS_RUN, BASELINE] : [THIS_RUN];
  const legend = frame.hasBaseline ? { orient: 'top', title: null, symbolType: 'stroke' } : null;
  const isBaseline = `datum.run === '${BASELINE}'`;
  return {
    strokeDash: { field: 'run', type: 'nominal', title: null, scale: { domain: runs, range: [[1, 0], [7, 4]].slice(0, runs.length) }, legend },
    strokeWidth: { condition: { test: isBaseline, value: 2 }, value: 3.5 },
    opacity: { condition: { test: isBaseline, value: 0.65 }, value: 1 },
  } as const;
}

function cursorLayers(frame: ChartFrame) {
  return [
    {
      data: { values: [{}] },
      transform: [{ calculate: 'cursorTime', as: 'date' }],
      mark: { type: 'rule', color: '#555555', strokeWidth: 1.5, strokeDash: [2, 3], clip: true },
      encoding: { x: timeAxis(frame) },
    },
  ];
}

const params = (frame: ChartFrame) => [
  { name: 'cursor', value: 1e9 },
  { name: 'cursorTime', value: frame.end },
];

/** Hostility per state, this run against the baseline, with the crisis and war thresholds. */
export function hostilitySpec(frame: ChartFrame, height: number, rows: ChartRows = {}): TopLevelSpec {
  const x = timeAxis(frame);
  const y = { field: 'value', type: 'quantitative', title: 'Hostility', scale: { domainMin: 0, domainMax: { expr: 'ymax' }, nice: false } } as const;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: CONFIG,
    width: frame.width,
    height,
    params: [...params(frame), { name: 'ymax', value: 2.2 }],
    layer: [
      ...([['crisis', frame.thresholds.crisis, CRISIS_COLOR], ['war', frame.thresholds.war, WAR_COLOR]] as const).flatMap(([label, value, color]) => [
        { data: { values: [{ value }] }, mark: { type: 'rule', strokeDash: [6, 4], strokeWidth: 2, color, clip: true }, encoding: { y } },
        { data: { values: [{ value, label }] }, mark: { type: 'text', align: 'left', dx: 4, dy: -9, fontSize: 14, color, clip: true }, encoding: { y, x: { value: 0 }, text: { field: 'label' } } },
      ]),
      {
        data: named('hostility', rows),
        transform: [{ filter: shown }],
        mark: { type: 'line', clip: true },
        encoding: {
          x,
          y,
          color: { field: 'state', type: 'nominal', title: null, scale: stateColorScale(frame.stateNames), legend: { orient: 'top' } },
          detail: { field: 'run' },
          ...runEncoding(frame),
        },
      },
      {
        data: named('marks', rows),
        transform: [{ filter: 'datum.step <= cursor' }],
        mark: { type: 'point', filled: true, size: 170, yOffset: 10, clip: true },
        encoding: {
          x,
          y: { value: 0 },
          color: { field: 'group', type: 'nominal', scale: { domain: ['shock', 'agreement'], range: [NEGATIVE, POSITIVE] }, legend: null },
          shape: { field: 'group', type: 'nominal', scale: { domain: ['shock', 'agreement'], range: ['triangle-down', 'circle'] }, legend: null },
          tooltip: [{ field: 'label', title: 'event' }, { field: 'when', title: 'date' }],
        },
      },
      ...cursorLayers(frame),
    ],
    resolve: { scale: { color: 'independent', shape: 'independent' } },
  } as TopLevelSpec;
}

/** Track I and Track II cross-side trust, this run against the baseline; grey rules mark shocks. */
export function trustSpec(frame: ChartFrame, height: number, rows: ChartRows = {}): TopLevelSpec {
  const x = timeAxis(frame);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: CONFIG,
    width: frame.width,
    height,
    params: params(frame),
    layer: [
      {
        data: named('marks', rows),
        transform: [{ filter: `datum.step <= cursor && datum.group === 'shock'` }],
        mark: { type: 'rule', color: '#bbbbbb', strokeWidth: 1.5, clip: true },
        encoding: { x },
      },
      {
        data: named('trust', rows),
        transform: [{ filter: shown }],
        mark: { type: 'line' },
        encoding: {
          x,
          y: { field: 'value', type: 'quantitative', title: 'Cross-side trust', scale: { domain: [0, 1] } },
          color: { field: 'track', type: 'nominal', title: null, scale: { domain: [TRACK_I, TRACK_II], range: TRACK_COLORS }, legend: { orient: 'top' } },
          detail: { field: 'run' },
          ...runEncoding(frame),
        },
      },
      ...cursorLayers(frame),
    ],
  } as TopLevelSpec;
}

/** Replications as fans: median line, 50% and 90% bands, hostility per state beside both tracks' trust. */
export function fanSpec(frame: ChartFrame, height: number, rows: ChartRows = {}): TopLevelSpec {
  const x = timeAxis(frame);
  const panel = (name: string, title: string, domain: string[], range: string[], yDomain?: [number, number]) => {
    const y = { type: 'quantitative', title, ...(yDomain ? { scale: { domain: yDomain } } : {}) } as const;
    const color = { field: 'series', type: 'nominal', title: null, scale: { domain, range }, legend: { orient: 'top', columns: 2 } } as const;
    return {
      width: Math.floor(frame.width / 2) - 60,
      height,
      transform: [{ filter: `datum.panel === '${name}'` }],
      layer: [
        { mark: { type: 'area', opacity: 0.15 }, encoding: { x, y: { field: 'p05', ...y }, y2: { field: 'p95' }, color } },
        { mark: { type: 'area', opacity: 0.3 }, encoding: { x, y: { field: 'p25', ...y }, y2: { field: 'p75' }, color } },
        { mark: { type: 'line', strokeWidth: 3 }, encoding: { x, y: { field: 'p50', ...y }, color } },
      ],
    };
  };
  const states = stateColorScale(frame.stateNames);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: CONFIG,
    data: named('fan', rows),
    hconcat: [panel('hostility', 'Hostility', states.domain, states.range), panel('trust', 'Cross-side trust', [TRACK_I, TRACK_II], TRACK_COLORS, [0, 1])],
    resolve: { scale: { color: 'independent' } },
  } as TopLevelSpec;
}
