import { rateToFraction } from '../model/logistic.ts';
import { transferDelta } from '../model/transfer.ts';
import { setTrust, type Run } from './run.ts';

/**
 * Moves officials' cross-side trust toward the views of their own side's Track II actors
 * (bounded confidence). Actor a's view of rival r is its mean trust in r's agents; its weight is
 * (1 − e^(−mu·dt))·receptivity·access·credibility. Every official n of a's side, in every
 * official m of r, is pulled by the views within epsilon of T[n][m].
 */
export function applyTransfer(run: Run): void {
  const { model, state } = run;
  const { N } = model;
  const p = state.parameters;
  const speed = rateToFraction(p['transfer.mu'], model.dt);
  if (speed === 0) return;
  const epsilon = p['transfer.epsilon'];
  const backlash = p['transfer.backlash'];
  const cause = model.mechanismCause['transfer'];
  const { views, weights } = run;
  const receptivity = state.attributes.receptivity;
  const trust = state.trust;
  for (const [s, r] of model.rivalPairs) {
    const actors = model.track2[s];
    if (actors.length === 0) continue;
    const others = model.affiliated[r];
    const pull = speed * receptivity[s];
    for (let k = 0; k < actors.length; k++) {
      const a = actors[k];
      const row = a * N;
      let sum = 0;
      for (let m = 0; m < others.length; m++) sum += trust[row + others[m]];
      views[k] = sum / others.length;
      weights[k] = pull * model.access[a] * model.credibility[a];
    }
    const officials = model.officials[s];
    const rivals = model.officials[r];
    for (let x = 0; x < officials.length; x++) {
      const n = officials[x];
      for (let y = 0; y < rivals.length; y++) {
        const m = rivals[y];
        const t = trust[n * N + m];
        const delta = transferDelta(t, views, weights, actors.length, epsilon, backlash);
        if (delta !== 0) setTrust(run, n, m, t + delta, cause);
      }
    }
  }
}
