import { isDialogueKind, isShockKind } from '../model/kinds.ts';
import { rateToProbability } from '../model/logistic.ts';
import { PARAMETER_BY_PATH } from '../model/parameters.ts';
import { shockRate } from '../model/shock.ts';
import { applyDialogue } from './apply-dialogue.ts';
import { applyForgetting } from './apply-forgetting.ts';
import { applyPoliticalChange } from './apply-political-change.ts';
import { applyShock } from './apply-shock.ts';
import { applyTransfer } from './apply-transfer.ts';
import { evaluateValue, refreshScope, type ExpressionScope } from './expression-scope.ts';
import { flushLedger } from './ledger.ts';
import { playStrategies } from './play-strategies.ts';
import type { Run } from './run.ts';
import { updateHostility } from './update-hostility.ts';

/** Buffers a run reuses every step, so stepping allocates nothing in the common case. */
export interface StepScratch {
  scope: ExpressionScope;
  hostility: Float64Array;
  moves: Int8Array;
  /** per stochastic dialogue that occurs this step: source index, success draw, agreement draw */
  dialogueDraws: Float64Array;
}

export function createStepScratch(run: Run): StepScratch {
  return { scope: new Map(), hostility: new Float64Array(run.model.S), moves: new Int8Array(run.model.S * run.model.S), dialogueDraws: new Float64Array(3 * run.model.scenario.stochastic.length) };
}

/**
 * Advances a run by one step, in this order: expressions; political changes; shocks (scheduled,
 * then stochastic); strategy moves; dialogue events (scheduled, then stochastic); Track II → Track I
 * transfer; forgetting; hostility. Within each group events apply in file order.
 */
export function step(run: Run, scratch: StepScratch): void {
  const { model, state } = run;
  const { scenario } = model;
  const on = scenario.mechanisms;
  const t = state.step;
  const scope = scratch.scope;

  if (model.scopeSteps[t] === 1) refreshScope(run, scope);
  if (model.parameterExpressions.length > 0 || model.attributeExpressions.length > 0) {
    for (const { path, expression } of model.parameterExpressions) {
      const spec = PARAMETER_BY_PATH.get(path)!;
      const v = evaluateValue(expression, scope, run);
      state.parameters[path] = Math.min(spec.max, Math.max(spec.min, v));
    }
    for (const { side, attribute, expression } of model.attributeExpressions) {
      const spec = PARAMETER_BY_PATH.get(`state.${attribute}`)!;
      state.attributes[attribute][side] = Math.min(spec.max, Math.max(spec.min, evaluateValue(expression, scope, run)));
    }
  }
  const occurrences = model.schedule[t] ?? [];

  for (const { series } of occurrences) {
    const e = scenario.events[series];
    if (e.kind === 'political-change' && e.enabled && on.politicalChange) applyPoliticalChange(run, e, scope);
  }

  // Shocks. Scheduled shocks draw from their own stream only when they collapse an agreement.
  for (const { series } of occurrences) {
    const e = scenario.events[series];
    if (!isShockKind(e.kind)) continue;
    if (!e.enabled || !on.shocks) continue;
    applyShock(run, e, model.eventCause[series], run.eventStreams[series]);
  }
  const p = state.parameters;
  const dialogueDraws = scratch.dialogueDraws;
  let drawn = 0;
  for (let k = 0; k < scenario.stochastic.length; k++) {
    const src = scenario.stochastic[k];
    if (t < src.fromStep || t > src.toStep) continue;
    const stream = run.stochasticStreams[k];
    // Four draws every active step whatever happens, so the stream stays aligned across variants.
    const uOccur = stream();
    const uSeverity = stream();
    const uSuccess = stream();
    const uAgreement = stream();
    if (!src.enabled) continue;
    if (isShockKind(src.kind)) {
      if (!on.shocks) continue;
      const rate = shockRate(src.rate, p['shock.rateGrowth'], state.hostility[src.by]);
      if (uOccur >= rateToProbability(rate, model.dt)) continue;
      const severity = src.severity[0] + uSeverity * (src.severity[1] - src.severity[0]);
      applyShock(run, { ...src, severity }, model.stochasticCause[k], run.stochasticCollapseStreams[k]);
    } else if (isDialogueKind(src.kind)) {
      if (uOccur < rateToProbability(src.rate, model.dt)) {
        dialogueDraws[drawn++] = k;
        dialogueDraws[drawn++] = uSuccess;
        dialogueDraws[drawn++] = uAgreement;
      }
    }
  }

  if (on.strategies) playStrategies(run, scratch.moves);

  if (on.dialogue) {
    for (const { series } of occurrences) {
      const e = scenario.events[series];
      if (!isDialogueKind(e.kind)) continue;
      const stream = run.eventStreams[series];
      const uSuccess = stream();
      const uAgreement = stream();
      if (!e.enabled) continue;
      applyDialogue(run, e, model.eventPlans[series]!, model.eventCause[series], uSuccess, uAgreement);
    }
    for (let n = 0; n < drawn; n += 3) {
      const k = dialogueDraws[n];
      applyDialogue(run, scenario.stochastic[k], model.stochasticPlans[k]!, model.stochasticCause[k], dialogueDraws[n + 1], dialogueDraws[n + 2]);
    }
  }

  if (on.transfer) applyTransfer(run);
  if (on.forgetting) applyForgetting(run);
  if (on.hostility) updateHostility(run, scratch.hostility);
  flushLedger(run.ledger, t);
}
