/** Agent kinds. A Track II actor also has a sub-kind (TRACK2_TYPES). */
export const AGENT_KINDS = ['state', 'negotiator', 'track2', 'facilitator'] as const;
export type AgentKind = (typeof AGENT_KINDS)[number];
export const KIND_STATE = 0;
export const KIND_NEGOTIATOR = 1;
export const KIND_TRACK2 = 2;
export const KIND_FACILITATOR = 3;

export const TRACK2_TYPES = [
  'academic',
  'retired-official',
  'retired-military',
  'ngo',
  'think-tank',
  'business',
  'journalist',
  'activist',
] as const;
export type Track2Type = (typeof TRACK2_TYPES)[number];

export const FACILITATOR_TYPES = ['neutral-state', 'foundation', 'venue-host', 'organisation'] as const;
export type FacilitatorType = (typeof FACILITATOR_TYPES)[number];

/** Dialogue kinds; the first two-word names match the DESIGN brief. */
export const DIALOGUE_KINDS = [
  'track2-workshop',
  'back-channel',
  'track1-round',
  'summit',
  'multilateral-conference',
  'exchange',
] as const;
export type DialogueKind = (typeof DIALOGUE_KINDS)[number];

/** Official talks: suspended after a shock; may reach an agreement. */
export const OFFICIAL_KINDS: ReadonlySet<string> = new Set(['track1-round', 'summit']);

export const SHOCK_KINDS = [
  'terror-attack',
  'skirmish',
  'military-strike',
  'missile-test',
  'nuclear-test',
  'diplomatic-crisis',
] as const;
export type ShockKind = (typeof SHOCK_KINDS)[number];

export const POLICY_KINDS = ['political-change'] as const;

export const EVENT_KINDS = [...DIALOGUE_KINDS, ...SHOCK_KINDS, ...POLICY_KINDS] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const STRATEGIES = ['tit-for-tat', 'generous-tit-for-tat', 'grit', 'always-hawk', 'always-dove'] as const;
export type StrategyName = (typeof STRATEGIES)[number];

export const MECHANISMS = [
  'dialogue',
  'transfer',
  'shocks',
  'forgetting',
  'hostility',
  'negotiation',
  'strategies',
  'politicalChange',
] as const;
export type Mechanism = (typeof MECHANISMS)[number];

export function isDialogueKind(kind: string): kind is DialogueKind {
  return (DIALOGUE_KINDS as readonly string[]).includes(kind);
}
export function isShockKind(kind: string): kind is ShockKind {
  return (SHOCK_KINDS as readonly string[]).includes(kind);
}
