import { rateToFraction } from '../model/logistic.ts';
import { sortViews, transferDeltaSorted } from '../model/transfer.ts';
import type { Run } from './run.ts';
import { entryOf, entryValue, rowSum, setEntryValue } from './trust-store.ts';

/**
 * Moves officials' cross-side trust toward the views of their own side's Track II actors
 * (bounded confidence). Actor a's view of rival r is its mean trust in r's agents; its weight is
 * (1 − e^(−mu·dt))·receptivity·access·credibility. Every official n of a's side, in every
 * official m of r, is pulled by the views within epsilon of T[n][m]. The views are sorted once per
 * rival pair, so each official pair costs O(log K) for K actors.
 */
export function applyTransfer(run: Run): void {
  const { model, state } = run;
  const { S } = model;
  const p = state.parameters;
  const speed = rateToFraction(p['transfer.mu'], model.dt);
  if (speed === 0) return;
  const epsilon = p['transfer.epsilon'];
  const backlash = p['transfer.backlash'];
  const cause = model.mechanismCause['transfer'];
  const { views, weights, ledger } = run;
  const receptivity = state.attributes.receptivity;
  const store = state.trust;
  for (let q = 0; q < model.rivalPairs.length; q++) {
    const [s, r] = model.rivalPairs[q];
    const actors = model.track2[s];
    if (actors.length === 0) continue;
    const others = model.affiliated[r].length;
    const pull = speed * receptivity[s];
    for (let k = 0; k < actors.length; k++) {
      const a = actors[k];
      views[k] = rowSum(store, model, a * S + r) / others;
      weights[k] = pull * model.access[a] * model.credibility[a];
    }
    const sortedViews = run.sortedViews[q];
    sortViews(views, weights, actors.length, sortedViews);
    const officials = model.officials[s];
    const rivals = model.officials[r];
    const entries = officialEntries(run, q);
    // Officials' pairs are exactly the pairs behind tau[s][r], and none is Track II's: each books tauWeight.
    const book = ledger.enabled ? cause * ledger.ledger.targets.length + 2 * q : -1;
    let booked = 0;
    for (let k = 0; k < entries.length; k++) {
      const e = entries[k];
      const t = entryValue(store, e);
      const delta = transferDeltaSorted(t, sortedViews, epsilon, backlash);
      if (delta === 0) continue;
      setEntryValue(store, model, e, t + delta);
      booked += delta;
    }
    if (booked !== 0) {
      run.tauDirty = true;
      if (book >= 0) {
        ledger.pending[book] += booked * model.tauWeight[q];
        ledger.touched[cause] = 1;
      }
    }
  }
}

/** Returns the trust entries of rival pair q's officials' pairs, created on first use in the run. */
function officialEntries(run: Run, q: number): Int32Array {
  let entries = run.officialEntries[q];
  if (!entries) {
    const { model } = run;
    const [s, r] = model.rivalPairs[q];
    const officials = model.officials[s];
    const rivals = model.officials[r];
    entries = new Int32Array(officials.length * rivals.length);
    for (let x = 0; x < officials.length; x++) for (let y = 0; y < rivals.length; y++) entries[x * rivals.length + y] = entryOf(run.state.trust, model, officials[x], rivals[y]);
    run.officialEntries[q] = entries;
  }
  return entries;
}
