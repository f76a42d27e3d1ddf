import { isDialogueKind, isShockKind } from '../model/kinds.ts';
import { PARAMETER_BY_PATH } from '../model/parameters.ts';
import type { Scenario, Value } from '../scenario/types.ts';
import { idSegment, round4 } from './set-path.ts';

/** One thing a scaled control rewrites: a scenario value and what it was before scaling. */
interface ScaledTarget {
  path: string;
  base: number;
  /** how the factor applies: multiply the value, divide an interval, cap at 1 */
  rule: 'times' | 'interval' | 'times-capped';
}

/**
 * A slider of the classroom page. An `absolute` control sets one scenario value; a `scale` control
 * multiplies several (every Track II actor's access, every dialogue source's frequency) so that
 * the scenario's differences between them survive. Either way it becomes `--set` assignments, the
 * same ones the page shows as a CLI command.
 */
export type TeachingControl = {
  /** key in the URL hash */
  id: string;
  label: string;
  /** what the control maps to in the model, for the page and docs/CLASSROOM.md */
  help: string;
  min: number;
  max: number;
  step: number;
  /** the value with no override: the scenario's, or 1 for a scale */
  baseline: number;
  /** why the control has nothing to act on in this scenario, when it has not */
  inert?: string;
  /** the scenario writes an expression here; moving the slider replaces it */
  expression?: string;
} & ({ kind: 'absolute'; path: string } | { kind: 'scale'; targets: ScaledTarget[] });

/** Returns the `--set` assignments that put a control at a value. */
export function controlSets(control: TeachingControl, value: number): string[] {
  if (control.kind === 'absolute') return [`${control.path}=${value}`];
  return control.targets.map((t) => {
    const v = t.rule === 'interval' ? Math.max(1, Math.round(t.base / value)) : t.rule === 'times-capped' ? Math.min(1, round4(t.base * value)) : round4(t.base * value);
    return `${t.path}=${v}`;
  });
}

function valueOf(v: Value | undefined, fallback: number): { value: number; expression?: string } {
  if (v === undefined) return { value: fallback };
  return typeof v === 'number' ? { value: v } : { value: fallback, expression: v.source };
}

function parameterControl(scenario: Scenario, id: string, path: string, label: string, help: string, max: number, step: number): TeachingControl {
  const spec = PARAMETER_BY_PATH.get(path)!;
  const { value, expression } = valueOf(scenario.parameters[path], spec.default);
  return { id, label, help, kind: 'absolute', path, min: spec.min, max: Math.max(max, value), step, baseline: value, ...(expression ? { expression } : {}) };
}

const SCALE = { min: 0, max: 3, step: 0.1, baseline: 1 } as const;

/**
 * Returns the teaching controls of a scenario: each government's receptivity, Track II access,
 * dialogue frequency, the rate of random shocks, forgetting and the confidence bound.
 */
export function teachingControls(scenario: Scenario): TeachingControl[] {
  const receptivity = PARAMETER_BY_PATH.get('state.receptivity')!;
  // A state that gives no receptivity of its own (NaN once resolved) takes the state.receptivity parameter.
  const shared = valueOf(scenario.parameters['state.receptivity'], receptivity.default);
  const states: TeachingControl[] = scenario.states.map((s) => {
    const own = s.attributes.receptivity;
    const { value, expression } = typeof own === 'number' && Number.isNaN(own) ? shared : valueOf(own, shared.value);
    return {
      id: `receptivity.${s.id}`,
      label: `${s.name} receptivity`,
      help: `How far its officials take up Track II views, at the start (states${idSegment(s.id)}.receptivity).`,
      kind: 'absolute',
      path: `states${idSegment(s.id)}.receptivity`,
      min: 0,
      max: 1,
      step: 0.05,
      baseline: value,
      ...(expression ? { expression } : {}),
    };
  });

  const accessTargets = new Map<string, ScaledTarget>();
  for (const a of scenario.agents) {
    if (a.kind !== 'track2') continue;
    const key = a.group ?? a.id;
    if (!accessTargets.has(key)) accessTargets.set(key, { path: `agents${idSegment(key)}.access`, base: a.access, rule: 'times-capped' });
  }
  const doc = scenario.document;
  const dialogueTargets: ScaledTarget[] = [];
  for (const e of scenario.events) {
    const every = doc.events.find((d) => d.id === e.id)?.every;
    if (isDialogueKind(e.kind) && every !== undefined && e.steps.length > 1) dialogueTargets.push({ path: `events${idSegment(e.id)}.every`, base: every, rule: 'interval' });
  }
  for (const s of scenario.stochastic) {
    if (isDialogueKind(s.kind)) dialogueTargets.push({ path: `stochastic${idSegment(s.id)}.rate`, base: s.rate, rule: 'times' });
  }
  const shockTargets: ScaledTarget[] = scenario.stochastic.filter((s) => isShockKind(s.kind)).map((s) => ({ path: `stochastic${idSegment(s.id)}.rate`, base: s.rate, rule: 'times' }));

  const scale = (id: string, label: string, help: string, targets: ScaledTarget[], inert: string): TeachingControl => ({
    id, label, help, kind: 'scale', targets, ...SCALE, ...(id === 'dialogue' ? { min: 0.25 } : {}), ...(targets.length === 0 ? { inert } : {}),
  });
  return [
    ...states,
    scale('access', 'Track II access', 'Times every Track II actor\'s access to its government (agents.<id>.access, at most 1).', [...accessTargets.values()], 'this scenario has no Track II actors'),
    scale('dialogue', 'Dialogue frequency', 'Times how often recurring and random dialogue happens (events.<id>.every, stochastic.<id>.rate).', dialogueTargets, 'this scenario has no recurring or random dialogue'),
    scale('shocks', 'Random shock rate', 'Times the yearly rate of random shocks (stochastic.<id>.rate); dated shocks are in the event list.', shockTargets, 'this scenario has no random shock sources'),
    parameterControl(scenario, 'forgetting', 'forgetting.delta', 'Forgetting per year', 'How fast trust drifts back to where it started without contact (forgetting.delta).', 1, 0.02),
    parameterControl(scenario, 'epsilon', 'transfer.epsilon', 'Confidence bound', 'Officials listen only to Track II views this close to their own (transfer.epsilon).', 1, 0.05),
  ];
}
