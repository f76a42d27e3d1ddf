import { PARAMETER_BY_PATH } from '../model/parameters.ts';
import type { ResolvedEvent, StateAttribute } from '../scenario/types.ts';
import { evaluateValue, type ExpressionScope } from './expression-scope.ts';
import type { Run } from './run.ts';

/** Applies a scheduled change of government: new attribute values, and talks suspended or resumed. */
export function applyPoliticalChange(run: Run, e: ResolvedEvent, scope: ExpressionScope): void {
  const { model, state } = run;
  const { S } = model;
  const s = e.state;
  for (const [attribute, value] of Object.entries(e.set)) {
    const spec = PARAMETER_BY_PATH.get(`state.${attribute}`)!;
    state.attributes[attribute as StateAttribute][s] = Math.min(spec.max, Math.max(spec.min, evaluateValue(value, scope, run)));
  }
  if (e.suspendTalks > 0 || e.resumeTalks) {
    const until = e.resumeTalks ? 0 : state.step + Math.ceil(e.suspendTalks / model.scenario.calendar.monthsPerStep);
    for (let r = 0; r < S; r++) {
      if (r === s || model.rivalry[s * S + r] <= 0) continue;
      for (const k of [s * S + r, r * S + s]) {
        state.suspendedUntil[k] = e.resumeTalks ? until : Math.max(state.suspendedUntil[k], until);
      }
    }
  }
  run.log.push({ step: state.step, id: e.id, kind: e.kind, label: e.label, outcome: 'change' });
}
