import { isDialogueKind } from '../model/kinds.ts';
import { dateLabel } from '../scenario/calendar.ts';
import type { Ledger } from './ledger.ts';
import type { Model } from './model.ts';
import type { EventLogEntry } from './run.ts';
import type { Series } from './collect-series.ts';

export const OUTCOMES = ['de-escalated', 'stalemate', 'escalated', 'war'] as const;
export type OutcomeClass = (typeof OUTCOMES)[number];

/** What a run came to, in the terms a reader asks about. */
export interface RunSummary {
  scenario: string;
  seed: number;
  start: string;
  end: string;
  steps: number;
  outcome: OutcomeClass;
  hostility: Record<string, { initial: number; final: number; peak: number; peakDate: string }>;
  monthsInCrisis: number;
  monthsAtWar: number;
  agreementsSigned: number;
  agreementsCollapsed: number;
  agreementsInForce: number;
  firstAgreement: string | null;
  monthsToFirstAgreement: number | null;
  trackI: { initial: number; final: number };
  trackII: { initial: number; final: number };
  events: { held: number; succeeded: number; failed: number; suspended: number; shocks: number };
  cost: { total: number; perTrustGained: number | null };
  payoffs?: Record<string, number>;
}

/**
 * Summarises a run. The outcome is war if any state reached the war threshold; otherwise
 * escalated if a state ends in crisis or the mean hostility of the final window is more than
 * `outcome.margin` above its initial value, de-escalated if that much below, else stalemate.
 */
export function summarizeRun(
  model: Model,
  seed: number,
  series: Series,
  log: EventLogEntry[],
  ledger: Ledger | undefined,
  initial: { hostility: Float64Array; trackI: number; trackII: number },
  parameters: Record<string, number>,
  totalCost: number,
  payoffs: Float64Array,
): RunSummary {
  const { scenario, steps } = model;
  const cal = scenario.calendar;
  const c = series.columns;
  const last = steps - 1;
  const hostility: RunSummary['hostility'] = {};
  let initialMean = 0;
  scenario.states.forEach((st, s) => {
    const col = c[`hostility:${st.id}`];
    let peak = -Infinity;
    let at = 0;
    for (let t = 0; t < steps; t++) if (col[t] > peak) [peak, at] = [col[t], t];
    hostility[st.id] = { initial: initial.hostility[s], final: col[last], peak, peakDate: dateLabel(cal, at) };
    initialMean += initial.hostility[s] / scenario.states.length;
  });
  let crisisSteps = 0;
  let warSteps = 0;
  for (let t = 0; t < steps; t++) {
    crisisSteps += c.crisis[t];
    warSteps += c.war[t];
  }
  const window = Math.min(steps, Math.max(1, Math.ceil(parameters['outcome.windowMonths'] / cal.monthsPerStep)));
  let finalMean = 0;
  for (let t = steps - window; t < steps; t++) {
    for (const st of scenario.states) finalMean += c[`hostility:${st.id}`][t] / (window * scenario.states.length);
  }
  const margin = parameters['outcome.margin'];
  const outcome: OutcomeClass =
    warSteps > 0 ? 'war' :
    c.crisis[last] === 1 || finalMean > initialMean * (1 + margin) ? 'escalated' :
    finalMean < initialMean * (1 - margin) ? 'de-escalated' : 'stalemate';

  const events = { held: 0, succeeded: 0, failed: 0, suspended: 0, shocks: 0 };
  let signed = 0;
  let collapsed = 0;
  let first: EventLogEntry | undefined;
  for (const e of log) {
    if (e.outcome === 'success' || e.outcome === 'agreement') events.succeeded++;
    if (e.outcome === 'failure') events.failed++;
    if (e.outcome === 'suspended') events.suspended++;
    if (e.outcome === 'shock') events.shocks++;
    if (e.outcome === 'agreement') {
      signed++;
      first ??= e;
    }
    if (e.outcome === 'collapse') collapsed++;
  }
  events.held = events.succeeded + events.failed;

  let gained: number | null = null;
  if (ledger && model.rivalPairs.length > 0) {
    gained = 0;
    const pairs = model.rivalPairs.length;
    for (let k = 0; k < ledger.delta.length; k++) {
      if (ledger.target[k] < 2 * pairs && isDialogueKind(model.causes[ledger.cause[k]].kind)) gained += ledger.delta[k] / (2 * pairs);
    }
  }
  const summary: RunSummary = {
    scenario: scenario.name,
    seed,
    start: dateLabel(cal, 0),
    end: dateLabel(cal, last),
    steps,
    outcome,
    hostility,
    monthsInCrisis: crisisSteps * cal.monthsPerStep,
    monthsAtWar: warSteps * cal.monthsPerStep,
    agreementsSigned: signed,
    agreementsCollapsed: collapsed,
    agreementsInForce: c.agreements[last],
    firstAgreement: first ? dateLabel(cal, first.step) : null,
    monthsToFirstAgreement: first ? first.step * cal.monthsPerStep : null,
    trackI: { initial: initial.trackI, final: c.trackI[last] },
    trackII: { initial: initial.trackII, final: c.trackII[last] },
    events,
    cost: { total: totalCost, perTrustGained: gained !== null && gained > 0 && totalCost > 0 ? totalCost / gained : null },
  };
  if (scenario.states.some((s) => s.strategy)) {
    summary.payoffs = Object.fromEntries(scenario.states.map((s, i) => [s.id, payoffs[i]]));
  }
  return summary;
}

/** Flattens a summary into named numbers, the metrics that replications and comparisons report. */
export function summaryMetrics(summary: RunSummary): Record<string, number> {
  const m: Record<string, number> = {};
  for (const [id, h] of Object.entries(summary.hostility)) {
    m[`finalHostility.${id}`] = h.final;
    m[`peakHostility.${id}`] = h.peak;
  }
  m.monthsInCrisis = summary.monthsInCrisis;
  m.monthsAtWar = summary.monthsAtWar;
  m.agreementsSigned = summary.agreementsSigned;
  m.agreementsCollapsed = summary.agreementsCollapsed;
  m.finalTrackI = summary.trackI.final;
  m.finalTrackII = summary.trackII.final;
  m.eventsSucceeded = summary.events.succeeded;
  m.shocks = summary.events.shocks;
  m.totalCost = summary.cost.total;
  for (const o of ['de-escalated', 'stalemate', 'escalated', 'war'] as const) m[`outcome.${o}`] = summary.outcome === o ? 1 : 0;
  return m;
}
