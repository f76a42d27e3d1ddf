import { createStream, deriveSeed, replicateSeed } from '../engine/rng.ts';
import type { FactorSpec, SweepSpec } from './sweep-spec.ts';
import { fullGrid } from './design/full-grid.ts';
import { latinHypercube } from './design/latin-hypercube.ts';
import { morrisTrajectories } from './design/morris.ts';
import { randomDesign } from './design/random-design.ts';
import { saltelli } from './design/saltelli.ts';

/** A factor with its name and the paths it sets. */
export interface Factor {
  name: string;
  paths: string[];
  spec: FactorSpec;
}

/** One point of the design: the factor values, and its role in a Sobol or Morris design. */
export interface SweepPoint {
  index: number;
  key: string;
  values: number[];
  /** the point in the unit hypercube, for sampled designs (empty for a grid) */
  unit: number[];
  /** "A#k", "B#k" or "AB:i#k" (Saltelli row k), or "t:j" (Morris trajectory t, position j); "" otherwise */
  role: string;
}

export interface SweepPlan {
  factors: Factor[];
  points: SweepPoint[];
  replications: number;
}

/** Returns factor names: the given one, else the last segment of its (first) path. */
export function resolveFactors(spec: SweepSpec): Factor[] {
  return spec.factors.map((f, i) => {
    const paths = Array.isArray(f.path) ? f.path : [f.path];
    const last = paths[0].split(/[.[\]]/).filter(Boolean).pop() ?? `f${i}`;
    const fallback = `${paths[0].replace(/[^A-Za-z0-9]+/g, '_').replace(/^_+|_+$/g, '')}`;
    return { name: f.name ?? (spec.factors.filter((g) => (Array.isArray(g.path) ? g.path[0] : g.path).endsWith(last)).length > 1 ? fallback : last.replace(/[^A-Za-z0-9_]/g, '_')), paths, spec: f };
  });
}

/** Maps a unit value u in [0, 1) to a factor's value: its levels, or its range (linear, log, integer). */
export function factorValue(f: FactorSpec, u: number): number {
  if (f.levels) return f.levels[Math.min(f.levels.length - 1, Math.floor(u * f.levels.length))];
  const [lo, hi] = f.range!;
  if (f.integer) return Math.min(hi, Math.floor(lo + u * (hi - lo + 1)));
  if (f.scale === 'log') return Math.exp(Math.log(lo) + u * (Math.log(hi) - Math.log(lo)));
  return lo + u * (hi - lo);
}

/** Returns a factor's grid levels: its `levels`, or `steps` values spanning its range. */
export function gridLevels(f: FactorSpec): number[] {
  if (f.levels) return f.levels;
  const [lo, hi] = f.range!;
  const n = f.steps!;
  const values = Array.from({ length: n }, (_, k) => {
    const t = k / (n - 1);
    return f.scale === 'log' ? Math.exp(Math.log(lo) + t * (Math.log(hi) - Math.log(lo))) : lo + t * (hi - lo);
  });
  return f.integer ? [...new Set(values.map(Math.round))] : values;
}

/** Identifies a point by its factor values, so adding levels or points leaves other keys alone. */
export function pointKey(factors: readonly Factor[], values: readonly number[]): string {
  return factors.map((f, i) => `${f.name}=${values[i]}`).join(';');
}

/**
 * Expands a sweep spec into its design points. Random designs draw from the stream
 * `design` of the sweep seed, so the same spec always gives the same points.
 */
export function planSweep(spec: SweepSpec): SweepPlan {
  const factors = resolveFactors(spec);
  const d = factors.length;
  const rand = createStream(spec.seed, 'design');
  const n = spec.design.samples ?? 0;
  let rows: { values: number[]; role: string; unit?: number[] }[];
  const fromUnit = (u: number[]) => u.map((x, i) => factorValue(factors[i].spec, x));
  switch (spec.design.type) {
    case 'grid':
      rows = fullGrid(factors.map((f) => gridLevels(f.spec))).map((values) => ({ values, role: '' }));
      break;
    case 'random':
      rows = randomDesign(n, d, rand).map((u) => ({ values: fromUnit(u), role: '', unit: u }));
      break;
    case 'lhs':
      rows = latinHypercube(n, d, rand).map((u) => ({ values: fromUnit(u), role: '', unit: u }));
      break;
    case 'sobol': {
      const design = saltelli(n, d);
      rows = [
        ...design.A.map((u, k) => ({ values: fromUnit(u), role: `A#${k}`, unit: u })),
        ...design.B.map((u, k) => ({ values: fromUnit(u), role: `B#${k}`, unit: u })),
        ...design.AB.flatMap((block, i) => block.map((u, k) => ({ values: fromUnit(u), role: `AB:${i}#${k}`, unit: u }))),
      ];
      break;
    }
    case 'morris':
      rows = morrisTrajectories(n, d, spec.design.levels, rand).flatMap((trajectory, t) =>
        trajectory.map((u, j) => ({ values: fromUnit(u), role: `${t}:${j}`, unit: u })),
      );
      break;
  }
  // In Sobol and Morris designs the same values can recur in different roles; the role keeps them
  // apart, and names a row by its place in its own block, so more samples leave earlier keys alone.
  const points = rows.map((r, index) => ({ index, key: r.role ? `${pointKey(factors, r.values)}@${r.role}` : pointKey(factors, r.values), values: r.values, unit: r.unit ?? [], role: r.role }));
  return { factors, points, replications: spec.replications };
}

/** Returns the seed of replicate r at a point: shared by every point with common random numbers. */
export function runSeed(spec: Pick<SweepSpec, 'seed' | 'commonRandomNumbers'>, point: SweepPoint, r: number): number {
  return spec.commonRandomNumbers ? replicateSeed(spec.seed, r) : deriveSeed(spec.seed, `${point.key}|r=${r}`);
}

/** Returns the `--set` assignments of a point: the spec's fixed ones, then each factor's paths. */
export function pointAssignments(spec: SweepSpec, factors: readonly Factor[], point: SweepPoint): string[] {
  return [...spec.set, ...factors.flatMap((f, i) => f.paths.map((p) => `${p}=${point.values[i]}`))];
}
