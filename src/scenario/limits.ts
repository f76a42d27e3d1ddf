/**
 * How large a scenario or a sweep may be. Scenario files travel between people, so a file that
 * asks for a million agents or a thousand-year weekly calendar is refused with a clear message
 * instead of exhausting memory; a user who means it raises the limit (`--limit agents=20000` or
 * DETENTE_LIMITS; docs/SECURITY.md).
 */
export interface Limits {
  /** agents, the states' own included */
  agents: number;
  /** steps of the calendar */
  steps: number;
  /** scheduled event occurrences (a recurring event counts each time it happens) plus random sources */
  events: number;
  /** runs of one command: `--runs`, or a sweep's points × replications */
  runs: number;
  /** participant pairs from rival states, summed over dialogue events and sources: each is kept in memory for the run */
  pairs: number;
  /** size of one scenario or sweep spec file, in bytes */
  fileBytes: number;
}

// The default agent limit. Trust is stored by row-block and touched pair (docs/PERFORMANCE.md), so a
// step costs O(agents + pairs touched): 10,000 agents × 1,000 steps run in about a second.
export const MAX_AGENTS = 20_000;
// The trust store keys a pair by i·N + j in 32 bits, so no limit can pass √(2³¹).
export const AGENT_CEILING = 46_340;

export const DEFAULT_LIMITS: Readonly<Limits> = {
  agents: MAX_AGENTS,
  steps: 20_000,
  events: 100_000,
  runs: 1_000_000,
  pairs: 2_000_000,
  fileBytes: 16 * 1024 * 1024,
};

/** The names users write, e.g. `--limit file-mb=64`, with the field each sets and its unit. */
const LIMIT_NAMES: Record<string, { field: keyof Limits; scale: number }> = {
  agents: { field: 'agents', scale: 1 },
  steps: { field: 'steps', scale: 1 },
  events: { field: 'events', scale: 1 },
  runs: { field: 'runs', scale: 1 },
  pairs: { field: 'pairs', scale: 1 },
  'file-mb': { field: 'fileBytes', scale: 1024 * 1024 },
};
export const LIMIT_NAME_LIST = Object.keys(LIMIT_NAMES);

/** Returns the name a user writes for a limit field, for messages: "agents", "file-mb". */
export function limitName(field: keyof Limits): string {
  return Object.entries(LIMIT_NAMES).find(([, v]) => v.field === field)![0];
}

/**
 * Reads `name=value` assignments (`agents=20000`, `file-mb=64`) into limits; later ones win.
 * Returns the first mistake as an error sentence instead.
 */
export function parseLimits(assignments: readonly string[]): { limits: Partial<Limits> } | { error: string } {
  const limits: Partial<Limits> = {};
  for (const text of assignments) {
    const eq = text.indexOf('=');
    const name = eq > 0 ? text.slice(0, eq).trim() : text.trim();
    const entry = Object.hasOwn(LIMIT_NAMES, name) ? LIMIT_NAMES[name] : undefined;
    if (!entry) return { error: `unknown limit "${name}" in "${text}"; expected one of ${LIMIT_NAME_LIST.join(', ')}, as name=number` };
    const value = Number(text.slice(eq + 1));
    if (eq <= 0 || !Number.isFinite(value) || value <= 0 || !Number.isInteger(value)) {
      return { error: `limit "${text}": expected ${name}=N with N a whole number above 0` };
    }
    if (entry.field === 'agents' && value > AGENT_CEILING) return { error: `limit "${text}": agents can be raised to at most ${AGENT_CEILING.toLocaleString('en')}` };
    limits[entry.field] = value * entry.scale;
  }
  return { limits };
}

/**
 * Returns complete limits: the defaults with the given ones over them. The agent limit is held
 * to AGENT_CEILING here too, not only in parseLimits: a library caller passing
 * `{ limits: { agents: 50000 } }` gets 46,340, as the trust store's 32-bit pair keys require.
 */
export function withDefaults(limits: Partial<Limits> = {}): Limits {
  const all = { ...DEFAULT_LIMITS, ...limits };
  return all.agents > AGENT_CEILING ? { ...all, agents: AGENT_CEILING } : all;
}

/** Says how to raise a limit, for the suggestion of an issue. */
export function raiseHint(field: keyof Limits, needed: number): string {
  const name = limitName(field);
  const value = field === 'fileBytes' ? Math.ceil(needed / (1024 * 1024)) : needed;
  if (field === 'agents' && needed > AGENT_CEILING) return `the engine takes at most ${AGENT_CEILING.toLocaleString('en')} agents; model large groups with fewer, representative agents`;
  return `if you trust this file, raise the limit: --limit ${name}=${value} (or DETENTE_LIMITS=${name}=${value})`;
}
