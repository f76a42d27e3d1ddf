import { describe, expect, it } from 'vitest';
import { collapseProbability, shockRate, shockTrustFactor, suspensionSteps } from '../../src/model/shock.ts';
import { trustAfterForgetting } from '../../src/model/forgetting.ts';
import { agreementProbability } from '../../src/model/negotiation.ts';
import { rateToProbability } from '../../src/model/logistic.ts';

describe('shock mechanisms', () => {
  it('multiplies trust by 1 − s·v, floored at 0', () => {
    expect(shockTrustFactor(0.5, 0.8)).toBeCloseTo(0.6, 12);
    expect(shockTrustFactor(0.5, 0.3)).toBeCloseTo(0.85, 12);
    expect(shockTrustFactor(1, 1)).toBe(0);
  });
  it('suspends talks for ceil(s·months / monthsPerStep) steps', () => {
    expect(suspensionSteps(0.5, 18, 1)).toBe(9);
    expect(suspensionSteps(0.5, 18, 12)).toBe(1);
    expect(suspensionSteps(0, 18, 1)).toBe(0);
  });
  it('collapses agreements with probability s·p, at most 1', () => {
    expect(collapseProbability(0.5, 0.6)).toBeCloseTo(0.3, 12);
    expect(collapseProbability(1, 2)).toBe(1);
  });
  it('grows the stochastic rate with the source\'s hostility', () => {
    expect(shockRate(0.4, 1, 0.5)).toBeCloseTo(0.6, 12);
  });
});

describe('forgetting, negotiation and rates', () => {
  it('moves a fraction of the way back to baseline', () => {
    expect(trustAfterForgetting(0.6, 0.2, 0.25)).toBeCloseTo(0.5, 12);
  });
  it('is a coin flip at tauStar', () => {
    expect(agreementProbability(10, 0.45, 0.45)).toBe(0.5);
    expect(agreementProbability(10, 0.55, 0.45)).toBeCloseTo(1 / (1 + Math.exp(-1)), 12);
  });
  it('turns a yearly rate into a per-step probability', () => {
    expect(rateToProbability(12, 1 / 12)).toBeCloseTo(1 - Math.exp(-1), 12);
    expect(rateToProbability(0, 1)).toBe(0);
  });
});
