import { logistic } from './logistic.ts';

/** Returns the chance that an official round reaches an agreement: logistic(kappa·(meanTau − tauStar)). */
export function agreementProbability(kappa: number, meanTau: number, tauStar: number): number {
  return logistic(kappa * (meanTau - tauStar));
}
