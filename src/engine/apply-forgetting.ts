import { KIND_NEGOTIATOR, KIND_TRACK2 } from '../model/kinds.ts';
import { rateToFraction } from '../model/logistic.ts';
import type { Run } from './run.ts';

/**
 * Moves every pair that did not meet this step a fraction 1 − e^(−delta·dt) back toward its
 * baseline. Only cross-side pairs of rival states, or of states one shocked the other, ever
 * leave their baseline (model.changeablePairs), so only those blocks are visited. This is the hottest loop of a
 * run, so it writes the typed arrays directly and books its ledger share once per rival pair.
 */
export function applyForgetting(run: Run): void {
  const { model, state, ledger } = run;
  const fraction = rateToFraction(state.parameters['forgetting.delta'], model.dt);
  if (fraction === 0) return;
  const cause = model.mechanismCause['forgetting'];
  const { N, S, baseline, kind, affiliated } = model;
  const { trust, lastContact } = state;
  const step = state.step;
  const targets = ledger.ledger.targets.length;
  let changed = false;
  for (let q = 0; q < model.changeablePairs.length; q++) {
    const [s, r] = model.changeablePairs[q];
    const p = q < model.rivalPairs.length ? q : -1;
    const from = affiliated[s];
    const to = affiliated[r];
    const allTau = model.tauAllAffiliated[s * S + r] === 1;
    let tauSum = 0;
    let track2Sum = 0;
    for (let a = 0; a < from.length; a++) {
      const i = from[a];
      const row = i * N;
      const isTrack2 = kind[i] === KIND_TRACK2;
      const iNegotiates = allTau || kind[i] === KIND_NEGOTIATOR;
      for (let b = 0; b < to.length; b++) {
        const j = to[b];
        const k = row + j;
        const t = trust[k];
        const base = baseline[k];
        if (t === base || lastContact[k] === step) continue;
        const d = fraction * (base - t);
        trust[k] = t + d;
        if (iNegotiates && (allTau || kind[j] === KIND_NEGOTIATOR)) tauSum += d;
        if (isTrack2) track2Sum += d;
      }
    }
    if (tauSum !== 0 || track2Sum !== 0) {
      changed = true;
      if (ledger.enabled && p >= 0) {
        const base = cause * targets;
        ledger.pending[base + 2 * p] += tauSum * ledger.tauWeight[p];
        ledger.pending[base + 2 * p + 1] += track2Sum * ledger.track2Weight[p];
        ledger.touched[cause] = 1;
      }
    }
  }
  if (changed) run.tauDirty = true;
}
