/**
 * Builds a scenario document of any size for the scaling benchmarks: two rival states, two
 * negotiators each, the rest Track II actors in groups of 10, and sparse participation — one
 * workshop a month for one group per side, rotating, plus the negotiators' talks every quarter.
 */
export function syntheticScenario(agents: number, months: number): Record<string, unknown> {
  const perSide = Math.max(3, Math.floor(agents / 2));
  const track2 = perSide - 2;
  const groups = Math.max(1, Math.ceil(track2 / 10));
  const years = Math.ceil(months / 12);
  const end = `${2000 + years - 1}-12`;
  const sideAgents = (side: string) => [
    { id: `${side}-neg-1`, kind: 'negotiator', side },
    { id: `${side}-neg-2`, kind: 'negotiator', side },
    ...Array.from({ length: groups }, (_, g) => ({ group: `${side}-t2-${g}`, kind: 'track2', type: 'academic', side, count: Math.min(10, track2 - 10 * g), access: 0.4, credibility: 0.6 })).filter((g) => g.count > 0),
  ];
  const events = Array.from({ length: groups }, (_, g) => ({
    id: `workshop-${g}`,
    kind: 'track2-workshop',
    from: `2000-${String((g % 12) + 1).padStart(2, '0')}`,
    every: Math.max(1, groups),
    participants: [`A-t2-${g}`, `B-t2-${g}`],
    offRecord: true,
  }));
  return {
    name: `Synthetic ${agents} agents`,
    calendar: { start: '2000-01', end, step: 'month' },
    states: [{ id: 'A' }, { id: 'B' }],
    rivalries: [{ between: ['A', 'B'] }],
    agents: [...sideAgents('A'), ...sideAgents('B')],
    trust: { default: 0.3, within: 0.7, rules: [{ from: 'A', to: 'B', value: 0.2 }, { from: 'B', to: 'A', value: 0.2 }] },
    events: [...events, { id: 'talks', kind: 'track1-round', from: '2000-03', every: 3, participants: ['A:negotiator', 'B:negotiator'] }],
    stochastic: [{ id: 'incidents', kind: 'skirmish', rate: 0.3, by: 'B', against: 'A', severity: [0.1, 0.4] }],
  };
}
