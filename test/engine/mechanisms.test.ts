import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/simulate.ts';
import type { Scenario } from '../../src/scenario/types.ts';
import { scenarioFrom, twoStates } from '../helpers.ts';

const ALL_OFF = { dialogue: false, transfer: false, shocks: false, forgetting: false, hostility: false, negotiation: false, strategies: false, politicalChange: false };

function trustAt(s: Scenario, step: number, from: string, to: string, seed = 1) {
  const r = simulate(s, { seed, trustEvery: 1 });
  const i = s.agents.findIndex((a) => a.id === from);
  const j = s.agents.findIndex((a) => a.id === to);
  return r.trust![step].trust[i * s.agents.length + j];
}

describe('a dialogue event in a run', () => {
  const s = scenarioFrom(
    twoStates({
      mechanisms: { ...ALL_OFF, dialogue: true },
      events: [{ id: 'w', kind: 'track2-workshop', date: '2000-01', participants: ['a-t2', 'b-t2'], facilitator: 'host', outcome: 'success' }],
    }),
  );
  it('raises each cross-side participant pair by alpha·(1+skill)·(1−T)', () => {
    expect(trustAt(s, 0, 'a-t2.1', 'b-t2.2')).toBeCloseTo(0.2 + 0.1 * 1.6 * 0.8, 12);
    expect(trustAt(s, 0, 'b-t2.2', 'a-t2.1')).toBeCloseTo(0.2 + 0.1 * 1.6 * 0.8, 12);
  });
  it('leaves same-side pairs and non-participants alone', () => {
    expect(trustAt(s, 0, 'a-t2.1', 'a-t2.2')).toBe(0.7);
    expect(trustAt(s, 0, 'a-neg', 'b-neg')).toBe(0.2);
  });
  it('lowers trust by gamma·T on failure', () => {
    const failed = scenarioFrom(twoStates({ mechanisms: { ...ALL_OFF, dialogue: true }, events: [{ id: 'w', kind: 'back-channel', date: '2000-01', participants: ['a-neg', 'b-neg'], outcome: 'failure' }] }));
    expect(trustAt(failed, 0, 'a-neg', 'b-neg')).toBeCloseTo(0.2 - 0.12 * 0.2, 12);
  });
});

describe('a shock in a run', () => {
  const s = scenarioFrom(
    twoStates({
      mechanisms: { ...ALL_OFF, shocks: true, dialogue: true },
      events: [
        { id: 'attack', kind: 'terror-attack', date: '2000-01', by: 'B', against: 'A', severity: 0.5 },
        { id: 'talks', kind: 'track1-round', date: '2000-09', participants: ['a-neg', 'b-neg'] },
        { id: 'later', kind: 'track1-round', date: '2000-10', participants: ['a-neg', 'b-neg'] },
      ],
    }),
  );
  it('multiplies the target side\'s trust by 1 − s·vulnerability(kind)', () => {
    expect(trustAt(s, 0, 'a-neg', 'b-neg')).toBeCloseTo(0.2 * (1 - 0.5 * 0.8), 12);
    expect(trustAt(s, 0, 'a-t2.1', 'b-t2.1')).toBeCloseTo(0.2 * (1 - 0.5 * 0.3), 12);
    expect(trustAt(s, 0, 'A', 'B')).toBeCloseTo(0.2 * (1 - 0.5 * 1), 12);
    expect(trustAt(s, 0, 'b-neg', 'a-neg')).toBe(0.2);
  });
  it('makes the target\'s hostility jump and suspends official talks for ceil(s·18) months', () => {
    const r = simulate(s, { seed: 1 });
    expect(r.summary.hostility.A.final).toBeCloseTo(0.5 + 0.8 * 0.5, 12);
    expect(r.summary.hostility.B.final).toBe(0.5);
    const outcomes = Object.fromEntries(r.log.map((e) => [e.id, e.outcome]));
    expect(outcomes.talks).toBe('suspended');
    expect(outcomes.later).not.toBe('suspended');
  });
});

describe('Track II → Track I transfer in a run', () => {
  it('pulls officials toward their Track II actors\' views within the bound', () => {
    const s = scenarioFrom(
      twoStates({
        mechanisms: { ...ALL_OFF, transfer: true },
        trust: { default: 0.3, within: 0.7, rules: [{ from: 'A', to: 'B', value: 0.2 }, { from: 'B', to: 'A', value: 0.2 }, { from: 'A:track2', to: 'B', value: 0.4 }] },
      }),
    );
    const w = (1 - Math.exp(-1 / 12)) * 0.5 * 0.5 * 0.8; // speed · receptivity · access · credibility
    expect(trustAt(s, 0, 'a-neg', 'b-neg')).toBeCloseTo(0.2 + 2 * w * (0.4 - 0.2), 12);
    // B's Track II views equal B's officials' trust: no pull
    expect(trustAt(s, 0, 'b-neg', 'a-neg')).toBe(0.2);
  });
  it('does nothing when the views are beyond the confidence bound', () => {
    const s = scenarioFrom(
      twoStates({
        mechanisms: { ...ALL_OFF, transfer: true },
        trust: { default: 0.3, within: 0.7, rules: [{ from: 'A', to: 'B', value: 0.1 }, { from: 'A:track2', to: 'B', value: 0.9 }] },
      }),
    );
    expect(trustAt(s, 5, 'a-neg', 'b-neg')).toBe(0.1);
  });
});

describe('forgetting in a run', () => {
  it('skips pairs that met this step, then drifts back at 1 − e^(−delta·dt) per step', () => {
    const s = scenarioFrom(
      twoStates({
        mechanisms: { ...ALL_OFF, dialogue: true, forgetting: true },
        events: [{ id: 'w', kind: 'track2-workshop', date: '2000-01', participants: ['a-t2.1', 'b-t2.1'], outcome: 'success' }],
      }),
    );
    const t0 = 0.2 + 0.1 * 0.8;
    const f = 1 - Math.exp(-0.1 / 12);
    expect(trustAt(s, 0, 'a-t2.1', 'b-t2.1')).toBeCloseTo(t0, 12);
    expect(trustAt(s, 1, 'a-t2.1', 'b-t2.1')).toBeCloseTo(t0 + f * (0.2 - t0), 12);
  });
});

describe('official negotiation', () => {
  it('a forced agreement cuts grievances, raises negotiator trust and can collapse under a shock', () => {
    const s = scenarioFrom(
      twoStates({
        mechanisms: { ...ALL_OFF, dialogue: true, negotiation: true, shocks: true },
        parameters: { shock: { collapseProbability: 1 } },
        events: [
          { id: 'deal', kind: 'summit', date: '2000-01', participants: ['a-neg', 'b-neg'], outcome: 'agreement' },
          { id: 'attack', kind: 'terror-attack', date: '2000-03', by: 'B', against: 'A', severity: 1 },
        ],
      }),
    );
    const r = simulate(s, { seed: 1, trustEvery: 1 });
    // summit success then agreement: 0.2 → 0.2 + 0.12·0.8 = 0.296 → + 0.1·(1 − 0.296)
    const afterSuccess = 0.2 + 0.12 * 0.8;
    const i = s.agents.findIndex((a) => a.id === 'a-neg');
    const j = s.agents.findIndex((a) => a.id === 'b-neg');
    expect(r.trust![0].trust[i * s.agents.length + j]).toBeCloseTo(afterSuccess + 0.1 * (1 - afterSuccess), 12);
    expect(r.series.columns.agreements[0]).toBe(1);
    expect(r.series.columns.agreements[2]).toBe(0);
    expect(r.summary.agreementsSigned).toBe(1);
    expect(r.summary.agreementsCollapsed).toBe(1);
    expect(r.summary.firstAgreement).toBe('2000-01');
  });
});

describe('political change', () => {
  it('evaluates an expression in `set` with the variables of its step', () => {
    const s = scenarioFrom(
      twoStates({
        mechanisms: { ...ALL_OFF, politicalChange: true },
        events: [{ id: 'turn', kind: 'political-change', date: '2001-01', state: 'A', set: { receptivity: 'year > 2000.5 ? 0.9 : 0.1' } }],
      }),
    );
    const r = simulate(s, { seed: 1 });
    expect(r.log.map((e) => e.outcome)).toEqual(['change']);
  });

  it('sets a government\'s receptivity and suspends talks', () => {
    const s = scenarioFrom(
      twoStates({
        mechanisms: { ...ALL_OFF, dialogue: true, politicalChange: true },
        events: [
          { id: 'coup', kind: 'political-change', date: '2000-02', state: 'A', set: { receptivity: 0.1 }, suspendTalks: 6 },
          { id: 'talks', kind: 'track1-round', date: '2000-05', participants: ['a-neg', 'b-neg'] },
          { id: 'resume', kind: 'political-change', date: '2000-06', state: 'A', resumeTalks: true },
          { id: 'talks2', kind: 'track1-round', date: '2000-06', participants: ['a-neg', 'b-neg'] },
        ],
      }),
    );
    const r = simulate(s, { seed: 1 });
    const outcomes = Object.fromEntries(r.log.map((e) => [e.id, e.outcome]));
    expect(outcomes.talks).toBe('suspended');
    expect(outcomes.talks2).not.toBe('suspended');
  });
});
