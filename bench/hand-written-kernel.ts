import type { Model } from '../src/engine/model.ts';

/**
 * The arithmetic of a run with only forgetting and hostility on, done the way the engine does it
 * (row-block coefficients, see src/engine/trust-store.ts) but as plain loops over typed arrays with
 * no ledger, event handling, abstraction or function calls: the practical limit the engine's step is
 * compared with. It writes the same per-step hostility, tau, Track II and mean values the engine's series hold.
 */
export function handWrittenKernel(model: Model): number {
  const { N, S, rivalry, steps, dt, baseSum, baseSumNeg } = model;
  const coef = new Float64Array(N * S).fill(1);
  const mul = new Float64Array(N * S).fill(1);
  const add = new Float64Array(N * S);
  const H = model.initialHostility.slice();
  const next = new Float64Array(S);
  const f = -Math.expm1(-model.parameters['forgetting.delta'] * dt);
  const k = model.attributes.reaction;
  const hawk = model.attributes.hawkishness;
  const a = model.attributes.restraint;
  const g = model.attributes.grievance;
  const tau = new Float64Array(S * S);
  const hostilitySeries = new Float64Array(steps * S);
  const tauSeries = new Float64Array(steps * S * S);
  const P = model.rivalPairs.length;
  const track2Series = new Float64Array(steps * P);
  const meanSeries = new Float64Array(steps * 2);
  for (let t = 0; t < steps; t++) {
    for (const [s, r] of model.changeablePairs) {
      for (const i of model.affiliated[s]) {
        const rb = i * S + r;
        coef[rb] = (1 - f) * coef[rb] + f;
        mul[rb] = (1 - f) * mul[rb];
        add[rb] = (1 - f) * add[rb] + f;
        if (mul[rb] < 1e-6) {
          mul[rb] = 1;
          add[rb] = 0;
        }
      }
    }
    for (let s = 0; s < S; s++) {
      for (let r = 0; r < S; r++) {
        if (s === r) {
          tau[s * S + r] = 1;
          continue;
        }
        const from = model.tauFrom[s * S + r];
        const negotiators = model.tauAllAffiliated[s * S + r] === 0;
        let sum = 0;
        for (const i of from) sum += coef[i * S + r] * (negotiators ? baseSumNeg : baseSum)[i * S + r];
        tau[s * S + r] = sum / (from.length * model.tauTo[s * S + r].length);
      }
    }
    for (let s = 0; s < S; s++) {
      let reaction = 0;
      for (let r = 0; r < S; r++) if (rivalry[s * S + r] > 0) reaction += rivalry[s * S + r] * k[s] * hawk[s] * (1 - tau[s * S + r]) * H[r];
      next[s] = Math.max(0, H[s] + dt * (reaction - a[s] * H[s] + g[s]));
    }
    H.set(next);
    hostilitySeries.set(H, t * S);
    tauSeries.set(tau, t * S * S);
    // the Track II series and the Track I and II means the engine records every step
    let trackI = 0;
    let trackII = 0;
    for (let p = 0; p < P; p++) {
      const [s, r] = model.rivalPairs[p];
      const from = model.track2[s];
      let sum = 0;
      for (const i of from) sum += coef[i * S + r] * baseSum[i * S + r];
      const v = sum / (from.length * model.affiliated[r].length);
      track2Series[t * P + p] = v;
      trackI += tau[s * S + r];
      trackII += v;
    }
    meanSeries[2 * t] = trackI / P;
    meanSeries[2 * t + 1] = trackII / P;
  }
  return hostilitySeries[steps * S - 1];
}

/** The same forgetting and hostility with trust as a dense N×N matrix: what the row-block form avoids. */
export function denseKernel(model: Model): number {
  const { N, S, rivalry, steps, dt } = model;
  const baseline = new Float64Array(N * N);
  const { rowOf, rows } = model.baseline;
  for (let i = 0; i < N; i++) for (let j = 0; j < N; j++) baseline[i * N + j] = i === j ? 1 : rows[rowOf[i]][j];
  // Start away from the baseline so every pair has work, as after a history of events.
  const trust = baseline.map((x) => x * 0.5 + 0.25);
  const H = model.initialHostility.slice();
  const next = new Float64Array(S);
  const f = -Math.expm1(-model.parameters['forgetting.delta'] * dt);
  const tau = new Float64Array(S * S);
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
      const a = model.attributes;
      for (let r = 0; r < S; r++) if (rivalry[s * S + r] > 0) reaction += rivalry[s * S + r] * a.reaction[s] * a.hawkishness[s] * (1 - tau[s * S + r]) * H[r];
      next[s] = Math.max(0, H[s] + dt * (reaction - a.restraint[s] * H[s] + a.grievance[s]));
    }
    H.set(next);
  }
  return H[0];
}
