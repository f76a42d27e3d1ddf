import { dialogueSuccessProbability, trustAfterFailure, trustAfterSuccess } from '../model/dialogue.ts';
import { DIALOGUE_KINDS, OFFICIAL_KINDS } from '../model/kinds.ts';
import { agreementProbability } from '../model/negotiation.ts';
import type { DialoguePlan } from './dialogue-plan.ts';
import { currentTau, setEntryTrust, type Run } from './run.ts';
import { entryOf, entryValue, markContact, setEntryValue } from './trust-store.ts';

/** Parameter names by event kind, built once rather than per event. */
const ALPHA_KEY: Record<string, string> = Object.fromEntries(DIALOGUE_KINDS.map((k) => [k, `alpha.${k}`]));
const GAMMA_KEY: Record<string, string> = Object.fromEntries(DIALOGUE_KINDS.map((k) => [k, `gamma.${k}`]));

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
  const { S } = model;
  const p = state.parameters;
  const official = OFFICIAL_KINDS.has(d.kind);
  const { sides, sidePairs } = plan;
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

  const store = state.trust;
  const entries = planEntries(run, plan);
  let trustSum = 0;
  for (let k = 0; k < entries.length; k++) trustSum += entryValue(store, entries[k]);
  let hostilitySum = 0;
  for (let k = 0; k < sides.length; k++) hostilitySum += state.hostility[sides[k]];
  const skill = d.facilitator >= 0 ? model.skill[d.facilitator] : 0;
  const probability = dialogueSuccessProbability(
    { b0: p['dialogue.b0'], bTrust: p['dialogue.bTrust'], bHostility: p['dialogue.bHostility'], bSkill: p['dialogue.bSkill'], bOffRecord: p['dialogue.bOffRecord'] },
    entries.length ? trustSum / entries.length : 0,
    hostilitySum / sides.length,
    skill,
    d.offRecord,
  );
  const success = d.outcome ? d.outcome !== 'failure' : uSuccess < probability;
  const alpha = p[ALPHA_KEY[d.kind]] ?? 0;
  const gamma = p[GAMMA_KEY[d.kind]] ?? 0;
  // The pair loop is the hottest of a dialogue-heavy run: trust and ledger shares are written directly.
  const ledger = run.ledger;
  const book = ledger.enabled ? cause * ledger.ledger.targets.length : -1;
  let changed = false;
  for (let k = 0; k < entries.length; k++) {
    const e = entries[k];
    const t = entryValue(store, e);
    const raw = success ? trustAfterSuccess(t, alpha, skill, d.intensity) : trustAfterFailure(t, gamma, d.intensity);
    const next = raw < 0 ? 0 : raw > 1 ? 1 : raw;
    if (next !== t) {
      setEntryValue(store, model, e, next);
      changed = true;
      const q = plan.ledgerPair[k];
      if (book >= 0 && q >= 0) {
        ledger.pending[book + 2 * q] += (next - t) * plan.tauShare[k];
        ledger.pending[book + 2 * q + 1] += (next - t) * plan.track2Share[k];
        ledger.touched[cause] = 1;
      }
    }
    markContact(store, e, state.step);
  }
  if (changed) run.tauDirty = true;
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
  const p = state.parameters;
  const sides = Array.from(plan.sides);
  state.agreements.push({ id: d.id, label: d.label, step: state.step, sides });
  for (const s of sides) state.grievanceFactor[s] *= 1 - p['negotiation.grievanceCut'];
  const gain = p['negotiation.trustGain'];
  for (let k = 0; k < plan.sidePairs.length; k += 2) {
    for (const i of model.officials[plan.sidePairs[k]]) {
      for (const j of model.officials[plan.sidePairs[k + 1]]) {
        const e = entryOf(state.trust, model, i, j);
        const t = entryValue(state.trust, e);
        setEntryTrust(run, e, i, j, t + gain * (1 - t), cause);
      }
    }
  }
}

/** Returns the trust entries of a plan's participant pairs, created on the plan's first use in the run. */
function planEntries(run: Run, plan: DialoguePlan): Int32Array {
  let entries = run.planEntries[plan.index];
  if (!entries) {
    entries = new Int32Array(plan.from.length);
    for (let k = 0; k < entries.length; k++) entries[k] = entryOf(run.state.trust, run.model, plan.from[k], plan.to[k]);
    run.planEntries[plan.index] = entries;
  }
  return entries;
}
