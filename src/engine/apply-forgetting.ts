import { rateToFraction } from '../model/logistic.ts';
import { blockSum } from './aggregates.ts';
import type { Run } from './run.ts';
import { entryValue, setEntryValue, transformBlock } from './trust-store.ts';

/**
 * Moves every pair that did not meet this step a fraction φ = 1 − e^(−delta·dt) back toward its
 * baseline. Only the blocks of changeable state pairs ever leave their baseline, and there forgetting
 * is the row-block map x ← (1−φ)x + φb (trust-store.ts), so a step costs O(agents), not O(pairs);
 * the pairs that met this step get their value back afterwards. The ledger books, per rival pair,
 * the change of the block sums behind tau and Track II trust.
 */
export function applyForgetting(run: Run): void {
  const { model, state, ledger } = run;
  const fraction = rateToFraction(state.parameters['forgetting.delta'], model.dt);
  if (fraction === 0) return;
  const store = state.trust;
  const { S, affiliated } = model;
  const booking = ledger.enabled;
  const P = model.rivalPairs.length;
  const before = run.pairSums;
  if (booking) for (let p = 0; p < P; p++) rivalBlockSums(run, p, before, 2 * p);

  const met = store.metStep === state.step ? store.metCount : 0;
  if (run.keptValues.length < met) run.keptValues = new Float64Array(store.met.length);
  const kept = run.keptValues;
  for (let k = 0; k < met; k++) kept[k] = entryValue(store, store.met[k]);
  for (let q = 0; q < model.changeablePairs.length; q++) {
    const [s, r] = model.changeablePairs[q];
    const from = affiliated[s];
    for (let a = 0; a < from.length; a++) transformBlock(store, model, from[a] * S + r, 1 - fraction, fraction);
  }
  for (let k = 0; k < met; k++) setEntryValue(store, model, store.met[k], kept[k]);
  run.tauDirty = true;

  if (booking) {
    const cause = model.mechanismCause['forgetting'];
    const targets = ledger.ledger.targets.length;
    const after = run.pairSumsAfter;
    for (let p = 0; p < P; p++) {
      rivalBlockSums(run, p, after, 2 * p);
      const dTau = after[2 * p] - before[2 * p];
      const dTrack2 = after[2 * p + 1] - before[2 * p + 1];
      if (dTau === 0 && dTrack2 === 0) continue;
      ledger.pending[cause * targets + 2 * p] += dTau * ledger.tauWeight[p];
      ledger.pending[cause * targets + 2 * p + 1] += dTrack2 * ledger.track2Weight[p];
      ledger.touched[cause] = 1;
    }
  }
}

/** Writes the sums behind tau[s][r] and Track II trust s→r of rival pair p into out[at], out[at + 1]. */
function rivalBlockSums(run: Run, p: number, out: Float64Array, at: number): void {
  const { model, state } = run;
  const [s, r] = model.rivalPairs[p];
  const all = model.tauAllAffiliated[s * model.S + r] === 1;
  out[at] = blockSum(model, state.trust, model.tauFrom[s * model.S + r], r, !all);
  out[at + 1] = blockSum(model, state.trust, model.track2[s], r, false);
}
