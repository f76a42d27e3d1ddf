import { createStream } from '../../engine/rng.ts';
import { morrisEffects, type FactorMorrisEffects } from './morris-effects.ts';
import { sobolIndices, type FactorSobolIndices } from './sobol-indices.ts';
import type { SweepPlan } from '../sweep-plan.ts';

export interface SensitivityResult {
  method: 'sobol' | 'morris';
  factors: string[];
  /** per metric, per factor */
  sobol?: Record<string, FactorSobolIndices[]>;
  morris?: Record<string, FactorMorrisEffects[]>;
}

/**
 * Computes Sobol indices (Saltelli design) or Morris effects (Morris design) of every metric from
 * the per-point means over replications. `means` maps a point key to its metric means; a point
 * missing from it (not yet run, or invalid) makes the analysis impossible, which is reported.
 */
export function analyzeSensitivity(
  plan: SweepPlan,
  design: string,
  metrics: readonly string[],
  means: ReadonlyMap<string, Record<string, number>>,
  options: { seed: number; resamples: number },
): SensitivityResult | { error: string } {
  const factors = plan.factors.map((f) => f.name);
  const missing = plan.points.filter((p) => !means.has(p.key)).length;
  if (missing > 0) return { error: `${missing} of ${plan.points.length} points have no runs yet; finish the sweep (run the same command again) first` };
  const value = (key: string, metric: string) => means.get(key)![metric];
  if (design === 'sobol') {
    const d = factors.length;
    const block = (prefix: string) => plan.points.filter((p) => p.role.startsWith(`${prefix}#`)).sort((a, b) => Number(a.role.split('#')[1]) - Number(b.role.split('#')[1]));
    const A = block('A');
    const B = block('B');
    const AB = Array.from({ length: d }, (_, i) => block(`AB:${i}`));
    const sobol: Record<string, FactorSobolIndices[]> = {};
    for (const m of metrics) {
      sobol[m] = sobolIndices(A.map((p) => value(p.key, m)), B.map((p) => value(p.key, m)), AB.map((b) => b.map((p) => value(p.key, m))), {
        rand: createStream(options.seed, `bootstrap:${m}`),
        resamples: options.resamples,
      });
    }
    return { method: 'sobol', factors, sobol };
  }
  if (design === 'morris') {
    const byTrajectory = new Map<number, typeof plan.points>();
    for (const p of plan.points) {
      const t = Number(p.role.split(':')[0]);
      byTrajectory.set(t, [...(byTrajectory.get(t) ?? []), p]);
    }
    const trajectories = [...byTrajectory.values()].map((points) => points.sort((a, b) => Number(a.role.split(':')[1]) - Number(b.role.split(':')[1])));
    const morris: Record<string, FactorMorrisEffects[]> = {};
    for (const m of metrics) {
      morris[m] = morrisEffects(trajectories.map((t) => t.map((p) => p.unit)), trajectories.map((t) => t.map((p) => value(p.key, m))));
    }
    return { method: 'morris', factors, morris };
  }
  return { error: `sensitivity needs a sobol or morris design; this sweep is a ${design} design` };
}
