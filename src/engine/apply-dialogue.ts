import { dialogueSuccessProbability, trustAfterFailure, trustAfterSuccess } from '../model/dialogue.ts';
import { OFFICIAL_KINDS } from '../model/kinds.ts';
import { agreementProbability } from '../model/negotiation.ts';
import { currentTau, setTrust, type Run } from './run.ts';

/** A dialogue event as the engine applies it, scheduled or stochastic. */
export interface Dialogue {
  id: string;
  kind: string;
  label: string;
  participants: number[];
  facilitator: number;
  offRecord: boolean;
  intensity: number;
  outcome?: 'success' | 'failure' | 'agreement';
  cost: number;
}

/** Marks in run.sideMark the sides of participants that have a rival among the participants; returns their count. */
function markRivalSides(run: Run, participants: number[]): number {
  const { side, rivalry, S } = run.model;
  const mark = run.sideMark;
  mark.fill(0);
  for (const i of participants) if (side[i] >= 0) mark[side[i]] = 2;
  let count = 0;
  for (let s = 0; s < S; s++) {
    if (mark[s] !== 2) continue;
    let rival = false;
    for (let r = 0; r < S && !rival; r++) rival = r !== s && mark[r] !== 0 && rivalry[s * S + r] > 0;
    mark[s] = rival ? 1 : 3;
  }
  for (let s = 0; s < S; s++) {
    if (mark[s] === 1) count++;
    else mark[s] = 0;
  }
  return count;
}

function isRival(run: Run, i: number, j: number): boolean {
  const { side, rivalry, S } = run.model;
  return side[i] >= 0 && side[j] >= 0 && rivalry[side[i] * S + side[j]] > 0;
}

/**
 * Applies a dialogue event. It succeeds with the logistic probability of DESIGN.md; on success
 * each ordered cross-side (rival) pair of participants gains trust, on failure it loses trust.
 * Official talks (track1-round, summit) are skipped while suspended between any two rival
 * participant states, unless the event's outcome is recorded, and on success may reach an
 * agreement; any event whose recorded outcome is `agreement` signs one. The two draws are always consumed
 * so the event's stream stays aligned whatever happens.
 */
export function applyDialogue(run: Run, d: Dialogue, cause: number, uSuccess: number, uAgreement: number): void {
  const { model, state } = run;
  const { N, S } = model;
  const p = state.parameters;
  const official = OFFICIAL_KINDS.has(d.kind);
  const sides = markRivalSides(run, d.participants);
  const entry = { step: state.step, id: d.id, kind: d.kind, label: d.label };
  if (sides < 2) return;

  // An event with a recorded outcome happened in history, so no modelled suspension calls it off.
  if (official && d.outcome === undefined) {
    for (let s = 0; s < S; s++) {
      if (!run.sideMark[s]) continue;
      for (let r = 0; r < S; r++) {
        if (run.sideMark[r] && model.rivalry[s * S + r] > 0 && state.step < state.suspendedUntil[s * S + r]) {
          run.log.push({ ...entry, outcome: 'suspended' });
          return;
        }
      }
    }
  }

  let trustSum = 0;
  let pairs = 0;
  for (const i of d.participants) {
    for (const j of d.participants) {
      if (i !== j && isRival(run, i, j)) {
        trustSum += state.trust[i * N + j];
        pairs++;
      }
    }
  }
  let hostilitySum = 0;
  for (let s = 0; s < S; s++) if (run.sideMark[s]) hostilitySum += state.hostility[s];
  const skill = d.facilitator >= 0 ? model.skill[d.facilitator] : 0;
  const probability = dialogueSuccessProbability(
    { b0: p['dialogue.b0'], bTrust: p['dialogue.bTrust'], bHostility: p['dialogue.bHostility'], bSkill: p['dialogue.bSkill'], bOffRecord: p['dialogue.bOffRecord'] },
    pairs ? trustSum / pairs : 0,
    hostilitySum / sides,
    skill,
    d.offRecord,
  );
  const success = d.outcome ? d.outcome !== 'failure' : uSuccess < probability;
  const alpha = p[`alpha.${d.kind}`] ?? 0;
  const gamma = p[`gamma.${d.kind}`] ?? 0;
  for (const i of d.participants) {
    for (const j of d.participants) {
      if (i === j || !isRival(run, i, j)) continue;
      const k = i * N + j;
      const t = state.trust[k];
      setTrust(run, i, j, success ? trustAfterSuccess(t, alpha, skill, d.intensity) : trustAfterFailure(t, gamma, d.intensity), cause);
      state.lastContact[k] = state.step;
    }
  }
  run.totalCost += d.cost;
  let outcome = success ? 'success' : 'failure';

  // A recorded agreement counts whatever channel reached it (e.g. a ceasefire agreed in a back channel).
  if (success && (official || d.outcome === 'agreement') && model.scenario.mechanisms.negotiation) {
    const tau = currentTau(run);
    let tauSum = 0;
    let tauPairs = 0;
    for (let s = 0; s < S; s++) {
      for (let r = 0; r < S; r++) {
        if (run.sideMark[s] && run.sideMark[r] && s !== r && model.rivalry[s * S + r] > 0) {
          tauSum += tau[s * S + r];
          tauPairs++;
        }
      }
    }
    const agreed =
      d.outcome === 'agreement' ||
      (d.outcome === undefined && uAgreement < agreementProbability(p['negotiation.kappa'], tauSum / tauPairs, p['negotiation.tauStar']));
    if (agreed) {
      outcome = 'agreement';
      signAgreement(run, d, cause);
    }
  }
  run.log.push({ ...entry, outcome, ...(d.cost ? { cost: d.cost } : {}) });
}

/** Records an agreement among the marked sides: grievances ratchet down, officials' trust rises. */
function signAgreement(run: Run, d: Dialogue, cause: number): void {
  const { model, state } = run;
  const { S, N } = model;
  const p = state.parameters;
  const sides: number[] = [];
  for (let s = 0; s < S; s++) if (run.sideMark[s]) sides.push(s);
  state.agreements.push({ id: d.id, label: d.label, step: state.step, sides });
  for (const s of sides) state.grievanceFactor[s] *= 1 - p['negotiation.grievanceCut'];
  const gain = p['negotiation.trustGain'];
  for (const s of sides) {
    for (const r of sides) {
      if (s === r || model.rivalry[s * S + r] <= 0) continue;
      for (const i of model.officials[s]) {
        for (const j of model.officials[r]) {
          const t = state.trust[i * N + j];
          setTrust(run, i, j, t + gain * (1 - t), cause);
        }
      }
    }
  }
}
