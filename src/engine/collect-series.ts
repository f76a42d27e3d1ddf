import { meanTrackI, track2Trust } from './aggregates.ts';
import type { Model } from './model.ts';
import { currentTau, type Run } from './run.ts';

/** Per-step series, one column per quantity, one row per step (values at the end of the step). */
export interface Series {
  dates: string[];
  columns: Record<string, Float64Array>;
}

/** Returns the names of a model's series columns, in output order. */
export function seriesColumns(model: Model): string[] {
  const ids = model.scenario.states.map((s) => s.id);
  const names = ids.map((id) => `hostility:${id}`);
  for (let s = 0; s < model.S; s++) for (let r = 0; r < model.S; r++) if (s !== r) names.push(`tau:${ids[s]}>${ids[r]}`);
  for (const [s, r] of model.rivalPairs) names.push(`trackII:${ids[s]}>${ids[r]}`);
  names.push('trackI', 'trackII', 'events', 'shocks', 'agreements', 'suspended', 'crisis', 'war');
  return names;
}

export function createSeries(model: Model): Series {
  const dates = model.dates.slice();
  const columns: Record<string, Float64Array> = {};
  for (const name of seriesColumns(model)) columns[name] = new Float64Array(model.steps);
  return { dates, columns };
}

/** The series' columns looked up once, so collecting a step builds no strings. */
export interface SeriesLayout {
  series: Series;
  hostility: Float64Array[];
  tau: Float64Array[];
  trackII: Float64Array[];
}

export function seriesLayout(model: Model, series: Series): SeriesLayout {
  const ids = model.scenario.states.map((s) => s.id);
  const c = series.columns;
  const tau: Float64Array[] = [];
  for (let s = 0; s < model.S; s++) for (let r = 0; r < model.S; r++) tau[s * model.S + r] = c[`tau:${ids[s]}>${ids[r]}`];
  return {
    series,
    hostility: ids.map((id) => c[`hostility:${id}`]),
    tau,
    trackII: model.rivalPairs.map(([s, r]) => c[`trackII:${ids[s]}>${ids[r]}`]),
  };
}

/** Writes row `t` of the series from the run's state; `logStart` is where this step's log entries begin. */
export function collectStep(run: Run, layout: SeriesLayout, t: number, logStart: number): void {
  const { model, state } = run;
  const { S } = model;
  const c = layout.series.columns;
  const tau = currentTau(run);
  const p = state.parameters;
  let crisis = 0;
  let war = 0;
  for (let s = 0; s < S; s++) {
    const h = state.hostility[s];
    layout.hostility[s][t] = h;
    if (h >= p['hostility.crisis']) crisis = 1;
    if (h >= p['hostility.war']) war = 1;
    for (let r = 0; r < S; r++) if (r !== s) layout.tau[s * S + r][t] = tau[s * S + r];
  }
  let suspended = 0;
  let track2Sum = 0;
  let track2Count = 0;
  for (let k = 0; k < model.rivalPairs.length; k++) {
    const [s, r] = model.rivalPairs[k];
    const v = track2Trust(model, state.trust, s, r);
    layout.trackII[k][t] = v;
    if (!Number.isNaN(v)) {
      track2Sum += v;
      track2Count++;
    }
    if (t < state.suspendedUntil[s * S + r]) suspended = 1;
  }
  c.trackI[t] = meanTrackI(model, tau);
  // the same mean as meanTrackII, from the per-pair values just computed
  c.trackII[t] = track2Count ? track2Sum / track2Count : NaN;
  let events = 0;
  let shocks = 0;
  for (let k = logStart; k < run.log.length; k++) {
    const o = run.log[k].outcome;
    if (o === 'shock') shocks++;
    else if (o !== 'collapse' && o !== 'not-a-number') events++;
  }
  c.events[t] = events;
  c.shocks[t] = shocks;
  c.agreements[t] = state.agreements.length;
  c.suspended[t] = suspended;
  c.crisis[t] = crisis;
  c.war[t] = war;
}
