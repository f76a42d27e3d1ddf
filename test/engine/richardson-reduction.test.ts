import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/simulate.ts';
import { richardsonEquilibrium } from '../../src/model/hostility.ts';
import { scenarioFrom } from '../helpers.ts';

const ONLY_HOSTILITY = { dialogue: false, transfer: false, shocks: false, forgetting: false, negotiation: false, strategies: false, politicalChange: false };

/** Two states with no agents but their own, fixed trust tau, and chosen Richardson coefficients. */
function richardson(x: { k: number; a: number; g: number; h0: number }, y: { k: number; a: number; g: number; h0: number }, tau: number, years = 80) {
  return scenarioFrom({
    name: 'Richardson',
    calendar: { start: '1900-01', end: `${1900 + years - 1}-12` },
    states: [
      { id: 'X', reaction: x.k, restraint: x.a, grievance: x.g, hostility: x.h0 },
      { id: 'Y', reaction: y.k, restraint: y.a, grievance: y.g, hostility: y.h0 },
    ],
    rivalries: [{ between: ['X', 'Y'] }],
    trust: { default: tau, within: 1 },
    mechanisms: ONLY_HOSTILITY,
  });
}

describe('with trust frozen and events off, hostility follows Richardson\'s system', () => {
  it('converges to the analytic equilibrium when a·b > k\'·l\'', () => {
    const tau = 0.3;
    const x = { k: 0.5, a: 1, g: 0.2, h0: 0 };
    const y = { k: 0.4, a: 0.8, g: 0.1, h0: 1.5 };
    const result = simulate(richardson(x, y, tau), { seed: 1 });
    // k' = k·(1 − tau): the trust-damped reaction coefficients
    const eq = richardsonEquilibrium(x.k * (1 - tau), y.k * (1 - tau), x.a, y.a, x.g, y.g)!;
    expect(eq.stable).toBe(true);
    const last = result.model.steps - 1;
    expect(result.series.columns['hostility:X'][last]).toBeCloseTo(eq.x, 8);
    expect(result.series.columns['hostility:Y'][last]).toBeCloseTo(eq.y, 8);
  });

  it('takes the exact Euler step from the initial values', () => {
    const x = { k: 0.5, a: 1, g: 0.2, h0: 0.4 };
    const y = { k: 0.4, a: 0.8, g: 0.1, h0: 0.6 };
    const result = simulate(richardson(x, y, 0.5, 1), { seed: 1 });
    const dt = 1 / 12;
    expect(result.series.columns['hostility:X'][0]).toBeCloseTo(0.4 + dt * (0.5 * 0.5 * 0.6 - 1 * 0.4 + 0.2), 14);
    expect(result.series.columns['hostility:Y'][0]).toBeCloseTo(0.6 + dt * (0.4 * 0.5 * 0.4 - 0.8 * 0.6 + 0.1), 14);
  });

  it('diverges when the stability condition fails', () => {
    const tau = 0.1;
    const x = { k: 2, a: 0.5, g: 0.1, h0: 0.5 };
    const y = { k: 2, a: 0.5, g: 0.1, h0: 0.5 };
    expect(richardsonEquilibrium(x.k * (1 - tau), y.k * (1 - tau), x.a, y.a, x.g, y.g)!.stable).toBe(false);
    const result = simulate(richardson(x, y, tau, 20), { seed: 1 });
    const h = result.series.columns['hostility:X'];
    expect(h[h.length - 1]).toBeGreaterThan(1e6);
    expect(h[h.length - 1]).toBeGreaterThan(h[h.length - 13]);
  });

  it('damps the arms race as trust rises: a trusting dyad settles lower', () => {
    const x = { k: 0.6, a: 1, g: 0.3, h0: 0.5 };
    const low = simulate(richardson(x, x, 0.1), { seed: 1 }).summary.hostility.X.final;
    const high = simulate(richardson(x, x, 0.7), { seed: 1 }).summary.hostility.X.final;
    expect(high).toBeLessThan(low);
    expect(low).toBeCloseTo(0.3 / (1 - 0.6 * 0.9), 6);
    expect(high).toBeCloseTo(0.3 / (1 - 0.6 * 0.3), 6);
  });
});
