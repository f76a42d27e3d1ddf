import { DIALOGUE_KINDS } from './kinds.ts';

/** One model parameter: its documented meaning, default and valid range. Rates are per year. */
export interface ParameterSpec {
  path: string;
  default: number;
  min: number;
  max: number;
  integer?: boolean;
  /** read once before the run, so it cannot be an expression */
  constant?: boolean;
  unit: string;
  description: string;
}

const DIALOGUE_GAIN: Record<string, [number, number]> = {
  // [alpha, gamma]: gamma > alpha everywhere (Slovic 1993: trust builds slowly, breaks fast).
  'track2-workshop': [0.1, 0.15],
  'back-channel': [0.08, 0.12],
  'track1-round': [0.05, 0.1],
  summit: [0.12, 0.25],
  'multilateral-conference': [0.03, 0.05],
  exchange: [0.05, 0.08],
};

function p(
  path: string,
  dflt: number,
  min: number,
  max: number,
  unit: string,
  description: string,
  integer = false,
): ParameterSpec {
  return { path, default: dflt, min, max, unit, description, ...(integer ? { integer } : {}) };
}

/** Every scalar parameter of the default model; docs/MODEL.md explains each default. */
export const PARAMETERS: readonly ParameterSpec[] = [
  p('dialogue.b0', -0.5, -20, 20, 'log-odds', 'baseline log-odds that a dialogue event succeeds'),
  p('dialogue.bTrust', 2, 0, 20, 'log-odds per unit trust', 'weight of the participants\' mean cross-side trust'),
  p('dialogue.bHostility', 1, 0, 20, 'log-odds per unit hostility', 'weight of the participant states\' mean hostility'),
  p('dialogue.bSkill', 1, 0, 20, 'log-odds per unit skill', 'weight of the facilitator\'s skill'),
  p('dialogue.bOffRecord', 0.5, 0, 20, 'log-odds', 'bonus of an off-the-record event'),
  ...DIALOGUE_KINDS.flatMap((kind) => [
    p(`alpha.${kind}`, DIALOGUE_GAIN[kind][0], 0, 1, 'fraction of the gap to 1', `trust gain of a successful ${kind}`),
    p(`gamma.${kind}`, DIALOGUE_GAIN[kind][1], 0, 1, 'fraction of trust', `trust loss of a failed ${kind}`),
  ]),
  p('transfer.mu', 1, 0, 1000, 'per year', 'speed at which Track II views reach officials'),
  p('transfer.epsilon', 0.3, 0, 1, 'trust', 'confidence bound: officials listen only to views this close to theirs'),
  p('transfer.backlash', 0, 0, 1, 'fraction of mu', 'push away from views beyond the bound (0 = off)'),
  p('shock.vulnerability.state', 1, 0, 1, 'fraction', 'share of trust a state agent loses per unit severity'),
  p('shock.vulnerability.negotiator', 0.8, 0, 1, 'fraction', 'share of trust a Track I negotiator loses per unit severity'),
  p('shock.vulnerability.track2', 0.3, 0, 1, 'fraction', 'share of trust a Track II actor loses per unit severity'),
  p('shock.vulnerability.facilitator', 0.1, 0, 1, 'fraction', 'share of trust a facilitator loses per unit severity'),
  p('shock.hostilityJump', 0.8, 0, 100, 'hostility per unit severity', 'jump of the target state\'s hostility'),
  p('shock.suspensionMonths', 18, 0, 600, 'months at severity 1', 'how long official talks are suspended'),
  p('shock.collapseProbability', 0.6, 0, 1, 'probability at severity 1', 'chance that an agreement in force collapses'),
  p('shock.rateGrowth', 1, 0, 100, 'per unit hostility', 'growth of stochastic shock rates with the source state\'s hostility'),
  p('forgetting.delta', 0.1, 0, 1000, 'per year', 'drift of trust back toward its baseline without contact'),
  p('hostility.crisis', 1, 0, 1e6, 'hostility', 'a state at or above this hostility is in crisis'),
  p('hostility.war', 2, 0, 1e6, 'hostility', 'a state at or above this hostility is at war'),
  p('state.receptivity', 0.5, 0, 1, 'fraction', 'default willingness of a government to take up Track II views'),
  p('state.hawkishness', 1, 0, 10, 'multiplier', 'default scaling of a government\'s reaction coefficient k'),
  p('state.reaction', 0.6, 0, 100, 'per year', 'default Richardson reaction coefficient k'),
  p('state.restraint', 1, 0, 100, 'per year', 'default Richardson restraint (fatigue) coefficient a'),
  p('state.grievance', 0.3, -100, 100, 'hostility per year', 'default Richardson grievance term g'),
  p('negotiation.kappa', 10, 0, 1000, 'log-odds per unit trust', 'steepness of the agreement probability'),
  p('negotiation.tauStar', 0.45, 0, 1, 'trust', 'state-level trust at which an agreement is a coin flip'),
  p('negotiation.grievanceCut', 0.15, 0, 1, 'fraction of g', 'cut of each party\'s grievance when an agreement is signed'),
  p('negotiation.trustGain', 0.1, 0, 1, 'fraction of the gap to 1', 'negotiator trust gain when an agreement is signed'),
  p('strategy.payoffT', 5, -1e6, 1e6, 'points', 'temptation: defect against a cooperator'),
  p('strategy.payoffR', 3, -1e6, 1e6, 'points', 'reward: mutual cooperation'),
  p('strategy.payoffP', 1, -1e6, 1e6, 'points', 'punishment: mutual defection'),
  p('strategy.payoffS', 0, -1e6, 1e6, 'points', 'sucker: cooperate against a defector'),
  p('strategy.generosity', 1 / 3, 0, 1, 'probability', 'chance that generous tit-for-tat forgives a defection'),
  p('strategy.gritPatience', 6, 0, 1e6, 'steps', 'unreciprocated conciliatory moves GRIT makes before it retaliates', true),
  p('strategy.conciliatoryTrust', 0.02, 0, 1, 'fraction of the gap to 1', 'rival officials\' trust gain from a conciliatory move'),
  p('strategy.hostileImpulse', 0.05, 0, 100, 'hostility', 'rival\'s hostility jump from a hostile move'),
  { ...p('outcome.windowMonths', 12, 1, 1200, 'months', 'length of the final window that decides the outcome class', true), constant: true },
  { ...p('outcome.margin', 0.2, 0, 10, 'fraction', 'relative change of hostility that counts as de- or escalation'), constant: true },
  { ...p('cameo.intensityReference', 5, 0.1, 10, 'Goldstein points', 'Goldstein weight that maps to dialogue intensity 1'), constant: true },
  { ...p('state.hostility', 0.5, 0, 1e6, 'hostility', 'default initial hostility (near the default equilibrium at trust 0.3)'), constant: true },
];

export type ParameterPath = string;
export type ParameterValues = Record<ParameterPath, number>;

export const PARAMETER_BY_PATH: ReadonlyMap<string, ParameterSpec> = new Map(PARAMETERS.map((s) => [s.path, s]));

/** Returns a fresh record of every parameter at its default. */
export function defaultParameters(): ParameterValues {
  const values: ParameterValues = {};
  for (const spec of PARAMETERS) values[spec.path] = spec.default;
  return values;
}
