import { richardsonTerms } from '../model/hostility.ts';
import { recordHostilityChange } from './ledger.ts';
import { currentTau, type Run } from './run.ts';

/**
 * Advances every state's hostility one explicit Euler step of the trust-damped Richardson system,
 * all states from the same old values, then floors it at 0. Hawkishness scales the reaction k.
 */
export function updateHostility(run: Run, scratch: Float64Array): void {
  const { model, state } = run;
  const { S, dt } = model;
  const tau = currentTau(run);
  const old = scratch;
  old.set(state.hostility);
  const a = state.attributes;
  const c = model.mechanismCause;
  for (let s = 0; s < S; s++) {
    const terms = richardsonTerms(s, S, old, a.reaction[s] * a.hawkishness[s], a.restraint[s], a.grievance[s] * state.grievanceFactor[s], model.rivalry, tau);
    const reaction = terms.reaction * dt;
    const restraint = terms.restraint * dt;
    const grievance = terms.grievance * dt;
    const next = old[s] + reaction + restraint + grievance;
    const floored = next < 0 ? 0 : next;
    state.hostility[s] = floored;
    recordHostilityChange(run.ledger, model, s, reaction, c['richardson-reaction']);
    recordHostilityChange(run.ledger, model, s, restraint, c['richardson-restraint']);
    recordHostilityChange(run.ledger, model, s, grievance, c['grievance']);
    recordHostilityChange(run.ledger, model, s, floored - next, c['floor']);
  }
}
