import { describe, expect, it } from 'vitest';
import { dialogueSuccessProbability, trustAfterFailure, trustAfterSuccess } from '../../src/model/dialogue.ts';
import { logistic } from '../../src/model/logistic.ts';

const c = { b0: -0.5, bTrust: 2, bHostility: 1, bSkill: 1, bOffRecord: 0.5 };

describe('dialogueSuccessProbability', () => {
  it('is the logistic of the linear predictor', () => {
    // -0.5 + 2*0.4 - 1*0.6 + 1*0.5 + 0.5 = 0.7
    expect(dialogueSuccessProbability(c, 0.4, 0.6, 0.5, true)).toBeCloseTo(1 / (1 + Math.exp(-0.7)), 12);
    // without the off-the-record bonus: 0.2
    expect(dialogueSuccessProbability(c, 0.4, 0.6, 0.5, false)).toBeCloseTo(1 / (1 + Math.exp(-0.2)), 12);
  });
  it('falls with hostility and rises with trust', () => {
    expect(dialogueSuccessProbability(c, 0.5, 2, 0, false)).toBeLessThan(dialogueSuccessProbability(c, 0.5, 1, 0, false));
    expect(dialogueSuccessProbability(c, 0.6, 1, 0, false)).toBeGreaterThan(dialogueSuccessProbability(c, 0.5, 1, 0, false));
  });
});

describe('trustAfterSuccess / trustAfterFailure', () => {
  it('gains alpha·I·(1+skill)·(1−T)', () => {
    // 0.2 + 0.1*1*(1+0.5)*(0.8) = 0.32
    expect(trustAfterSuccess(0.2, 0.1, 0.5, 1)).toBeCloseTo(0.32, 12);
    expect(trustAfterSuccess(0.2, 0.1, 0, 2)).toBeCloseTo(0.36, 12);
  });
  it('loses gamma·I·T', () => {
    expect(trustAfterFailure(0.5, 0.15, 1)).toBeCloseTo(0.425, 12);
  });
  it('never leaves [0, 1] even with extreme rates', () => {
    expect(trustAfterSuccess(0.9, 1, 1, 2)).toBe(1);
    expect(trustAfterFailure(0.9, 1, 2)).toBe(0);
  });
  it('breaks faster than it builds at the default rates (Slovic asymmetry)', () => {
    const up = trustAfterSuccess(0.5, 0.1, 0, 1) - 0.5;
    const down = 0.5 - trustAfterFailure(0.5, 0.15, 1);
    expect(down).toBeGreaterThan(up);
  });
});

describe('logistic', () => {
  it('is symmetric and does not overflow', () => {
    expect(logistic(0)).toBe(0.5);
    expect(logistic(3) + logistic(-3)).toBeCloseTo(1, 15);
    expect(logistic(1000)).toBe(1);
    expect(logistic(-1000)).toBe(0);
  });
});
