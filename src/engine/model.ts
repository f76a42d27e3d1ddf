import { isDialogueKind, KIND_FACILITATOR, KIND_NEGOTIATOR, KIND_STATE, KIND_TRACK2 } from '../model/kinds.ts';
import { defaultParameters, type ParameterValues } from '../model/parameters.ts';
import { baselineSum, compileBaseline, type Baseline } from './baseline.ts';
import { dateLabel } from '../scenario/calendar.ts';
import { movesTau, movesTrack2 } from './ledger.ts';
import { planDialogue, type DialoguePlan } from './dialogue-plan.ts';
import type { CompiledExpression } from '../scenario/expressions.ts';
import { STATE_ATTRIBUTES, type ResolvedEvent, type Scenario, type StateAttribute } from '../scenario/types.ts';

/** What the ledger attributes changes to: an event source or a mechanism. */
export interface Cause {
  id: string;
  kind: string;
}

/** One occurrence of a scheduled event series at a step. */
export interface Occurrence {
  series: number;
  step: number;
}

/**
 * A scenario compiled for the hot loop: agents as typed arrays indexed by agent number, the
 * schedule by step, and the index tables that aggregates and the ledger need. Seed-independent,
 * so a sweep compiles a scenario once and runs it many times.
 */
export interface Model {
  scenario: Scenario;
  /** agents and states */
  N: number;
  S: number;
  steps: number;
  dt: number;
  kind: Uint8Array;
  side: Int16Array;
  access: Float64Array;
  credibility: Float64Array;
  skill: Float64Array;
  /** shock vulnerability per agent, from its kind unless overridden */
  vulnerabilityOverride: Float64Array;
  /** initial trust, also the baseline forgetting returns to, stored by distinct row */
  baseline: Baseline;
  /** per row-block i·S + r: Σ of i's baseline trust over r's agents, and over r's negotiators */
  baseSum: Float64Array;
  baseSumNeg: Float64Array;
  rivalry: Float64Array;
  /** ordered pairs of rival states [s, r] with w_sr > 0 */
  rivalPairs: [number, number][];
  /**
   * ordered state pairs whose cross trust can leave its baseline: the rival pairs, then any
   * (target, source) pair of a shock between states that are not rivals. Forgetting visits these.
   */
  changeablePairs: [number, number][];
  /** per ordered state pair: its index in rivalPairs, or −1 */
  rivalIndex: Int32Array;
  /** per rival pair: the weight of one pair's trust in tau and in the Track II mean (1 / number of pairs) */
  tauWeight: Float64Array;
  track2Weight: Float64Array;
  /** agents of each side: all affiliated, Track II, officials (negotiators, else the state agent) */
  affiliated: number[][];
  track2: number[][];
  officials: number[][];
  /** per ordered state pair: 1 when tau uses all affiliated agents (a side lacks negotiators) */
  tauAllAffiliated: Uint8Array;
  tauFrom: number[][];
  tauTo: number[][];
  /** parameter values that are numbers; expression parameters are evaluated per step */
  parameters: ParameterValues;
  parameterExpressions: { path: string; expression: CompiledExpression }[];
  /** per state: initial attributes and the expressions among them */
  attributes: Record<StateAttribute, Float64Array>;
  attributeExpressions: { side: number; attribute: StateAttribute; expression: CompiledExpression }[];
  initialHostility: Float64Array;
  /** scheduled occurrences per step, in file order */
  schedule: Occurrence[][];
  /** 1 at the steps whose expressions (parameters, attributes or a political change's `set`) need the variables */
  scopeSteps: Uint8Array;
  /** calendar labels of the steps */
  dates: string[];
  /** per event series and per stochastic source: its dialogue plan, or null for other kinds */
  eventPlans: (DialoguePlan | null)[];
  stochasticPlans: (DialoguePlan | null)[];
  causes: Cause[];
  /** cause index of each event series, each stochastic source, and each mechanism */
  eventCause: Int32Array;
  stochasticCause: Int32Array;
  mechanismCause: Record<string, number>;
}

const KIND_CODE: Record<string, number> = {
  state: KIND_STATE,
  negotiator: KIND_NEGOTIATOR,
  track2: KIND_TRACK2,
  facilitator: KIND_FACILITATOR,
};

export const MECHANISM_CAUSES = [
  'transfer',
  'forgetting',
  'strategy',
  'richardson-reaction',
  'richardson-restraint',
  'grievance',
  'floor',
] as const;

/** Compiles a resolved scenario into the engine's model. `steps` may shorten the calendar. */
export function compileModel(scenario: Scenario, steps = scenario.calendar.steps): Model {
  const N = scenario.agents.length;
  const S = scenario.states.length;
  const kind = new Uint8Array(N);
  const side = new Int16Array(N);
  const access = new Float64Array(N);
  const credibility = new Float64Array(N);
  const skill = new Float64Array(N);
  const vulnerabilityOverride = new Float64Array(N).fill(NaN);
  scenario.agents.forEach((a, i) => {
    kind[i] = KIND_CODE[a.kind];
    side[i] = a.side;
    access[i] = a.access;
    credibility[i] = a.credibility;
    skill[i] = a.skill;
    if (a.vulnerability !== undefined) vulnerabilityOverride[i] = a.vulnerability;
  });

  const baseline = compileBaseline(scenario, side);

  const affiliated: number[][] = Array.from({ length: S }, () => []);
  const track2: number[][] = Array.from({ length: S }, () => []);
  const negotiators: number[][] = Array.from({ length: S }, () => []);
  for (let i = 0; i < N; i++) {
    if (side[i] < 0) continue;
    affiliated[side[i]].push(i);
    if (kind[i] === KIND_TRACK2) track2[side[i]].push(i);
    if (kind[i] === KIND_NEGOTIATOR) negotiators[side[i]].push(i);
  }
  const { baseSum, baseSumNeg } = baselineSums(baseline, side, S, affiliated, negotiators);
  const officials = negotiators.map((list, s) => (list.length > 0 ? list : [scenario.states[s].agent]));
  const tauAllAffiliated = new Uint8Array(S * S);
  const tauFrom: number[][] = [];
  const tauTo: number[][] = [];
  const rivalPairs: [number, number][] = [];
  for (let s = 0; s < S; s++) {
    for (let r = 0; r < S; r++) {
      const all = negotiators[s].length === 0 || negotiators[r].length === 0;
      tauAllAffiliated[s * S + r] = all ? 1 : 0;
      tauFrom[s * S + r] = all ? affiliated[s] : negotiators[s];
      tauTo[s * S + r] = all ? affiliated[r] : negotiators[r];
      if (s !== r && scenario.rivalry[s * S + r] > 0) rivalPairs.push([s, r]);
    }
  }

  const changeablePairs: [number, number][] = [...rivalPairs];
  for (const e of [...scenario.events, ...scenario.stochastic]) {
    for (const target of e.against) {
      if (e.by >= 0 && !changeablePairs.some(([s, r]) => s === target && r === e.by)) changeablePairs.push([target, e.by]);
    }
  }

  const parameters = defaultParameters();
  const parameterExpressions: Model['parameterExpressions'] = [];
  for (const [path, value] of Object.entries(scenario.parameters)) {
    if (typeof value === 'number') parameters[path] = value;
    else parameterExpressions.push({ path, expression: value });
  }
  const attributes = {} as Record<StateAttribute, Float64Array>;
  const attributeExpressions: Model['attributeExpressions'] = [];
  for (const attribute of STATE_ATTRIBUTES) {
    attributes[attribute] = new Float64Array(S);
    const fallback = scenario.parameters[`state.${attribute}`];
    scenario.states.forEach((st, s) => {
      // A state without its own value takes the `state.*` default, which may itself be an expression.
      const v = typeof st.attributes[attribute] === 'number' && Number.isNaN(st.attributes[attribute]) && fallback !== undefined ? fallback : st.attributes[attribute];
      if (typeof v === 'number') attributes[attribute][s] = Number.isNaN(v) ? parameters[`state.${attribute}`] : v;
      else attributeExpressions.push({ side: s, attribute, expression: v });
    });
  }
  const initialHostility = Float64Array.from(scenario.states, (st) =>
    Number.isNaN(st.hostility) ? parameters['state.hostility'] : st.hostility,
  );

  const schedule: Occurrence[][] = Array.from({ length: steps }, () => []);
  scenario.events.forEach((e: ResolvedEvent, series) => {
    for (const step of e.steps) if (step < steps) schedule[step].push({ series, step });
  });

  const everyStep = parameterExpressions.length > 0 || attributeExpressions.length > 0;
  const scopeSteps = new Uint8Array(steps).fill(everyStep ? 1 : 0);
  scenario.events.forEach((e) => {
    if (Object.values(e.set).some((v) => typeof v !== 'number')) for (const step of e.steps) if (step < steps) scopeSteps[step] = 1;
  });

  const rivalIndex = new Int32Array(S * S).fill(-1);
  const tauWeight = new Float64Array(rivalPairs.length);
  const track2Weight = new Float64Array(rivalPairs.length);
  rivalPairs.forEach(([s, r], p) => {
    rivalIndex[s * S + r] = p;
    const pairs = tauFrom[s * S + r].length * tauTo[s * S + r].length;
    tauWeight[p] = pairs ? 1 / pairs : 0;
    const track2Pairs = track2[s].length * affiliated[r].length;
    track2Weight[p] = track2Pairs ? 1 / track2Pairs : 0;
  });

  let plans = 0;
  const plan = (e: { kind: string; participants: number[] }) => {
    if (!isDialogueKind(e.kind)) return null;
    const planned = planDialogue(e.participants, side, scenario.rivalry, S);
    planned.index = plans++;
    for (let k = 0; k < planned.from.length; k++) {
      const i = planned.from[k];
      const j = planned.to[k];
      const p = rivalIndex[side[i] * S + side[j]];
      planned.ledgerPair[k] = p;
      if (p < 0) continue;
      if (movesTau({ S, side, kind, tauAllAffiliated }, i, j)) planned.tauShare[k] = tauWeight[p];
      if (movesTrack2({ S, side, kind, tauAllAffiliated }, i)) planned.track2Share[k] = track2Weight[p];
    }
    return planned;
  };
  const eventPlans = scenario.events.map(plan);
  const stochasticPlans = scenario.stochastic.map(plan);
  const dates = Array.from({ length: steps }, (_, t) => dateLabel(scenario.calendar, t));

  const causes: Cause[] = [];
  const eventCause = Int32Array.from(scenario.events, (e) => causes.push({ id: e.id, kind: e.kind }) - 1);
  const stochasticCause = Int32Array.from(scenario.stochastic, (e) => causes.push({ id: e.id, kind: e.kind }) - 1);
  const mechanismCause: Record<string, number> = {};
  for (const m of MECHANISM_CAUSES) mechanismCause[m] = causes.push({ id: m, kind: 'mechanism' }) - 1;

  return {
    scenario, N, S, steps, dt: scenario.calendar.dt, kind, side, access, credibility, skill,
    vulnerabilityOverride, baseline, baseSum, baseSumNeg, rivalry: scenario.rivalry, rivalPairs, rivalIndex, tauWeight, track2Weight, changeablePairs, affiliated, track2, officials,
    tauAllAffiliated, tauFrom, tauTo, parameters, parameterExpressions, attributes, attributeExpressions,
    initialHostility, schedule, scopeSteps, dates, eventPlans, stochasticPlans, causes, eventCause, stochasticCause, mechanismCause,
  };
}


/** Sums each agent's baseline trust over each state's agents and negotiators; agents sharing a baseline row share the sums. */
function baselineSums(baseline: Baseline, side: Int16Array, S: number, affiliated: number[][], negotiators: number[][]) {
  const N = side.length;
  const baseSum = new Float64Array(N * S);
  const baseSumNeg = new Float64Array(N * S);
  const cache = new Map<number, [number, number]>();
  for (let i = 0; i < N; i++) {
    if (side[i] < 0) continue;
    for (let r = 0; r < S; r++) {
      // Own side includes the diagonal, which is 1 whatever the shared row holds.
      const key = baseline.rowOf[i] * S + r;
      let sums = r === side[i] ? undefined : cache.get(key);
      if (!sums) {
        sums = [baselineSum(baseline, i, affiliated[r]), baselineSum(baseline, i, negotiators[r])];
        if (r !== side[i]) cache.set(key, sums);
      }
      baseSum[i * S + r] = sums[0];
      baseSumNeg[i * S + r] = sums[1];
    }
  }
  return { baseSum, baseSumNeg };
}
