import type { Model } from '../src/engine/model.ts';

/**
 * Does the arithmetic of a run with only forgetting and hostility on, as one plain loop over typed
 * arrays with no ledger, series or abstraction: the practical limit the engine is compared with.
 */
export function handWrittenKernel(model: Model, perturb: (trust: Float64Array) => void): number {
  const { N, S, baseline, rivalry, steps, dt } = model;
  const trust = baseline.slice();
  perturb(trust);
  const H = model.initialHostility.slice();
  const next = new Float64Array(S);
  const f = -Math.expm1(-model.parameters['forgetting.delta'] * dt);
  const k = model.attributes.reaction;
  const a = model.attributes.restraint;
  const g = model.attributes.grievance;
  const tau = new Float64Array(S * S);
  let checksum = 0;
  for (let t = 0; t < steps; t++) {
    for (const [s, r] of model.changeablePairs) {
      for (const i of model.affiliated[s]) {
        for (const j of model.affiliated[r]) {
          const x = i * N + j;
          trust[x] += f * (baseline[x] - trust[x]);
        }
      }
    }
    for (let s = 0; s < S; s++) {
      for (let r = 0; r < S; r++) {
        if (s === r) continue;
        let sum = 0;
        const from = model.tauFrom[s * S + r];
        const to = model.tauTo[s * S + r];
        for (const i of from) for (const j of to) sum += trust[i * N + j];
        tau[s * S + r] = sum / (from.length * to.length);
      }
    }
    for (let s = 0; s < S; s++) {
      let reaction = 0;
      for (let r = 0; r < S; r++) if (rivalry[s * S + r] > 0) reaction += rivalry[s * S + r] * k[s] * (1 - tau[s * S + r]) * H[r];
      next[s] = Math.max(0, H[s] + dt * (reaction - a[s] * H[s] + g[s]));
    }
    H.set(next);
    checksum += H[0];
  }
  return checksum;
}
