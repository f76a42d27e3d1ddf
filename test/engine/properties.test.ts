import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileModel } from '../../src/engine/model.ts';
import { baselineOf } from '../../src/engine/baseline.ts';
import { simulate } from '../../src/engine/simulate.ts';
import { loadScenario } from '../../src/io/load-scenario.ts';

const classroom = loadScenario('classroom');

/** Random overrides of influential parameters across their whole valid ranges. */
const overrides = fc.record({
  'transfer.mu': fc.double({ min: 0, max: 50, noNaN: true }),
  'transfer.epsilon': fc.double({ min: 0, max: 1, noNaN: true }),
  'transfer.backlash': fc.double({ min: 0, max: 1, noNaN: true }),
  'forgetting.delta': fc.double({ min: 0, max: 100, noNaN: true }),
  'shock.hostilityJump': fc.double({ min: 0, max: 5, noNaN: true }),
  'alpha.track2-workshop': fc.double({ min: 0, max: 1, noNaN: true }),
  'gamma.track1-round': fc.double({ min: 0, max: 1, noNaN: true }),
  'state.reaction': fc.double({ min: 0, max: 3, noNaN: true }),
});

function scenarioWith(values: Record<string, number>) {
  const sets = Object.entries(values).map(([k, v]) => `${k}=${v}`);
  const r = loadScenario('classroom', sets);
  if (!r.scenario) throw new Error(JSON.stringify(r.issues));
  return r.scenario;
}

describe('run invariants (property tests)', () => {
  it('trust stays in [0, 1], hostility ≥ 0, and no series holds NaN or Infinity', () => {
    fc.assert(
      fc.property(overrides, fc.integer({ min: 0, max: 2 ** 32 - 1 }), (values, seed) => {
        const r = simulate(scenarioWith(values), { seed, trustEvery: 7 });
        for (const snap of r.trust!) for (const t of snap.trust) expect(t >= 0 && t <= 1).toBe(true);
        for (const [name, col] of Object.entries(r.series.columns)) {
          for (const v of col) {
            expect(Number.isFinite(v), name).toBe(true);
            if (name.startsWith('hostility:')) expect(v).toBeGreaterThanOrEqual(0);
          }
        }
      }),
      { numRuns: 40 },
    );
  });

  it('ledger deltas sum to the total change of each tracked quantity', () => {
    fc.assert(
      fc.property(overrides, fc.integer({ min: 0, max: 2 ** 32 - 1 }), (values, seed) => {
        const s = scenarioWith(values);
        const r = simulate(s, { seed });
        const ledger = r.ledger!;
        const sums = new Float64Array(ledger.targets.length);
        for (let k = 0; k < ledger.delta.length; k++) sums[ledger.target[k]] += ledger.delta[k];
        const last = r.model.steps - 1;
        ledger.targets.forEach((target, t) => {
          const [kind, rest] = target.split(':');
          const col = r.series.columns[`${kind}:${rest}`];
          const start = kind === 'hostility' ? r.summary.hostility[rest].initial : startValue(s, kind, rest);
          // relative tolerance: an unstable arms race can reach millions
          const total = col[last] - start;
          expect(Math.abs(sums[t] - total)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(col[last])));
        });
      }),
      { numRuns: 30 },
    );
  });

  it('the same seed gives the same output, bit for bit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), (seed) => {
        const a = simulate(classroom.scenario!, { seed });
        const b = simulate(classroom.scenario!, { seed });
        expect(JSON.stringify(a.summary)).toBe(JSON.stringify(b.summary));
        for (const name of Object.keys(a.series.columns)) expect(Buffer.from(a.series.columns[name].buffer).equals(Buffer.from(b.series.columns[name].buffer))).toBe(true);
        expect(a.ledger!.delta).toEqual(b.ledger!.delta);
      }),
      { numRuns: 20 },
    );
  });
});

/** The value of tau or the Track II mean for a state pair before the first step, from the baseline. */
function startValue(s: ReturnType<typeof scenarioWith>, kind: string, pair: string): number {
  const model = compileModel(s);
  const [a, b] = pair.split('>').map((id) => s.states.findIndex((st) => st.id === id));
  const fromList = kind === 'tau' ? model.tauFrom[a * model.S + b] : model.track2[a];
  const toList = kind === 'tau' ? model.tauTo[a * model.S + b] : model.affiliated[b];
  let sum = 0;
  for (const i of fromList) for (const j of toList) sum += baselineOf(model.baseline, i, j);
  return sum / (fromList.length * toList.length);
}
