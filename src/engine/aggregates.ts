import type { Model } from './model.ts';
import { rowSum, rowSumNegotiators, type TrustStore } from './trust-store.ts';

/** Returns Σ T[i][j] over i in `from` and j in state r's agents (or only its negotiators). */
export function blockSum(model: Model, trust: TrustStore, from: readonly number[], r: number, negotiatorsOnly: boolean): number {
  const S = model.S;
  let sum = 0;
  if (negotiatorsOnly) for (let k = 0; k < from.length; k++) sum += rowSumNegotiators(trust, model, from[k] * S + r);
  else for (let k = 0; k < from.length; k++) sum += rowSum(trust, model, from[k] * S + r);
  return sum;
}

/** Fills tau[s][r]: the mean trust of s's officials in r's (all affiliated agents where a side has no negotiator). */
export function deriveStateTrust(model: Model, trust: TrustStore, tau: Float64Array): void {
  const { S } = model;
  for (let s = 0; s < S; s++) {
    for (let r = 0; r < S; r++) {
      if (s === r) {
        tau[s * S + r] = 1;
        continue;
      }
      const from = model.tauFrom[s * S + r];
      const to = model.tauTo[s * S + r];
      const sum = blockSum(model, trust, from, r, model.tauAllAffiliated[s * S + r] === 0);
      tau[s * S + r] = from.length && to.length ? sum / (from.length * to.length) : 0;
    }
  }
}

/** Returns the mean trust of s's Track II actors in r's agents, or NaN when s has none. */
export function track2Trust(model: Model, trust: TrustStore, s: number, r: number): number {
  const from = model.track2[s];
  const to = model.affiliated[r];
  if (from.length === 0 || to.length === 0) return NaN;
  return blockSum(model, trust, from, r, false) / (from.length * to.length);
}

/** Returns the mean of tau over ordered rival pairs: official cross-side trust. */
export function meanTrackI(model: Model, tau: Float64Array): number {
  if (model.rivalPairs.length === 0) return NaN;
  let sum = 0;
  for (const [s, r] of model.rivalPairs) sum += tau[s * model.S + r];
  return sum / model.rivalPairs.length;
}

/** Returns the mean Track II cross-side trust over ordered rival pairs whose first side has Track II actors. */
export function meanTrackII(model: Model, trust: TrustStore): number {
  let sum = 0;
  let n = 0;
  for (const [s, r] of model.rivalPairs) {
    const v = track2Trust(model, trust, s, r);
    if (!Number.isNaN(v)) {
      sum += v;
      n++;
    }
  }
  return n ? sum / n : NaN;
}
