import type { AgentKind, EventKind, Mechanism, StrategyName } from '../model/kinds.ts';
import type { Calendar } from './calendar.ts';
import type { CompiledExpression } from './expressions.ts';
import type { ScenarioDocument } from './schema.ts';

/** A number, or an expression evaluated every step. */
export type Value = number | CompiledExpression;

export const STATE_ATTRIBUTES = ['receptivity', 'hawkishness', 'reaction', 'restraint', 'grievance'] as const;
export type StateAttribute = (typeof STATE_ATTRIBUTES)[number];

export interface ResolvedState {
  id: string;
  name: string;
  /** index of the state's own agent */
  agent: number;
  attributes: Record<StateAttribute, Value>;
  /** initial hostility */
  hostility: number;
  strategy?: StrategyName;
}

export interface ResolvedAgent {
  id: string;
  name: string;
  kind: AgentKind;
  type?: string;
  /** index of the affiliated state, or -1 for a neutral facilitator */
  side: number;
  group?: string;
  access: number;
  credibility: number;
  skill: number;
  /** overrides the kind's shock vulnerability when set */
  vulnerability?: number;
}

/** One scheduled event series: a single dated event or a recurring one. */
export interface ResolvedEvent {
  id: string;
  label: string;
  kind: EventKind;
  /** steps at which the event occurs, ascending */
  steps: number[];
  participants: number[];
  facilitator: number;
  offRecord: boolean;
  intensity: number;
  severity: number;
  by: number;
  against: number[];
  outcome?: 'success' | 'failure' | 'agreement';
  cost: number;
  state: number;
  set: Partial<Record<StateAttribute, Value>>;
  suspendTalks: number;
  resumeTalks: boolean;
  cameo?: string;
  source?: string;
  enabled: boolean;
}

/** A source of random events at a rate per year. */
export interface ResolvedStochastic {
  id: string;
  label: string;
  kind: EventKind;
  rate: number;
  fromStep: number;
  toStep: number;
  participants: number[];
  facilitator: number;
  offRecord: boolean;
  intensity: number;
  severity: [number, number];
  by: number;
  against: number[];
  cost: number;
  source?: string;
  enabled: boolean;
}

export interface TrustRule {
  from: number[];
  to: number[];
  value: number;
}

/** A scenario with every id resolved to an index, every date to a step, every expression compiled. */
export interface Scenario {
  name: string;
  description: string;
  sources: string[];
  calendar: Calendar;
  seed?: number;
  states: ResolvedState[];
  /** rivalry weight w_sr, S×S row-major, symmetric */
  rivalry: Float64Array;
  agents: ResolvedAgent[];
  trust: { default: number; within: number; rules: TrustRule[] };
  parameters: Record<string, Value>;
  /** where each parameter that is not at its default was set: a file name or "--set" */
  parameterOrigins: Record<string, string>;
  mechanisms: Record<Mechanism, boolean>;
  events: ResolvedEvent[];
  stochastic: ResolvedStochastic[];
  /** the validated document the scenario was resolved from */
  document: ScenarioDocument;
}
