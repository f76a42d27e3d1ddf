/** Screening measures of one factor from its elementary effects. */
export interface FactorMorrisEffects {
  /** Mean elementary effect; effects of opposite sign cancel in it. */
  mu: number;
  /** Mean absolute elementary effect, the factor's overall importance (Campolongo et al. 2007). */
  muStar: number;
  /** Standard deviation of the elementary effects (divisor r − 1): nonlinearity or interactions. */
  sigma: number;
}

/**
 * Returns mu, mu* and sigma of each factor's elementary effects (Morris 1991; Campolongo,
 * Cariboni & Saltelli 2007), given trajectories in the unit cube, as from morrisTrajectories, and
 * outputs[t][k], the output at trajectories[t][k]. Each step of a trajectory must change one
 * factor; its effect is the change in output over the change in that factor, so effects are per
 * unit of the scaled factor, that is per whole factor range. Steps that change no factor are
 * ignored. With one trajectory sigma is NaN; a factor no step moves gets NaN throughout. No
 * trajectories give [].
 *
 *   morrisEffects(trajectories, trajectories.map((points) => points.map(model)))
 *   // e.g. [{ mu: 2, muStar: 2, sigma: 0 }, { mu: 0, muStar: 0, sigma: 0 }]
 */
export function morrisEffects(
  trajectories: readonly (readonly (readonly number[])[])[],
  outputs: readonly ArrayLike<number>[],
): FactorMorrisEffects[] {
  const d = trajectories[0]?.[0]?.length ?? 0;
  const effects = Array.from({ length: d }, () => [] as number[]);
  trajectories.forEach((points, t) => {
    for (let k = 1; k < points.length; k++) {
      const j = points[k].findIndex((x, i) => x !== points[k - 1][i]);
      if (j < 0) continue;
      effects[j].push((outputs[t][k] - outputs[t][k - 1]) / (points[k][j] - points[k - 1][j]));
    }
  });
  return effects.map((ee) => {
    const r = ee.length;
    const mu = ee.reduce((s, e) => s + e, 0) / r;
    const muStar = ee.reduce((s, e) => s + Math.abs(e), 0) / r;
    const sigma = Math.sqrt(ee.reduce((s, e) => s + (e - mu) ** 2, 0) / (r - 1));
    return { mu, muStar, sigma };
  });
}
