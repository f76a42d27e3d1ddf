import {
  AGENT_KINDS,
  FACILITATOR_TYPES,
  isDialogueKind,
  isShockKind,
  MECHANISMS,
  TRACK2_TYPES,
  type Mechanism,
} from '../model/kinds.ts';
import { PARAMETER_BY_PATH } from '../model/parameters.ts';
import { makeCalendar, parseDate, stepIndex, type Calendar } from './calendar.ts';
import { cameoCode, goldsteinWeight, intensityFromGoldstein, severityFromGoldstein } from './cameo.ts';
import { compileExpression, symbolName } from './expressions.ts';
import { describeValue, didYouMean, issue, type ScenarioIssue } from './issues.ts';
import { scenarioSchema, type ParameterTree, type ScenarioDocument } from './schema.ts';
import {
  STATE_ATTRIBUTES,
  type ResolvedAgent,
  type ResolvedEvent,
  type ResolvedState,
  type ResolvedStochastic,
  type Scenario,
  type StateAttribute,
  type TrustRule,
  type Value,
} from './types.ts';
import { raiseHint, withDefaults, type Limits } from './limits.ts';
import { fromZodIssues } from './zod-issues.ts';

type Path = (string | number)[];

const TRACK2_DEFAULTS = { access: 0.3, credibility: 0.5 };
export { MAX_AGENTS } from './limits.ts';
const FACILITATOR_DEFAULT_SKILL = 0.5;
const ATTRIBUTE_DEFAULT: Record<StateAttribute, string> = {
  receptivity: 'state.receptivity',
  hawkishness: 'state.hawkishness',
  reaction: 'state.reaction',
  restraint: 'state.restraint',
  grievance: 'state.grievance',
};

/** Returns the names an expression may use for a scenario's states (see docs/SCENARIOS.md). */
export function expressionVariables(stateIds: readonly string[]): Set<string> {
  const names = new Set(['t', 'year', 'month', 'dt', 'trackI', 'trackII', 'agreements']);
  for (const s of stateIds) {
    names.add(`H_${symbolName(s)}`);
    for (const r of stateIds) if (r !== s) names.add(`tau_${symbolName(s)}_${symbolName(r)}`);
  }
  return names;
}

/** Flattens a nested parameter mapping into dotted paths: {transfer: {mu: 2}} → {"transfer.mu": 2}. */
export function flattenParameters(tree: ParameterTree, prefix = ''): { path: string; value: number | string }[] {
  const out: { path: string; value: number | string }[] = [];
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    // Only mappings nest; anything else (null, a list) stays a leaf for validation to refuse.
    const leaf: unknown = value;
    if (typeof leaf === 'object' && leaf !== null && !Array.isArray(leaf)) out.push(...flattenParameters(leaf as ParameterTree, path));
    else out.push({ path, value: leaf as number | string });
  }
  return out;
}

/**
 * Checks a merged scenario document and resolves it: ids to indices, dates to steps, selectors
 * to agent lists, expressions to compiled functions. Returns every problem found, not just the first.
 */
export function resolveScenario(
  raw: unknown,
  parameterOrigins: Record<string, string> = {},
  limitsGiven: Partial<Limits> = {},
): { scenario?: Scenario; issues: ScenarioIssue[] } {
  const limits = withDefaults(limitsGiven);
  const parsed = scenarioSchema.safeParse(raw);
  if (!parsed.success) return { issues: fromZodIssues(scenarioSchema, raw, parsed.error.issues) };
  const doc = parsed.data;
  const issues: ScenarioIssue[] = [];
  const problem = (code: string, path: Path, message: string, suggestion?: string) =>
    issues.push(issue(code, path, message, suggestion));

  // Calendar
  const start = parseDate(doc.calendar.start);
  const end = parseDate(doc.calendar.end);
  if (!start) problem('invalid-date', ['calendar', 'start'], `expected a date YYYY-MM, found ${describeValue(doc.calendar.start)}`);
  if (!end) problem('invalid-date', ['calendar', 'end'], `expected a date YYYY-MM, found ${describeValue(doc.calendar.end)}`);
  let calendar: Calendar | undefined;
  if (start && end) {
    calendar = makeCalendar(start, end, doc.calendar.step);
    if (!calendar) problem('invalid-date', ['calendar', 'end'], `expected an end on or after the start ${doc.calendar.start}, found ${describeValue(doc.calendar.end)}`);
  }
  if (!calendar) return { issues };
  if (calendar.steps > limits.steps) {
    problem('too-many-steps', ['calendar', 'end'], `expected a calendar of at most ${limits.steps} ${calendar.step}s, found ${calendar.steps}`, raiseHint('steps', calendar.steps));
    return { issues };
  }
  const cal = calendar;

  // Names: states, agents and groups share one namespace, which selectors refer to.
  const taken = new Map<string, Path>();
  const reserved = new Set<string>([...AGENT_KINDS, ...TRACK2_TYPES, ...FACILITATOR_TYPES, '*']);
  const claim = (name: string, path: Path) => {
    if (reserved.has(name)) problem('reserved-id', path, `expected an id that is not a kind or type name, found "${name}"`);
    const first = taken.get(name);
    if (first) problem('duplicate-id', path, `expected a unique id, found "${name}" again (first at ${first.join('.')})`);
    else taken.set(name, path);
  };

  const stateIndex = new Map<string, number>();
  doc.states.forEach((s, i) => {
    claim(s.id, ['states', i, 'id']);
    if (!stateIndex.has(s.id)) stateIndex.set(s.id, i);
  });
  const stateIds = doc.states.map((s) => s.id);
  const symbols = new Map<string, string>();
  doc.states.forEach((s, i) => {
    const other = symbols.get(symbolName(s.id));
    if (other !== undefined && other !== s.id) problem('ambiguous-id', ['states', i, 'id'], `expected state ids that stay distinct in expressions, but "${s.id}" and "${other}" are both ${symbolName(s.id)} there`);
    symbols.set(symbolName(s.id), s.id);
  });
  const variables = expressionVariables(stateIds);
  const findState = (id: string, path: Path): number => {
    const i = stateIndex.get(id);
    if (i === undefined) problem('unknown-state', path, `expected a state id (${stateIds.join(', ')}), found "${id}"`, didYouMean(id, stateIds));
    return i ?? -1;
  };
  const value = (v: number | string, path: Path): Value => {
    if (typeof v === 'number') return v;
    const r = compileExpression(v, variables);
    if (r.error) problem('invalid-expression', path, `expected ${r.error}`, r.suggestion);
    return r.expression ?? NaN;
  };
  const checkRange = (given: number | string, paramPath: string, path: Path) => {
    const spec = PARAMETER_BY_PATH.get(paramPath)!;
    let v = given;
    // An expression of constants only is worked out now: a value it can never have is a mistake in the file.
    if (typeof given === 'string') {
      const constant = compileExpression(given, variables).expression;
      if (!constant || constant.variables.length > 0) return;
      v = constant.evaluate(new Map());
      if (!Number.isFinite(v)) return void problem('invalid-expression', path, `expected an expression with a finite value, found "${given}", which is never a number`);
    }
    if (typeof v === 'number' && spec.integer && !Number.isInteger(v)) problem('not-an-integer', path, `expected a whole number (${spec.description}), found ${v}`);
    if (typeof v === 'number' && (v < spec.min || v > spec.max)) {
      problem('out-of-range', path, `expected a number in [${spec.min}, ${spec.max}] (${spec.description}), found ${v}`);
    }
  };

  // Agents: each state has its own agent; then the listed agents and expanded groups.
  // Counted before groups are expanded, so a huge `count` costs nothing but this message.
  const agentCount = doc.states.length + doc.agents.reduce((n, a) => n + (a.group !== undefined && a.id === undefined ? (a.count ?? 1) : 1), 0);
  if (agentCount > limits.agents) {
    problem('too-many-agents', ['agents'], `expected at most ${limits.agents} agents, states included, found ${agentCount}`, raiseHint('agents', agentCount));
    return { issues };
  }
  const agents: ResolvedAgent[] = [];
  const states: ResolvedState[] = doc.states.map((s, i) => {
    const attributes = {} as Record<StateAttribute, Value>;
    for (const attr of STATE_ATTRIBUTES) {
      const given = s[attr];
      if (given !== undefined) checkRange(given, ATTRIBUTE_DEFAULT[attr], ['states', i, attr]);
      attributes[attr] = given === undefined ? NaN : value(given, ['states', i, attr]);
    }
    agents.push({ id: s.id, name: s.name ?? s.id, kind: 'state', side: i, access: 1, credibility: 1, skill: 0 });
    return { id: s.id, name: s.name ?? s.id, agent: i, attributes, hostility: s.hostility ?? NaN, ...(s.strategy ? { strategy: s.strategy } : {}) };
  });
  const groups = new Map<string, number[]>();
  doc.agents.forEach((a, i) => {
    const path: Path = ['agents', i];
    if ((a.id === undefined) === (a.group === undefined)) {
      problem('agent-id', path, a.id ? 'expected either "id" or "group", found both' : 'expected an "id" (one agent) or a "group" with a "count"');
      return;
    }
    if (a.id !== undefined && a.count !== undefined) problem('agent-count', [...path, 'count'], 'expected "count" only on a group; use "group" instead of "id"');
    if (a.id) claim(a.id, [...path, 'id']);
    if (a.group) claim(a.group, [...path, 'group']);
    let side = -1;
    if (a.side !== undefined) side = findState(a.side, [...path, 'side']);
    else if (a.kind !== 'facilitator') problem('missing-key', [...path, 'side'], `expected the state a ${a.kind} belongs to, found nothing`);
    if (a.kind === 'track2' && !(TRACK2_TYPES as readonly string[]).includes(a.type ?? '')) {
      problem('invalid-value', [...path, 'type'], `expected a Track II type (${TRACK2_TYPES.join(', ')}), found ${describeValue(a.type)}`, a.type ? didYouMean(a.type, TRACK2_TYPES) : undefined);
    }
    if (a.kind === 'facilitator' && a.type !== undefined && !(FACILITATOR_TYPES as readonly string[]).includes(a.type)) {
      problem('invalid-value', [...path, 'type'], `expected a facilitator type (${FACILITATOR_TYPES.join(', ')}), found "${a.type}"`, didYouMean(a.type, FACILITATOR_TYPES));
    }
    const base: ResolvedAgent = {
      id: '',
      name: a.name ?? a.id ?? a.group ?? '',
      kind: a.kind,
      ...(a.type ? { type: a.type } : {}),
      side,
      access: a.access ?? (a.kind === 'track2' ? TRACK2_DEFAULTS.access : 1),
      credibility: a.credibility ?? (a.kind === 'track2' ? TRACK2_DEFAULTS.credibility : 1),
      skill: a.skill ?? (a.kind === 'facilitator' ? FACILITATOR_DEFAULT_SKILL : 0),
      ...(a.vulnerability !== undefined ? { vulnerability: a.vulnerability } : {}),
    };
    if (a.id) {
      agents.push({ ...base, id: a.id });
    } else if (a.group) {
      const count = a.count ?? 1;
      const members: number[] = [];
      for (let k = 1; k <= count; k++) {
        if (taken.has(`${a.group}.${k}`)) problem('duplicate-id', [...path, 'group'], `expected member ids of their own, but "${a.group}.${k}" is already the id at ${taken.get(`${a.group}.${k}`)!.join('.')}`);
        members.push(agents.length);
        agents.push({ ...base, id: `${a.group}.${k}`, name: count > 1 ? `${base.name} ${k}` : base.name, group: a.group });
      }
      groups.set(a.group, members);
    }
  });

  const agentIndex = new Map(agents.map((a, i) => [a.id, i]));
  const selectorNames = () => [...agentIndex.keys(), ...groups.keys()].filter((n) => !/\.\d+$/.test(n));
  /** Resolves a selector: agent id, group, state (all its agents), STATE:kind, STATE:type, kind, type or "*". */
  const select = (selector: string, path: Path): number[] => {
    if (selector === '*') return agents.map((_, i) => i);
    const [head, tail] = selector.includes(':') ? selector.split(':', 2) : [selector, undefined];
    const matchRole = (a: ResolvedAgent, role: string) => a.kind === role || a.type === role;
    if (tail !== undefined) {
      const side = findState(head, path);
      if (side < 0) return [];
      if (!reserved.has(tail)) {
        problem('unknown-selector', path, `expected STATE:kind or STATE:type, found "${selector}"`, didYouMean(tail, [...reserved]));
        return [];
      }
      return agents.flatMap((a, i) => (a.side === side && matchRole(a, tail) ? [i] : []));
    }
    if (stateIndex.has(selector)) {
      const side = stateIndex.get(selector)!;
      return agents.flatMap((a, i) => (a.side === side ? [i] : []));
    }
    if (groups.has(selector)) return groups.get(selector)!;
    if (agentIndex.has(selector)) return [agentIndex.get(selector)!];
    if (reserved.has(selector)) return agents.flatMap((a, i) => (matchRole(a, selector) ? [i] : []));
    problem('unknown-id', path, `expected an agent, group or state id, found "${selector}"`, didYouMean(selector, [...selectorNames(), ...stateIds]));
    return [];
  };
  const selectAll = (selectors: string | string[], path: Path): number[] => {
    const list = Array.isArray(selectors) ? selectors : [selectors];
    const set = new Set<number>();
    list.forEach((s, k) => select(s, Array.isArray(selectors) ? [...path, k] : path).forEach((i) => set.add(i)));
    return [...set].sort((a, b) => a - b);
  };

  // Rivalries
  const S = states.length;
  const rivalry = new Float64Array(S * S);
  doc.rivalries.forEach((r, i) => {
    const a = findState(r.between[0], ['rivalries', i, 'between', 0]);
    const b = findState(r.between[1], ['rivalries', i, 'between', 1]);
    if (a < 0 || b < 0) return;
    if (a === b) return void problem('invalid-rivalry', ['rivalries', i, 'between'], `expected two different states, found "${r.between[0]}" twice`);
    if (rivalry[a * S + b] !== 0) problem('duplicate-rivalry', ['rivalries', i], `expected one entry per pair of states, found ${r.between.join('–')} again`);
    rivalry[a * S + b] = rivalry[b * S + a] = r.weight;
  });

  // Later checks of rival pairs would only repeat a broken agent or rivalry entry.
  const agentsOk = issues.length === 0;

  // Trust
  const rules: TrustRule[] = doc.trust.rules.map((rule, i) => ({
    from: selectAll(rule.from, ['trust', 'rules', i, 'from']),
    to: selectAll(rule.to, ['trust', 'rules', i, 'to']),
    value: rule.value,
  }));

  // Parameters
  const parameters: Record<string, Value> = {};
  for (const { path, value: v } of flattenParameters(doc.parameters)) {
    const where: Path = ['parameters', ...path.split('.')];
    if (!PARAMETER_BY_PATH.has(path)) {
      problem('unknown-parameter', where, `expected a model parameter (see docs/MODEL.md), found "${path}"`, didYouMean(path, PARAMETER_BY_PATH.keys()));
      continue;
    }
    checkRange(v, path, where);
    if (typeof v === 'string' && PARAMETER_BY_PATH.get(path)!.constant) {
      problem('constant-parameter', where, `expected a number: "${path}" is read once before the run, so it cannot be an expression`);
      continue;
    }
    parameters[path] = value(v, where);
  }
  const crisis = parameters['hostility.crisis'] ?? PARAMETER_BY_PATH.get('hostility.crisis')!.default;
  const war = parameters['hostility.war'] ?? PARAMETER_BY_PATH.get('hostility.war')!.default;
  if (typeof crisis === 'number' && typeof war === 'number' && war < crisis) problem('out-of-range', ['parameters', 'hostility', 'war'], `expected the war threshold (${war}) at or above the crisis threshold (${crisis})`);
  const mechanisms = Object.fromEntries(MECHANISMS.map((m) => [m, doc.mechanisms[m] ?? true])) as Record<Mechanism, boolean>;

  // Events
  const eventIds = new Map<string, Path>();
  const claimEvent = (id: string, path: Path) => {
    const first = eventIds.get(id);
    if (first) problem('duplicate-id', path, `expected a unique event id, found "${id}" again (first at ${first.join('.')})`);
    else eventIds.set(id, path);
  };
  const stepOf = (d: unknown, path: Path, allowOutside = false): number | undefined => {
    const parsedDate = parseDate(d);
    if (!parsedDate) {
      problem('invalid-date', path, `expected a date ${cal.step === 'week' ? 'YYYY-MM-DD' : 'YYYY-MM'}, found ${describeValue(d)}`);
      return undefined;
    }
    const step = stepIndex(cal, parsedDate);
    if (!allowOutside && (step < 0 || step >= cal.steps)) {
      problem('date-outside-calendar', path, `expected a date within the calendar ${doc.calendar.start} – ${doc.calendar.end}, found ${describeValue(d)}`);
      return undefined;
    }
    return step;
  };
  const cameoWeight = (code: string | number | undefined, path: Path): number | undefined => {
    if (code === undefined) return undefined;
    const c = cameoCode(code);
    const w = goldsteinWeight(c);
    if (w === undefined) problem('unknown-cameo', path, `expected a CAMEO code from data/cameo-goldstein.tsv, found "${c}"`);
    return w;
  };
  const sideOf = (i: number) => agents[i].side;
  const hasRivalPair = (members: number[]) =>
    members.some((i) => members.some((j) => sideOf(i) >= 0 && sideOf(j) >= 0 && rivalry[sideOf(i) * S + sideOf(j)] > 0));
  const facilitatorOf = (id: string | undefined, path: Path): number => {
    if (id === undefined) return -1;
    const i = agentIndex.get(id);
    if (i === undefined || agents[i].kind !== 'facilitator') {
      const facilitators = agents.filter((a) => a.kind === 'facilitator').map((a) => a.id);
      problem('unknown-facilitator', path, `expected the id of a facilitator agent${facilitators.length ? ` (${facilitators.join(', ')})` : ''}, found "${id}"`, didYouMean(id, facilitators));
      return -1;
    }
    return i;
  };
  const intensityRef = typeof parameters['cameo.intensityReference'] === 'number' ? (parameters['cameo.intensityReference'] as number) : PARAMETER_BY_PATH.get('cameo.intensityReference')!.default;

  const events: ResolvedEvent[] = [];
  // Occurrences of scheduled events so far; random sources count once each.
  let occurrences = 0;
  let eventsRefused = false;
  const tooManyEvents = (found: number) => {
    if (!eventsRefused) problem('too-many-events', ['events'], `expected at most ${limits.events} event occurrences and random sources, found ${found} or more`, raiseHint('events', found));
    eventsRefused = true;
  };
  doc.events.forEach((e, i) => {
    const path: Path = ['events', i];
    claimEvent(e.id, [...path, 'id']);
    let steps: number[] = [];
    if (e.date !== undefined) {
      if (e.from !== undefined || e.to !== undefined || e.every !== undefined) problem('event-timing', path, 'expected either "date" or "from"/"to"/"every", found both');
      const s = stepOf(e.date, [...path, 'date']);
      if (s !== undefined) steps = [s];
    } else if (e.from !== undefined) {
      const from = stepOf(e.from, [...path, 'from']);
      const to = e.to === undefined ? cal.steps - 1 : stepOf(e.to, [...path, 'to']);
      const every = e.every ?? 1;
      if (from !== undefined && to !== undefined) {
        if (to < from) problem('event-timing', [...path, 'to'], `expected "to" on or after "from" (${e.from}), found ${describeValue(e.to)}`);
        const count = Math.floor((to - from) / every) + 1;
        if (occurrences + count + doc.stochastic.length > limits.events) tooManyEvents(occurrences + count + doc.stochastic.length);
        else for (let s = from; s <= to; s += every) steps.push(s);
      }
    } else {
      problem('missing-key', [...path, 'date'], 'expected a "date", or a recurring range with "from", "to" and "every"');
    }
    const weight = cameoWeight(e.cameo, [...path, 'cameo']);
    const resolved: ResolvedEvent = {
      id: e.id,
      label: e.label ?? e.id,
      kind: e.kind,
      steps,
      participants: [],
      facilitator: facilitatorOf(e.facilitator, [...path, 'facilitator']),
      offRecord: e.offRecord ?? false,
      intensity: e.intensity ?? (weight !== undefined ? intensityFromGoldstein(weight, intensityRef) : 1),
      severity: e.severity ?? (weight !== undefined ? severityFromGoldstein(weight) : NaN),
      by: -1,
      against: [],
      ...(e.outcome ? { outcome: e.outcome } : {}),
      cost: e.cost ?? 0,
      state: -1,
      set: {},
      suspendTalks: e.suspendTalks ?? 0,
      resumeTalks: e.resumeTalks ?? false,
      ...(e.cameo !== undefined ? { cameo: cameoCode(e.cameo) } : {}),
      ...(e.source ? { source: e.source } : {}),
      enabled: e.enabled ?? true,
    };
    const notFor = (keys: (keyof typeof e)[], what: string) => {
      for (const k of keys) if (e[k] !== undefined) problem('key-not-allowed', [...path, k], `"${k}" does not apply to ${what} "${e.kind}"`);
    };
    if (isDialogueKind(e.kind)) {
      notFor(['by', 'against', 'severity', 'state', 'set', 'suspendTalks', 'resumeTalks'], 'a dialogue');
      resolveParticipants(resolved, e.participants, path);
    } else if (isShockKind(e.kind)) {
      notFor(['participants', 'facilitator', 'offRecord', 'outcome', 'intensity', 'state', 'set', 'cost'], 'a shock');
      resolveShockSides(resolved, e.by, e.against, path);
      if (Number.isNaN(resolved.severity) && e.cameo === undefined) problem('missing-key', [...path, 'severity'], 'expected a "severity" in [0, 1] or a "cameo" code to derive it from');
    } else {
      notFor(['participants', 'facilitator', 'offRecord', 'outcome', 'by', 'against', 'severity', 'intensity', 'cost'], 'a');
      if (e.state === undefined) problem('missing-key', [...path, 'state'], 'expected the "state" whose government changes');
      else resolved.state = findState(e.state, [...path, 'state']);
      if (e.set === undefined && e.suspendTalks === undefined && e.resumeTalks === undefined) {
        problem('missing-key', [...path, 'set'], 'expected "set", "suspendTalks" or "resumeTalks": what changes');
      }
      for (const attr of STATE_ATTRIBUTES) {
        const v = e.set?.[attr];
        if (v !== undefined) {
          checkRange(v, ATTRIBUTE_DEFAULT[attr], [...path, 'set', attr]);
          resolved.set[attr] = value(v, [...path, 'set', attr]);
        }
      }
    }
    events.push(resolved);
    occurrences += steps.length;
    if (occurrences + doc.stochastic.length > limits.events) tooManyEvents(occurrences + doc.stochastic.length);

    function resolveParticipants(target: { participants: number[] }, list: string[] | undefined, p: Path) {
      if (!list) return void problem('missing-key', [...p, 'participants'], 'expected "participants": a list of agent, group or state selectors');
      const before = issues.length;
      target.participants = selectAll(list, [...p, 'participants']);
      if (agentsOk && issues.length === before && !hasRivalPair(target.participants)) {
        problem('no-rival-pair', [...p, 'participants'], 'expected participants from at least two rival states; this event would change nothing');
      }
    }
  });

  function resolveShockSides(target: { by: number; against: number[] }, by: string | undefined, against: string | string[] | undefined, path: Path) {
    if (by === undefined) return void problem('missing-key', [...path, 'by'], 'expected "by": the state the shock comes from');
    target.by = findState(by, [...path, 'by']);
    if (target.by < 0) return;
    if (against === undefined) {
      target.against = states.flatMap((_, r) => (rivalry[target.by * S + r] > 0 ? [r] : []));
      if (target.against.length === 0) problem('missing-key', [...path, 'against'], `expected "against": "${by}" has no rivals to take it as default`);
    } else {
      const list = Array.isArray(against) ? against : [against];
      target.against = list.map((s, k) => findState(s, Array.isArray(against) ? [...path, 'against', k] : [...path, 'against'])).filter((x) => x >= 0);
      if (target.against.includes(target.by)) problem('invalid-value', [...path, 'against'], `expected states other than "${by}" itself`);
    }
  }

  const stochastic: ResolvedStochastic[] = doc.stochastic.map((e, i) => {
    const path: Path = ['stochastic', i];
    claimEvent(e.id, [...path, 'id']);
    const weight = cameoWeight(e.cameo, [...path, 'cameo']);
    const from = e.from === undefined ? 0 : stepOf(e.from, [...path, 'from']) ?? 0;
    const to = e.to === undefined ? cal.steps - 1 : stepOf(e.to, [...path, 'to']) ?? cal.steps - 1;
    const severity: [number, number] =
      Array.isArray(e.severity) ? [e.severity[0], e.severity[1]] :
      e.severity !== undefined ? [e.severity, e.severity] :
      weight !== undefined ? [severityFromGoldstein(weight), severityFromGoldstein(weight)] : [NaN, NaN];
    if (severity[0] > severity[1]) problem('invalid-value', [...path, 'severity'], `expected [min, max] with min ≤ max, found [${severity.join(', ')}]`);
    const resolved: ResolvedStochastic = {
      id: e.id,
      label: e.label ?? e.id,
      kind: e.kind,
      rate: e.rate,
      fromStep: from,
      toStep: to,
      participants: [],
      facilitator: facilitatorOf(e.facilitator, [...path, 'facilitator']),
      offRecord: e.offRecord ?? false,
      intensity: e.intensity ?? (weight !== undefined ? intensityFromGoldstein(weight, intensityRef) : 1),
      severity,
      by: -1,
      against: [],
      cost: e.cost ?? 0,
      ...(e.source ? { source: e.source } : {}),
      enabled: e.enabled ?? true,
    };
    const notFor = (keys: (keyof typeof e)[], what: string) => {
      for (const k of keys) if (e[k] !== undefined) problem('key-not-allowed', [...path, k], `"${k}" does not apply to ${what} "${e.kind}"`);
    };
    if (isDialogueKind(e.kind)) notFor(['by', 'against', 'severity'], 'a dialogue');
    if (isShockKind(e.kind)) notFor(['participants', 'facilitator', 'offRecord', 'intensity', 'cost'], 'a shock');
    if (isDialogueKind(e.kind)) {
      if (!e.participants) problem('missing-key', [...path, 'participants'], 'expected "participants": a list of agent, group or state selectors');
      else {
        const before = issues.length;
        resolved.participants = selectAll(e.participants, [...path, 'participants']);
        if (agentsOk && issues.length === before && !hasRivalPair(resolved.participants)) problem('no-rival-pair', [...path, 'participants'], 'expected participants from at least two rival states; this event would change nothing');
      }
    } else if (isShockKind(e.kind)) {
      if (e.cost !== undefined) problem('key-not-allowed', [...path, 'cost'], `"cost" applies to dialogue events, not to a shock "${e.kind}"`);
      resolveShockSides(resolved, e.by, e.against, path);
      if (Number.isNaN(severity[0]) && e.cameo === undefined) problem('missing-key', [...path, 'severity'], 'expected a "severity" (a number or [min, max]) or a "cameo" code');
    } else {
      problem('invalid-value', [...path, 'kind'], 'expected a dialogue or shock kind; political changes cannot be random');
    }
    return resolved;
  });

  if (issues.length > 0) return { issues };
  checkMemory(agents, rivalry, S, rules, [...events.map((e, i) => ({ e, path: ['events', i] as (string | number)[] })), ...stochastic.map((e, i) => ({ e, path: ['stochastic', i] as (string | number)[] }))], limits, problem);
  if (issues.length > 0) return { issues };
  const scenario: Scenario = {
    name: doc.name,
    description: doc.description ?? '',
    sources: doc.sources,
    calendar: cal,
    ...(doc.seed !== undefined ? { seed: doc.seed } : {}),
    states,
    rivalry,
    agents,
    trust: { default: doc.trust.default, within: doc.trust.within, rules },
    parameters,
    parameterOrigins,
    mechanisms,
    events,
    stochastic,
    document: doc as ScenarioDocument,
  };
  return { scenario, issues };
}

/** Distinct baseline rows × agents above this would hold more than 200 MB (src/engine/baseline.ts). */
const MAX_BASELINE_VALUES = 25_000_000;

/**
 * Refuses what would exhaust memory though each part is within its limit: dialogue events whose
 * participants make millions of rival pairs (each pair's trust is kept for the run), and trust
 * rules that give so many agents a baseline row of their own that the rows outgrow memory.
 */
function checkMemory(
  agents: ResolvedAgent[],
  rivalry: Float64Array,
  S: number,
  rules: TrustRule[],
  dialogues: { e: ResolvedEvent | ResolvedStochastic; path: (string | number)[] }[],
  limits: Limits,
  problem: (code: string, path: (string | number)[], message: string, hint?: string) => void,
): void {
  let pairs = 0;
  let largest: { path: (string | number)[]; pairs: number } | undefined;
  const perSide = new Float64Array(S);
  for (const { e, path } of dialogues) {
    if (!isDialogueKind(e.kind)) continue;
    perSide.fill(0);
    for (const i of e.participants) if (agents[i].side >= 0) perSide[agents[i].side]++;
    let n = 0;
    for (let s = 0; s < S; s++) for (let r = 0; r < S; r++) if (s !== r && rivalry[s * S + r] > 0) n += perSide[s] * perSide[r];
    pairs += n;
    if (!largest || n > largest.pairs) largest = { path: [...path, 'participants'], pairs: n };
  }
  if (pairs > limits.pairs && largest) {
    problem('too-many-pairs', largest.path, `expected at most ${limits.pairs.toLocaleString('en')} participant pairs from rival states over all dialogue events, found ${pairs.toLocaleString('en')} (this event alone has ${largest.pairs.toLocaleString('en')}); each pair's trust is kept for the run`, `${raiseHint('pairs', pairs)}; or let smaller groups meet`);
  }
  // The same signature as compileBaseline: an agent's side and the rules that list it under `from`.
  const applying: number[][] = agents.map(() => []);
  rules.forEach((rule, k) => {
    for (const i of rule.from) if (applying[i].at(-1) !== k) applying[i].push(k);
  });
  const signatures = new Set(agents.map((a, i) => `${a.side}:${applying[i].join(',')}`));
  const values = signatures.size * agents.length;
  if (values > MAX_BASELINE_VALUES) {
    problem('too-many-trust-rows', ['trust', 'rules'], `expected trust rules that give at most ${Math.floor(MAX_BASELINE_VALUES / agents.length).toLocaleString('en')} distinct rows of initial trust for ${agents.length.toLocaleString('en')} agents, found ${signatures.size.toLocaleString('en')}`, 'write rules for groups or states rather than for single agents');
  }
}
