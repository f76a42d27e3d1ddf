import { describe, expect, it } from 'vitest';
import { loadFrom, scenarioFrom, twoStates } from '../helpers.ts';

describe('composeScenario with extends', () => {
  const base = twoStates({
    events: [
      { id: 'talks', kind: 'track1-round', date: '2001-01', participants: ['a-neg', 'b-neg'] },
      { id: 'attack', kind: 'skirmish', date: '2002-01', by: 'B', severity: 0.4 },
    ],
    parameters: { transfer: { mu: 2 } },
  });

  it('merges list entries by id and keeps the rest of the base', () => {
    const s = scenarioFrom({ extends: 'base.yaml', name: 'Variant', events: [{ id: 'attack', severity: 0.9 }] }, { 'base.yaml': base });
    expect(s.name).toBe('Variant');
    expect(s.events.map((e) => e.id)).toEqual(['talks', 'attack']);
    expect(s.events[1].severity).toBe(0.9);
    expect(s.events[1].against).toEqual([0]);
  });

  it('drops entries marked remove: true and adds new ones', () => {
    const s = scenarioFrom(
      { extends: 'base.yaml', events: [{ id: 'attack', remove: true }, { id: 'summit', kind: 'summit', date: '2003-01', participants: ['A', 'B'] }] },
      { 'base.yaml': base },
    );
    expect(s.events.map((e) => e.id)).toEqual(['talks', 'summit']);
  });

  it('records in which file each parameter was set', () => {
    const s = scenarioFrom({ extends: 'base.yaml', parameters: { forgetting: { delta: 0.5 } } }, { 'base.yaml': base }, ['transfer.epsilon=0.2']);
    expect(s.parameterOrigins).toEqual({ 'transfer.mu': 'base.yaml', 'forgetting.delta': 'main.yaml', 'transfer.epsilon': '--set' });
    expect(s.parameters['transfer.mu']).toBe(2);
  });

  it('reports a missing base file at the extends key', () => {
    const r = loadFrom({ extends: 'nope.yaml', name: 'x' });
    expect(r.issues).toMatchObject([{ code: 'read-error', file: 'main.yaml', line: 1, path: ['extends'] }]);
  });
});

describe('--set assignments', () => {
  it('override a parameter whether the file wrote it nested or dotted', () => {
    const s = scenarioFrom(twoStates({ parameters: { shock: { suspensionMonths: 12 }, 'shock.hostilityJump': 0.6 } }), {}, ['shock.hostilityJump=1.5', 'shock.suspensionMonths=6']);
    expect(s.parameters['shock.hostilityJump']).toBe(1.5);
    expect(s.parameters['shock.suspensionMonths']).toBe(6);
  });
  it('report a parameter given twice in one file', () => {
    const r = loadFrom(twoStates({ parameters: { shock: { hostilityJump: 1 }, 'shock.hostilityJump': 0.6 } }));
    expect(r.issues[0].code).toBe('duplicate-parameter');
  });
  it('address list entries by id and parameters by their bare path', () => {
    const s = scenarioFrom(twoStates(), {}, ['states.B.receptivity=0.9', 'transfer.mu=3', 'agents[a-t2].access=0.1']);
    expect(s.states[1].attributes.receptivity).toBe(0.9);
    expect(s.parameters['transfer.mu']).toBe(3);
    expect(s.agents.filter((a) => a.group === 'a-t2').map((a) => a.access)).toEqual([0.1, 0.1]);
  });
  it('are validated like the file, with the assignment as the location', () => {
    const r = loadFrom(twoStates(), {}, ['states.B.receptivity=2']);
    expect(r.issues).toMatchObject([{ file: '--set states.B.receptivity=2', path: ['states', 1, 'receptivity'] }]);
    expect(r.issues[0].message).toContain('expected a number in [0, 1]');
  });
  it('suggest the id meant', () => {
    const r = loadFrom(twoStates(), {}, ['states.C.receptivity=0.2']);
    expect(r.issues[0].message).toBe('no entry with id "C"');
  });
});

describe('expressions in a scenario', () => {
  it('are compiled at load time and evaluated each step', () => {
    const s = scenarioFrom(twoStates({ states: [{ id: 'A', receptivity: 'year < 2002 ? 0.1 : 0.9' }, { id: 'B' }] }));
    const expr = s.states[0].attributes.receptivity;
    expect(typeof expr).toBe('object');
  });
  it('a state.* default written as an expression applies to states without their own value', async () => {
    const { simulate } = await import('../../src/engine/simulate.ts');
    const ONLY = { dialogue: false, transfer: false, shocks: false, forgetting: false, negotiation: false, strategies: false, politicalChange: false };
    const plain = scenarioFrom(twoStates({ mechanisms: ONLY }));
    const hawkish = scenarioFrom(twoStates({ mechanisms: ONLY, parameters: { state: { reaction: '0.6 + 0.3 * (year >= 2002)' } } }));
    const a = simulate(plain, { seed: 1 }).summary.hostility.A.final;
    const b = simulate(hawkish, { seed: 1 }).summary.hostility.A.final;
    expect(b).toBeGreaterThan(a + 0.05);
  });
  it('refuses an expression for a parameter read once before the run', () => {
    const r = loadFrom(twoStates({ parameters: { outcome: { margin: 't * 2' } } }));
    expect(r.issues[0].code).toBe('constant-parameter');
  });
});

describe('CAMEO codes', () => {
  it('give a shock its severity and a dialogue its intensity when not given', () => {
    const s = scenarioFrom(
      twoStates({
        events: [
          { id: 'bomb', kind: 'terror-attack', date: '2001-01', by: 'B', cameo: '183' },
          { id: 'deal', kind: 'summit', date: '2001-02', participants: ['A', 'B'], cameo: '057' },
          { id: 'meet', kind: 'track2-workshop', date: '2001-03', participants: ['A', 'B'], cameo: '036', intensity: 0.5 },
        ],
      }),
    );
    expect(s.events[0].severity).toBe(1); // Goldstein −10
    expect(s.events[1].intensity).toBeCloseTo(8 / 5, 12); // Goldstein 8 / reference 5
    expect(s.events[2].intensity).toBe(0.5); // given values win
  });
});
