/** Returns the factor 1 − severity·vulnerability, floored at 0, that multiplies trust after a shock. */
export function shockTrustFactor(severity: number, vulnerability: number): number {
  return Math.max(0, 1 - severity * vulnerability);
}

/** Returns how many steps official talks stay suspended after a shock of this severity. */
export function suspensionSteps(severity: number, monthsAtFullSeverity: number, monthsPerStep: number): number {
  return Math.ceil((severity * monthsAtFullSeverity) / monthsPerStep);
}

/** Returns the chance an agreement in force collapses under a shock of this severity. */
export function collapseProbability(severity: number, probabilityAtFullSeverity: number): number {
  return Math.min(1, severity * probabilityAtFullSeverity);
}

/** Returns a stochastic shock rate per year, grown linearly by the source state's hostility. */
export function shockRate(baseRatePerYear: number, growth: number, sourceHostility: number): number {
  return baseRatePerYear * (1 + growth * sourceHostility);
}
