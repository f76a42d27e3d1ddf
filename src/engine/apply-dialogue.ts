import { dialogueSuccessProbability, trustAfterFailure, trustAfterSuccess } from '../model/dialogue.ts';
import { OFFICIAL_KINDS } from '../model/kinds.ts';
import { agreementProbability } from '../model/negotiation.ts';
import type { DialoguePlan } from './dialogue-plan.ts';
import { currentTau, setTrust, type Run } from './run.ts';

/** A dialogue event as the engine applies it, scheduled or stochastic. */
export interface Dialogue {
  id: string;
  kind: string;
  label: string;
  facilitator: number;
  offRecord: boolean;
  intensity: number;
  outcome?: 'success' | 'failure' | 'agreement';
  cost: number;
}

/**
 * Applies a dialogue event. It succeeds with the logistic probability of DESIGN.md; on success
 * each ordered cross-side (rival) pair of participants gains trust, on failure it loses trust.
 * Official talks (track1-round, summit) are skipped while suspended between any two rival
 * participant states, unless the event's outcome is recorded, and on success may reach an
 * agreement; any event whose recorded outcome is `agreement` signs one. The two draws are
 * always consumed by the caller, so the event's stream stays aligned whatever happens.
 */
export function applyDialogue(run: Run, d: Dialogue, plan: DialoguePlan, cause: number, uSuccess: number, uAgreement: number): void {
  const { model, state } = run;
  const { N, S } = model;
  const p = state.parameters;
  const official = OFFICIAL_KINDS.has(d.kind);
  const { from, to, sides, sidePairs } = plan;
  if (sides.length < 2) return;

  // An event with a recorded outcome happened in history, so no modelled suspension calls it off.
  if (official && d.outcome === undefined) {
    for (let k = 0; k < sidePairs.length; k += 2) {
      if (state.step < state.suspendedUntil[sidePairs[k] * S + sidePairs[k + 1]]) {
        run.log.push({ step: state.step, id: d.id, kind: d.kind, label: d.label, outcome: 'suspended' });
        return;
      }
    }
  }

  const trust = state.trust;
  let trustSum = 0;
  for (let k = 0; k < from.length; k++) trustSum += trust[from[k] * N + to[k]];
  let hostilitySum = 0;
  for (let k = 0; k < sides.length; k++) hostilitySum += state.hostility[sides[k]];
  const skill = d.facilitator >= 0 ? model.skill[d.facilitator] : 0;
  const probability = dialogueSuccessProbability(
    { b0: p['dialogue.b0'], bTrust: p['dialogue.bTrust'], bHostility: p['dialogue.bHostility'], bSkill: p['dialogue.bSkill'], bOffRecord: p['dialogue.bOffRecord'] },
    from.length ? trustSum / from.length : 0,
    hostilitySum / sides.length,
    skill,
    d.offRecord,
  );
  const success = d.outcome ? d.outcome !== 'failure' : uSuccess < probability;
  const alpha = p[`alpha.${d.kind}`] ?? 0;
  const gamma = p[`gamma.${d.kind}`] ?? 0;
  for (let k = 0; k < from.length; k++) {
    const i = from[k];
    const j = to[k];
    const t = trust[i * N + j];
    setTrust(run, i, j, success ? trustAfterSuccess(t, alpha, skill, d.intensity) : trustAfterFailure(t, gamma, d.intensity), cause);
    state.lastContact[i * N + j] = state.step;
  }
  run.totalCost += d.cost;
  let outcome = success ? 'success' : 'failure';

  // A recorded agreement counts whatever channel reached it (e.g. a ceasefire agreed in a back channel).
  if (success && (official || d.outcome === 'agreement') && model.scenario.mechanisms.negotiation) {
    const tau = currentTau(run);
    let tauSum = 0;
    for (let k = 0; k < sidePairs.length; k += 2) tauSum += tau[sidePairs[k] * S + sidePairs[k + 1]];
    const agreed =
      d.outcome === 'agreement' ||
      (d.outcome === undefined && uAgreement < agreementProbability(p['negotiation.kappa'], tauSum / (sidePairs.length / 2), p['negotiation.tauStar']));
    if (agreed) {
      outcome = 'agreement';
      signAgreement(run, d, plan, cause);
    }
  }
  run.log.push({ step: state.step, id: d.id, kind: d.kind, label: d.label, outcome, ...(d.cost ? { cost: d.cost } : {}) });
}

/** Records an agreement among the plan's states: grievances ratchet down, officials' trust rises. */
function signAgreement(run: Run, d: Dialogue, plan: DialoguePlan, cause: number): void {
  const { model, state } = run;
  const { N } = model;
  const p = state.parameters;
  const sides = Array.from(plan.sides);
  state.agreements.push({ id: d.id, label: d.label, step: state.step, sides });
  for (const s of sides) state.grievanceFactor[s] *= 1 - p['negotiation.grievanceCut'];
  const gain = p['negotiation.trustGain'];
  for (let k = 0; k < plan.sidePairs.length; k += 2) {
    for (const i of model.officials[plan.sidePairs[k]]) {
      for (const j of model.officials[plan.sidePairs[k + 1]]) {
        const t = state.trust[i * N + j];
        setTrust(run, i, j, t + gain * (1 - t), cause);
      }
    }
  }
}
