import { dateLabel, decimalYear } from '../scenario/calendar.ts';
import { symbolName } from '../scenario/expressions.ts';
import type { Value } from '../scenario/types.ts';
import { meanTrackI, meanTrackII } from './aggregates.ts';
import { currentTau, type Run } from './run.ts';

/** The variables scenario expressions read, refreshed once per step when the scenario has any. */
export type ExpressionScope = Map<string, number>;

/** Fills the scope with the run's values at the start of the current step. */
export function refreshScope(run: Run, scope: ExpressionScope): void {
  const { model, state } = run;
  const { S } = model;
  const cal = model.scenario.calendar;
  const tau = currentTau(run);
  scope.set('t', state.step);
  scope.set('year', decimalYear(cal, state.step));
  scope.set('month', Number(dateLabel(cal, state.step).slice(5, 7)) || 1);
  scope.set('dt', model.dt);
  scope.set('trackI', meanTrackI(model, tau));
  scope.set('trackII', meanTrackII(model, state.trust));
  scope.set('agreements', state.agreements.length);
  model.scenario.states.forEach((st, s) => {
    scope.set(`H_${symbolName(st.id)}`, state.hostility[s]);
    model.scenario.states.forEach((other, r) => {
      if (r !== s) scope.set(`tau_${symbolName(st.id)}_${symbolName(other.id)}`, tau[s * S + r]);
    });
  });
}

/**
 * Returns a value's number now. An expression that evaluates to something that is not a finite
 * number yields 0 and is reported once in the run's log, so a run never carries NaN onward.
 */
export function evaluateValue(value: Value, scope: ExpressionScope, run: Run): number {
  if (typeof value === 'number') return value;
  const v = value.evaluate(scope);
  if (Number.isFinite(v)) return v;
  if (!run.log.some((e) => e.outcome === 'not-a-number' && e.id === value.source)) {
    run.log.push({ step: run.state.step, id: value.source, kind: 'expression', label: value.source, outcome: 'not-a-number' });
  }
  return 0;
}
