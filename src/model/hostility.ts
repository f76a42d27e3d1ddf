/** The terms of one state's Richardson rate, each in hostility per year. */
export interface RichardsonTerms {
  reaction: number;
  restraint: number;
  grievance: number;
}

// Far above any crisis or war threshold (at most 10⁶): the cap changes no meaningful run, but keeps
// an explosive system (reaction 100, hawkishness 10, weight 100) finite instead of overflowing to
// Infinity and then NaN.
export const MAX_REACTION_RATE = 1e12;

/**
 * Returns the terms of dH_s/dt = Σ_r w_sr·k_s·(1 − tau_sr)·H_r − a_s·H_s + g_s for state s.
 * `rivalry` and `tau` are S×S row-major; k already includes the government's hawkishness. The
 * reaction term is capped at MAX_REACTION_RATE hostility per year.
 */
export function richardsonTerms(
  s: number,
  S: number,
  hostility: Float64Array,
  k: number,
  a: number,
  g: number,
  rivalry: Float64Array,
  tau: Float64Array,
): RichardsonTerms {
  let reaction = 0;
  for (let r = 0; r < S; r++) {
    const w = rivalry[s * S + r];
    if (w !== 0) reaction += w * k * (1 - tau[s * S + r]) * hostility[r];
  }
  return { reaction: reaction > MAX_REACTION_RATE ? MAX_REACTION_RATE : reaction, restraint: -a * hostility[s], grievance: g };
}

/**
 * Returns the equilibrium of Richardson's two-state system x' = k·y − a·x + g, y' = l·x − b·y + h,
 * or null when a·b = k·l. It is stable exactly when a·b > k·l (Richardson 1960).
 */
export function richardsonEquilibrium(
  k: number,
  l: number,
  a: number,
  b: number,
  g: number,
  h: number,
): { x: number; y: number; stable: boolean } | null {
  const det = a * b - k * l;
  if (det === 0) return null;
  return { x: (b * g + k * h) / det, y: (a * h + l * g) / det, stable: det > 0 };
}
