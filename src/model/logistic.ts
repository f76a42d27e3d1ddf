/** Returns 1 / (1 + e^-x), computed without overflow for large |x|. */
export function logistic(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/** Converts a rate per year to the probability of at least one event in a step of dt years. */
export function rateToProbability(ratePerYear: number, dt: number): number {
  if (!(ratePerYear > 0)) return 0;
  return -Math.expm1(-ratePerYear * dt);
}

/** Converts a relaxation rate per year into the fraction of the gap closed in one step. */
export function rateToFraction(ratePerYear: number, dt: number): number {
  return rateToProbability(ratePerYear, dt);
}
