import type { TopLevelSpec } from 'vega-lite';
import { CHART_CONFIG, NEUTRAL, OKABE_ITO } from './palette.ts';
import type { NetworkData, ReportData } from './report-data.ts';

const MAX_EDGES = 120;

/**
 * Returns fixed positions for the agents: each state's agents on a small circle around a point
 * of a large circle, in scenario order; neutral facilitators in the middle. The same scenario
 * always gets the same picture, so snapshots at different dates compare at a glance.
 */
export function layOutAgents(net: NetworkData, stateIds: readonly string[]): Map<string, { x: number; y: number }> {
  const positions = new Map<string, { x: number; y: number }>();
  const S = Math.max(1, stateIds.length);
  stateIds.forEach((side, k) => {
    const members = net.agents.filter((a) => a.side === side);
    const angle = Math.PI + (2 * Math.PI * k) / S;
    const cx = S === 1 ? 0 : Math.cos(angle);
    const cy = S === 1 ? 0 : Math.sin(angle);
    const radius = 0.3 + 0.012 * members.length;
    members.forEach((a, m) => {
      const t = (2 * Math.PI * m) / Math.max(1, members.length);
      positions.set(a.id, { x: cx + radius * Math.cos(t), y: cy + radius * Math.sin(t) });
    });
  });
  const neutral = net.agents.filter((a) => !stateIds.includes(a.side));
  neutral.forEach((a, m) => positions.set(a.id, { x: 0.15 * Math.cos((2 * Math.PI * m) / Math.max(1, neutral.length)), y: 0.15 * Math.sin((2 * Math.PI * m) / Math.max(1, neutral.length)) }));
  return positions;
}

/** The agent network at chosen dates: nodes by kind and side, cross-side edges weighted by mutual trust. */
export function networkChart(data: ReportData): TopLevelSpec | undefined {
  const net = data.network;
  if (!net || net.snapshots.length === 0) return undefined;
  const stateIds = data.states.map((s) => s.id);
  const names = new Map(data.states.map((s) => [s.id, s.name]));
  const pos = layOutAgents(net, stateIds);
  const nodes = net.snapshots.flatMap((snap) =>
    net.agents.map((a) => ({ date: snap.date, id: a.id, name: a.name, kind: a.kind, side: names.get(a.side) ?? 'neutral', ...pos.get(a.id)! })),
  );
  const edges = net.snapshots.flatMap((snap) =>
    [...snap.edges]
      .sort((a, b) => b.trust - a.trust || (a.from + a.to < b.from + b.to ? -1 : 1))
      .slice(0, MAX_EDGES)
      .map((e) => ({ date: snap.date, from: e.from, to: e.to, trust: e.trust, x: pos.get(e.from)!.x, y: pos.get(e.from)!.y, x2: pos.get(e.to)!.x, y2: pos.get(e.to)!.y })),
  );
  const sides = [...data.states.map((s) => s.name), 'neutral'];
  // Fit the panels to the layout so that two sides side by side do not leave empty rows.
  const xs = [...pos.values()].map((p) => p.x);
  const ys = [...pos.values()].map((p) => p.y);
  const pad = 0.15;
  const xDomain = [Math.min(...xs) - pad, Math.max(...xs) + pad];
  const yDomain = [Math.min(...ys) - pad, Math.max(...ys) + pad];
  const width = 260;
  const height = Math.round(Math.min(300, Math.max(140, (width * (yDomain[1] - yDomain[0])) / (xDomain[1] - xDomain[0]))));
  const axis = { field: 'x', type: 'quantitative', axis: null, scale: { domain: xDomain } } as const;
  const yAxis = { field: 'y', type: 'quantitative', axis: null, scale: { domain: yDomain } } as const;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: 'The agent network', subtitle: `Cross-side ties by mutual trust (the ${MAX_EDGES} strongest at each date); node shape is the agent's kind` },
    config: CHART_CONFIG,
    data: { values: [...edges.map((e) => ({ ...e, layer: 'edge' })), ...nodes.map((n) => ({ ...n, layer: 'node' }))] },
    facet: { column: { field: 'date', type: 'ordinal', title: null, sort: net.snapshots.map((s) => s.date) } },
    spec: {
      width,
      height,
      layer: [
        {
          transform: [{ filter: "datum.layer === 'edge'" }],
          mark: { type: 'rule', color: '#555555' },
          encoding: {
            x: axis,
            y: yAxis,
            x2: { field: 'x2' },
            y2: { field: 'y2' },
            strokeWidth: { field: 'trust', type: 'quantitative', title: 'Mutual trust', scale: { domain: [0, 1], range: [0.2, 4] } },
            opacity: { field: 'trust', type: 'quantitative', scale: { domain: [0, 1], range: [0.15, 0.9] }, legend: null },
          },
        },
        {
          transform: [{ filter: "datum.layer === 'node'" }],
          mark: { type: 'point', filled: true, size: 70, stroke: 'white', strokeWidth: 0.8 },
          encoding: {
            x: axis,
            y: yAxis,
            color: { field: 'side', type: 'nominal', title: 'Side', scale: { domain: sides, range: sides.map((_, i) => (i === sides.length - 1 ? NEUTRAL : OKABE_ITO[i % OKABE_ITO.length])) } },
            shape: { field: 'kind', type: 'nominal', title: 'Kind', scale: { domain: ['state', 'negotiator', 'track2', 'facilitator'], range: ['square', 'diamond', 'circle', 'triangle-up'] } },
            tooltip: [{ field: 'name' }, { field: 'kind' }, { field: 'side' }],
          },
        },
      ],
    },
    resolve: { scale: { x: 'shared', y: 'shared' } },
  } as unknown as TopLevelSpec;
}
