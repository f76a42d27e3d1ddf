import type { RunResult } from '../engine/simulate.ts';
import type { RunSummary } from '../engine/summarize-run.ts';
import { formatNumber, formatTable } from './format-table.ts';

export interface LargestChange {
  step: number;
  date: string;
  cause: string;
  causeKind: string;
  delta: number;
}

/**
 * Returns the largest changes in official cross-side trust (mean tau over rival pairs), each a
 * cause at a step, from the ledger; largest by absolute size first.
 */
export function largestTrustChanges(result: RunResult, count = 5): LargestChange[] {
  const { ledger, model, series } = result;
  if (!ledger) return [];
  const pairs = model.rivalPairs.length;
  const byKey = new Map<string, LargestChange>();
  for (let k = 0; k < ledger.delta.length; k++) {
    const target = ledger.target[k];
    if (target >= 2 * pairs || target % 2 !== 0) continue;
    const cause = model.causes[ledger.cause[k]];
    const key = `${ledger.step[k]}|${ledger.cause[k]}`;
    const entry = byKey.get(key) ?? { step: ledger.step[k], date: series.dates[ledger.step[k]], cause: cause.id, causeKind: cause.kind, delta: 0 };
    entry.delta += ledger.delta[k] / pairs;
    byKey.set(key, entry);
  }
  return [...byKey.values()].sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta) || a.step - b.step).slice(0, count);
}

/** Formats a run's summary for the terminal. */
export function formatRunSummary(result: RunResult): string {
  const s: RunSummary = result.summary;
  const names = new Map(result.model.scenario.states.map((st) => [st.id, st.name]));
  const months = s.steps * result.model.scenario.calendar.monthsPerStep;
  const lines = [
    `${s.scenario}: ${s.start} to ${s.end} (${Math.round(months)} months), seed ${s.seed}`,
    `Outcome: ${s.outcome}`,
    '',
    formatTable(
      ['Hostility', 'initial', 'final', 'peak', 'peak date'],
      Object.entries(s.hostility).map(([id, h]) => [names.get(id) ?? id, h.initial, h.final, h.peak, h.peakDate]),
    ),
    '',
    `Months in crisis: ${formatNumber(s.monthsInCrisis, 0)}    at war: ${formatNumber(s.monthsAtWar, 0)}`,
    `Agreements: ${s.agreementsSigned} signed, ${s.agreementsCollapsed} collapsed, ${s.agreementsInForce} in force at the end` +
      (s.firstAgreement ? `; first in ${s.firstAgreement} (after ${formatNumber(s.monthsToFirstAgreement ?? NaN, 0)} months)` : '; none reached'),
    `Dialogue events: ${s.events.held} held (${s.events.succeeded} succeeded, ${s.events.failed} failed), ${s.events.suspended} called off by suspended talks; ${s.events.shocks} shock${s.events.shocks === 1 ? '' : 's'}`,
    `Cross-side trust, official (Track I): ${formatNumber(s.trackI.initial)} → ${formatNumber(s.trackI.final)}; Track II: ${formatNumber(s.trackII.initial)} → ${formatNumber(s.trackII.final)}`,
  ];
  if (s.cost.total > 0) {
    lines.push(`Cost: ${formatNumber(s.cost.total)}${s.cost.perTrustGained !== null ? `, ${formatNumber(s.cost.perTrustGained)} per unit of cross-side trust gained` : ''}`);
  }
  // An expression that gave no number ran as 0 from that step: say so, not only in events.csv.
  const notNumbers = result.log.filter((e) => e.outcome === 'not-a-number');
  for (const e of notNumbers) lines.push(`Warning: the expression "${e.label}" gave no number from ${result.series.dates[e.step]}; it counted as 0 there (see events.csv)`);
  if (s.payoffs) lines.push(`Iterated-game payoffs: ${Object.entries(s.payoffs).map(([id, v]) => `${id} ${formatNumber(v)}`).join(', ')}`);
  const changes = largestTrustChanges(result);
  if (changes.length > 0) {
    lines.push('', 'Largest changes in official cross-side trust (mean over rival pairs):');
    lines.push(formatTable(['date', 'cause', 'kind', 'change'], changes.map((c) => [c.date, c.cause, c.causeKind, signed(c.delta)])));
  }
  return lines.join('\n');
}

function signed(x: number): string {
  return (x > 0 ? '+' : '') + formatNumber(x);
}
