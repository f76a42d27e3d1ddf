/**
 * Okabe & Ito's colour-blind-safe palette. Each state keeps one colour, by its order in the
 * scenario, across every chart of a report.
 */
export const OKABE_ITO = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#F0E442', '#000000'] as const;

export const NEUTRAL = '#777777';
export const CRISIS_COLOR = '#E69F00';
export const WAR_COLOR = '#B2182B';
export const POSITIVE = '#0072B2';
export const NEGATIVE = '#D55E00';

/** Returns a colour scale giving each state id its palette colour. */
export function stateColorScale(stateIds: readonly string[]): { domain: string[]; range: string[] } {
  return { domain: [...stateIds], range: stateIds.map((_, i) => OKABE_ITO[i % OKABE_ITO.length]) };
}

/** Shared look of every chart: readable at a projector's distance, DejaVu Sans everywhere. */
export const CHART_CONFIG = {
  font: 'DejaVu Sans',
  background: 'white',
  padding: 12,
  view: { stroke: null },
  axis: { labelFontSize: 12, titleFontSize: 13, gridColor: '#e6e6e6' },
  legend: { labelFontSize: 12, titleFontSize: 13, labelLimit: 260 },
  title: { fontSize: 16, anchor: 'start', offset: 10 },
  header: { labelFontSize: 13, titleFontSize: 13 },
} as const;
