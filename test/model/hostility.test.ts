import { describe, expect, it } from 'vitest';
import { MAX_REACTION_RATE, richardsonEquilibrium, richardsonTerms } from '../../src/model/hostility.ts';

describe('richardsonTerms', () => {
  it('damps the reaction by trust and sums over rivals', () => {
    const H = f([0.5, 1, 2]);
    const w = f([0, 1, 0.5, 1, 0, 0, 0.5, 0, 0]);
    const tau = f([1, 0.2, 0.5, 0.2, 1, 0, 0.5, 0, 1]);
    const t = richardsonTerms(0, 3, H, 0.6, 1, 0.3, w, tau);
    // 1*0.6*(1-0.2)*1 + 0.5*0.6*(1-0.5)*2 = 0.48 + 0.3
    expect(t.reaction).toBeCloseTo(0.78, 12);
    expect(t.restraint).toBeCloseTo(-0.5, 12);
    expect(t.grievance).toBe(0.3);
  });
  it('caps the reaction at MAX_REACTION_RATE, so an explosive system stays finite', () => {
    const t = richardsonTerms(0, 2, f([0, 1e300]), 1000, 1, 0, f([0, 100, 100, 0]), f([1, 0, 0, 1]));
    expect(t.reaction).toBe(MAX_REACTION_RATE);
    expect(richardsonTerms(0, 2, f([0, 2]), 1, 1, 0, f([0, 1, 1, 0]), f([1, 0, 0, 1])).reaction).toBe(2);
  });
});

describe('richardsonEquilibrium', () => {
  it('solves the two-state system', () => {
    const e = richardsonEquilibrium(0.5, 0.4, 1, 0.8, 0.2, 0.1)!;
    // det = 0.8 - 0.2 = 0.6; x = (0.8*0.2 + 0.5*0.1)/0.6 = 0.35; y = (1*0.1 + 0.4*0.2)/0.6 = 0.3
    expect(e.x).toBeCloseTo(0.35, 12);
    expect(e.y).toBeCloseTo(0.3, 12);
    expect(e.stable).toBe(true);
    expect(richardsonEquilibrium(2, 2, 1, 1, 0.1, 0.1)!.stable).toBe(false);
    expect(richardsonEquilibrium(1, 1, 1, 1, 0.1, 0.1)).toBeNull();
  });
});

function f(xs: number[]) {
  return Float64Array.from(xs);
}
