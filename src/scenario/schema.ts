import { z } from 'zod';
import { AGENT_KINDS, EVENT_KINDS, FACILITATOR_TYPES, MECHANISMS, STRATEGIES, TRACK2_TYPES } from '../model/kinds.ts';

/*
 * The shape of a scenario document after `extends` is merged. Meaning (ids exist, dates fall in
 * the calendar, expressions compile) is checked afterwards in resolve-scenario.ts, so that every
 * problem is reported in one pass with its key path.
 */

const id = z.string().regex(/^[A-Za-z][A-Za-z0-9_.-]*$/, 'an id: a letter, then letters, digits, "_", "-" or "."');
const unit = z.number().min(0).max(1);
/** A number, or a mathjs expression evaluated each step (see docs/SCENARIOS.md). */
const numberOrExpression = z.union([z.number(), z.string().min(1)]);
const date = z.union([z.string(), z.number().int()]);

const calendar = z.strictObject({
  start: date,
  end: date,
  step: z.enum(['month', 'week', 'year']).default('month'),
});

const state = z.strictObject({
  id,
  name: z.string().optional(),
  receptivity: numberOrExpression.optional(),
  hawkishness: numberOrExpression.optional(),
  reaction: numberOrExpression.optional(),
  restraint: numberOrExpression.optional(),
  grievance: numberOrExpression.optional(),
  hostility: z.number().min(0).optional(),
  strategy: z.enum(STRATEGIES).optional(),
  remove: z.boolean().optional(),
});

const rivalry = z.strictObject({
  between: z.tuple([id, id]),
  weight: z.number().min(0).max(100).default(1),
});

const agent = z.strictObject({
  id: id.optional(),
  group: id.optional(),
  count: z.number().int().min(1).max(1_000_000).optional(),
  name: z.string().optional(),
  kind: z.enum(AGENT_KINDS.filter((k) => k !== 'state') as ['negotiator', 'track2', 'facilitator']),
  type: z.enum([...TRACK2_TYPES, ...FACILITATOR_TYPES]).optional(),
  side: id.optional(),
  access: unit.optional(),
  credibility: unit.optional(),
  skill: unit.optional(),
  vulnerability: unit.optional(),
  remove: z.boolean().optional(),
});

const selector = z.string().min(1);

const trustRule = z.strictObject({
  from: z.union([selector, z.array(selector)]),
  to: z.union([selector, z.array(selector)]),
  value: unit,
  note: z.string().optional(),
});

const trust = z.strictObject({
  default: unit.default(0.3),
  within: unit.default(0.7),
  rules: z.array(trustRule).default([]),
});

const stateChange = z.strictObject({
  receptivity: numberOrExpression.optional(),
  hawkishness: numberOrExpression.optional(),
  reaction: numberOrExpression.optional(),
  restraint: numberOrExpression.optional(),
  grievance: numberOrExpression.optional(),
});

const sideList = z.union([id, z.array(id)]);

const event = z.strictObject({
  id,
  kind: z.enum(EVENT_KINDS),
  label: z.string().optional(),
  date: date.optional(),
  from: date.optional(),
  to: date.optional(),
  every: z.number().int().min(1).max(10_000).optional(),
  participants: z.array(selector).optional(),
  facilitator: id.optional(),
  offRecord: z.boolean().optional(),
  intensity: z.number().min(0).max(2).optional(),
  severity: unit.optional(),
  by: id.optional(),
  against: sideList.optional(),
  outcome: z.enum(['success', 'failure', 'agreement']).optional(),
  cameo: z.union([z.string().regex(/^\d{2,4}$/, 'a CAMEO code of 2–4 digits, e.g. "057"'), z.number()]).optional(),
  cost: z.number().min(0).optional(),
  state: id.optional(),
  set: stateChange.optional(),
  suspendTalks: z.number().min(0).max(1200).optional(),
  resumeTalks: z.boolean().optional(),
  enabled: z.boolean().optional(),
  source: z.string().optional(),
  remove: z.boolean().optional(),
});

const stochastic = z.strictObject({
  id,
  kind: z.enum(EVENT_KINDS),
  label: z.string().optional(),
  rate: z.number().min(0).max(1e6),
  from: date.optional(),
  to: date.optional(),
  participants: z.array(selector).optional(),
  facilitator: id.optional(),
  offRecord: z.boolean().optional(),
  intensity: z.number().min(0).max(2).optional(),
  severity: z.union([unit, z.tuple([unit, unit])]).optional(),
  by: id.optional(),
  against: sideList.optional(),
  cameo: z.union([z.string().regex(/^\d{2,4}$/), z.number()]).optional(),
  cost: z.number().min(0).optional(),
  enabled: z.boolean().optional(),
  source: z.string().optional(),
  remove: z.boolean().optional(),
});

const parameterTree: z.ZodType<ParameterTree> = z.lazy(() =>
  z.record(z.string(), z.union([z.number(), z.string(), parameterTree])),
);
export interface ParameterTree {
  [key: string]: number | string | ParameterTree;
}

export const scenarioSchema = z.strictObject({
  name: z.string().min(1),
  description: z.string().optional(),
  sources: z.array(z.string()).default([]),
  extends: z.string().optional(),
  seed: z.number().int().min(0).max(2 ** 32 - 1).optional(),
  calendar,
  states: z.array(state).min(1),
  rivalries: z.array(rivalry).default([]),
  agents: z.array(agent).default([]),
  trust: trust.default({ default: 0.3, within: 0.7, rules: [] }),
  parameters: parameterTree.default({}),
  mechanisms: z.partialRecord(z.enum(MECHANISMS), z.boolean()).default({}),
  events: z.array(event).default([]),
  stochastic: z.array(stochastic).default([]),
});

export type ScenarioDocument = z.infer<typeof scenarioSchema>;
export type EventDocument = z.infer<typeof event>;
export type StochasticDocument = z.infer<typeof stochastic>;
export type AgentDocument = z.infer<typeof agent>;
export type StateDocument = z.infer<typeof state>;
