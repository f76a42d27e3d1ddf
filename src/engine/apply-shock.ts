import { KIND_FACILITATOR, KIND_NEGOTIATOR, KIND_STATE } from '../model/kinds.ts';
import { collapseProbability, shockTrustFactor, suspensionSteps } from '../model/shock.ts';
import { recordHostilityChange, recordRowChange } from './ledger.ts';
import type { Stream } from './rng.ts';
import type { Run } from './run.ts';
import { rowSum, rowSumNegotiators, transformBlock } from './trust-store.ts';

/** A shock as the engine applies it, scheduled or stochastic. */
export interface Shock {
  id: string;
  kind: string;
  label: string;
  by: number;
  against: number[];
  severity: number;
}

/** Returns agent i's shock vulnerability: its own override, else its kind's parameter. */
export function vulnerabilityOf(run: Run, i: number): number {
  const own = run.model.vulnerabilityOverride[i];
  if (!Number.isNaN(own)) return own;
  const p = run.state.parameters;
  switch (run.model.kind[i]) {
    case KIND_STATE:
      return p['shock.vulnerability.state'];
    case KIND_NEGOTIATOR:
      return p['shock.vulnerability.negotiator'];
    case KIND_FACILITATOR:
      return p['shock.vulnerability.facilitator'];
    default:
      return p['shock.vulnerability.track2'];
  }
}

/**
 * Applies a shock from state `by` against each target state: the target side's trust in the
 * source side is multiplied by 1 − severity·vulnerability(kind); the target's hostility jumps;
 * official talks between them are suspended for a time that grows with severity; agreements in
 * force between them may collapse (one draw from `collapse` per such agreement).
 */
export function applyShock(run: Run, shock: Shock, cause: number, collapse: Stream): void {
  const { model, state } = run;
  const { S } = model;
  const p = state.parameters;
  const s = shock.severity;
  for (const target of shock.against) {
    // x ← f·x on every pair of the row-block (trust-store.ts); the ledger books the row sums' change.
    const store = state.trust;
    for (const i of model.affiliated[target]) {
      const factor = shockTrustFactor(s, vulnerabilityOf(run, i));
      if (factor === 1) continue;
      const rb = i * S + shock.by;
      if (run.ledger.enabled) recordRowChange(run.ledger, model, i, shock.by, (factor - 1) * rowSum(store, model, rb), (factor - 1) * rowSumNegotiators(store, model, rb), cause);
      transformBlock(store, model, rb, factor, 0);
      run.tauDirty = true;
    }
    const jump = p['shock.hostilityJump'] * s;
    state.hostility[target] += jump;
    recordHostilityChange(run.ledger, model, target, jump, cause);
    const until = state.step + suspensionSteps(s, p['shock.suspensionMonths'], model.scenario.calendar.monthsPerStep);
    for (const k of [shock.by * S + target, target * S + shock.by]) state.suspendedUntil[k] = Math.max(state.suspendedUntil[k], until);
  }
  run.log.push({ step: state.step, id: shock.id, kind: shock.kind, label: shock.label, outcome: 'shock', severity: s });

  const chance = collapseProbability(s, p['shock.collapseProbability']);
  state.agreements = state.agreements.filter((a) => {
    if (!a.sides.includes(shock.by) || !shock.against.some((t) => a.sides.includes(t))) return true;
    if (collapse() >= chance) return true;
    run.log.push({ step: state.step, id: a.id, kind: 'agreement', label: a.label, outcome: 'collapse', cause: shock.id });
    return false;
  });
}
