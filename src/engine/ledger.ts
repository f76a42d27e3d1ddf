import { KIND_NEGOTIATOR, KIND_TRACK2 } from '../model/kinds.ts';
import type { Model } from './model.ts';

/**
 * The trust ledger: every change to the tracked aggregates, attributed to its cause. Tracked are,
 * for each ordered pair of rival states (s, r), both directions, state-level trust tau[s][r] and the mean trust of s's
 * Track II actors in r's agents, and each state's hostility. A trust write adds its share of the
 * aggregate (delta / number of pairs) to the cause's accumulator, so no aggregate is recomputed.
 */
export interface Ledger {
  /** target names, e.g. "tau:IN>PK", "trackII:IN>PK", "hostility:IN" */
  targets: string[];
  /** columns of the recorded rows */
  step: number[];
  cause: number[];
  target: number[];
  delta: number[];
}

export interface LedgerRecorder {
  ledger: Ledger;
  /** per ordered state pair: index into model.rivalPairs, or -1 */
  pairIndex: Int32Array;
  tauWeight: Float64Array;
  track2Weight: Float64Array;
  /** accumulators of the current step, causes × targets */
  pending: Float64Array;
  touched: Uint8Array;
  enabled: boolean;
}

export function createLedgerRecorder(model: Model, enabled: boolean): LedgerRecorder {
  const { S, rivalPairs, scenario } = model;
  const targets: string[] = [];
  const id = (s: number) => scenario.states[s].id;
  for (const [s, r] of rivalPairs) targets.push(`tau:${id(s)}>${id(r)}`, `trackII:${id(s)}>${id(r)}`);
  for (let s = 0; s < S; s++) targets.push(`hostility:${id(s)}`);
  const T = targets.length;
  return {
    ledger: { targets, step: [], cause: [], target: [], delta: [] },
    pairIndex: model.rivalIndex,
    tauWeight: model.tauWeight,
    track2Weight: model.track2Weight,
    pending: new Float64Array(model.causes.length * T),
    touched: new Uint8Array(model.causes.length),
    enabled,
  };
}

/** Records a change of trust T[i][j] by `delta` against `cause`. */
export function recordTrustChange(rec: LedgerRecorder, model: Model, i: number, j: number, delta: number, cause: number): void {
  if (!rec.enabled || delta === 0) return;
  const si = model.side[i];
  const sj = model.side[j];
  if (si < 0 || sj < 0) return;
  const S = model.S;
  const p = rec.pairIndex[si * S + sj];
  if (p < 0) return;
  const base = cause * rec.ledger.targets.length;
  if (movesTau(model, i, j)) {
    rec.pending[base + 2 * p] += delta * rec.tauWeight[p];
    rec.touched[cause] = 1;
  }
  if (movesTrack2(model, i)) {
    rec.pending[base + 2 * p + 1] += delta * rec.track2Weight[p];
    rec.touched[cause] = 1;
  }
}

type PairTables = Pick<Model, 'S' | 'side' | 'kind' | 'tauAllAffiliated'>;

/** Whether T[i][j] counts in tau[side i][side j]: both negotiators, or any pair where a side has none. */
export function movesTau(m: PairTables, i: number, j: number): boolean {
  return m.tauAllAffiliated[m.side[i] * m.S + m.side[j]] === 1 || (m.kind[i] === KIND_NEGOTIATOR && m.kind[j] === KIND_NEGOTIATOR);
}

/** Whether T[i][j] counts in side i's Track II trust: i is a Track II actor. */
export function movesTrack2(m: PairTables, i: number): boolean {
  return m.kind[i] === KIND_TRACK2;
}

/**
 * Records a change of agent i's trust in state r's agents that sums to `deltaAll` over all of them
 * and to `deltaNegotiators` over r's negotiators: the shares recordTrustChange would book pair by pair.
 */
export function recordRowChange(rec: LedgerRecorder, model: Model, i: number, r: number, deltaAll: number, deltaNegotiators: number, cause: number): void {
  if (!rec.enabled) return;
  const si = model.side[i];
  if (si < 0 || r < 0) return;
  const S = model.S;
  const p = rec.pairIndex[si * S + r];
  if (p < 0) return;
  const base = cause * rec.ledger.targets.length;
  const all = model.tauAllAffiliated[si * S + r] === 1;
  const tauDelta = all ? deltaAll : model.kind[i] === KIND_NEGOTIATOR ? deltaNegotiators : 0;
  if (tauDelta !== 0) {
    rec.pending[base + 2 * p] += tauDelta * rec.tauWeight[p];
    rec.touched[cause] = 1;
  }
  if (model.kind[i] === KIND_TRACK2 && deltaAll !== 0) {
    rec.pending[base + 2 * p + 1] += deltaAll * rec.track2Weight[p];
    rec.touched[cause] = 1;
  }
}

/** Records a change of state s's hostility by `delta` against `cause`. */
export function recordHostilityChange(rec: LedgerRecorder, model: Model, s: number, delta: number, cause: number): void {
  if (!rec.enabled || delta === 0) return;
  const T = rec.ledger.targets.length;
  rec.pending[cause * T + 2 * model.rivalPairs.length + s] += delta;
  rec.touched[cause] = 1;
}

/** Moves the step's accumulated changes into the ledger's rows, causes in a fixed order. */
export function flushLedger(rec: LedgerRecorder, step: number): void {
  if (!rec.enabled) return;
  const T = rec.ledger.targets.length;
  const { ledger, pending, touched } = rec;
  for (let c = 0; c < touched.length; c++) {
    if (touched[c] === 0) continue;
    touched[c] = 0;
    for (let t = 0; t < T; t++) {
      const d = pending[c * T + t];
      if (d !== 0) {
        ledger.step.push(step);
        ledger.cause.push(c);
        ledger.target.push(t);
        ledger.delta.push(d);
        pending[c * T + t] = 0;
      }
    }
  }
}
