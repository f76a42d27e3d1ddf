import { logistic } from './logistic.ts';

export interface DialogueCoefficients {
  b0: number;
  bTrust: number;
  bHostility: number;
  bSkill: number;
  bOffRecord: number;
}

/**
 * Returns the probability that a dialogue event succeeds:
 * logistic(b0 + bTrust·meanTrust − bHostility·meanHostility + bSkill·skill + bOffRecord·offRecord).
 * A missing facilitator has skill 0.
 */
export function dialogueSuccessProbability(
  c: DialogueCoefficients,
  meanTrust: number,
  meanHostility: number,
  skill: number,
  offRecord: boolean,
): number {
  return logistic(
    c.b0 + c.bTrust * meanTrust - c.bHostility * meanHostility + c.bSkill * skill + (offRecord ? c.bOffRecord : 0),
  );
}

/** Returns trust after a successful event: T + alpha·intensity·(1 + skill)·(1 − T), never above 1. */
export function trustAfterSuccess(trust: number, alpha: number, skill: number, intensity: number): number {
  const rate = Math.min(1, alpha * intensity * (1 + skill));
  return trust + rate * (1 - trust);
}

/** Returns trust after a failed event: T − gamma·intensity·T, never below 0. */
export function trustAfterFailure(trust: number, gamma: number, intensity: number): number {
  const rate = Math.min(1, gamma * intensity);
  return trust - rate * trust;
}
