import { existsSync, readFileSync, statSync } from 'node:fs';
import { stringify } from 'yaml';
import { dirname, resolve } from 'node:path';
import { ScenarioError, UserError } from '../cli/errors.ts';
import { composeScenario, type ComposeResult } from '../scenario/compose-scenario.ts';
import { parseScenarioText } from '../scenario/parse-document.ts';
import type { ScenarioIssue } from '../scenario/issues.ts';
import { fromZodIssues } from '../scenario/zod-issues.ts';
import { SALTELLI_MAX_FACTORS } from '../sweep/design/saltelli.ts';
import { resolveFactors } from '../sweep/sweep-plan.ts';
import { sweepSpecSchema, type SweepSpec } from '../sweep/sweep-spec.ts';
import { raiseHint, withDefaults, type Limits } from '../scenario/limits.ts';
import { displayPath, findScenarioFile, scenarioReader, type LoadOptions } from './load-scenario.ts';

export interface LoadedSweep {
  spec: SweepSpec;
  specFile: string;
  specText: string;
  /** the scenario with the spec's fixed `set`, and every file read, by the name it was asked for */
  scenario: ComposeResult;
  entry: string;
  files: Record<string, string>;
  /** the size limits it was checked with, which its runs keep */
  limits?: Partial<Limits>;
}

/** Reads and checks a sweep spec and the scenario it names; problems come back with file, line and column. */
export function loadSweepSpec(specPath: string, options: LoadOptions = {}): LoadedSweep {
  if (!existsSync(specPath)) throw new UserError('NO_SPEC', `no sweep spec "${specPath}"`, 'see scenarios/sweeps/ for examples');
  const size = statSync(specPath).size;
  const most = withDefaults(options.limits).fileBytes;
  if (size > most) throw new UserError('LIMIT', `${specPath}: ${size} bytes is more than the limit of ${most}`, raiseHint('fileBytes', size));
  return loadSweepSpecText(readFileSync(specPath, 'utf8'), displayPath(specPath), dirname(specPath), options);
}

/**
 * Builds the spec of a quick sweep from command-line flags: `--factor path=a,b,c` (levels),
 * `path=lo:hi:steps` (a grid over a range), `path=lo:hi` (a range for sampled designs), with an
 * optional `:log` at the end for a log scale.
 */
export function quickSweepSpec(options: { scenario: string; factor: string[]; design?: string; samples?: number; replications?: number; seed?: number; name?: string }): string {
  const factors = options.factor.map((text) => {
    const eq = text.indexOf('=');
    if (eq <= 0) throw new UserError('USAGE', `--factor expects path=values, found "${text}"`, 'e.g. --factor states.PK.receptivity=0.1,0.5,0.9 or --factor transfer.mu=0.5:2:4');
    const path = text.slice(0, eq);
    const value = text.slice(eq + 1);
    const log = value.endsWith(':log');
    const body = log ? value.slice(0, -4) : value;
    const numbers = (parts: string[]) => parts.map((x) => {
      const n = Number(x);
      if (x.trim() === '' || !Number.isFinite(n)) throw new UserError('USAGE', `--factor ${text}: "${x}" is not a number`);
      return n;
    });
    if (body.includes(':')) {
      const [lo, hi, steps] = numbers(body.split(':'));
      return { path, range: [lo, hi], ...(steps !== undefined ? { steps } : {}), ...(log ? { scale: 'log' } : {}) };
    }
    return { path, levels: numbers(body.split(',')) };
  });
  return stringify({
    name: options.name ?? `quick sweep of ${options.scenario}`,
    scenario: options.scenario,
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
    ...(options.replications !== undefined ? { replications: options.replications } : {}),
    design: { type: options.design ?? 'grid', ...(options.samples !== undefined ? { samples: options.samples } : {}) },
    factors,
  });
}

/** Checks a spec given as text; `baseDir` is where its scenario path starts from. */
export function loadSweepSpecText(specText: string, file: string, baseDir: string, options: LoadOptions = {}): LoadedSweep {
  const specPath = resolve(baseDir, '(spec)');
  const doc = parseScenarioText(file, specText);
  if (doc.issues.length) throw new ScenarioError(doc.issues);
  const parsed = sweepSpecSchema.safeParse(doc.value);
  if (!parsed.success) {
    throw new ScenarioError(
      fromZodIssues(sweepSpecSchema, doc.value, parsed.error.issues).map((i) => {
        const pos = doc.locate(i.path);
        return { ...i, file, ...(pos ? { line: pos.line, column: pos.column } : {}) };
      }),
    );
  }
  const spec = parsed.data;
  const problems: ScenarioIssue[] = spec.factors.flatMap((f, i): ScenarioIssue[] => {
    const pos = doc.locate(['factors', i]);
    const at = { file, ...(pos ? { line: pos.line, column: pos.column } : {}) };
    if (!f.levels && !f.range) return [{ code: 'factor', path: ['factors', i], message: 'expected "levels" or "range"', ...at }];
    if (spec.design.type === 'grid' && !f.levels && !f.steps) return [{ code: 'factor', path: ['factors', i], message: 'expected "steps" with "range" in a grid design (or give "levels")', ...at }];
    if (f.scale === 'log' && f.range && f.range[0] <= 0) return [{ code: 'factor', path: ['factors', i, 'range'], message: 'expected a positive range for a log scale', ...at }];
    return [];
  });
  const names = resolveFactors(spec).map((f) => f.name);
  const reserved = new Set(['point_key', 'point_index', 'role', 'run_key', 'replicate', 'seed', 'outcome']);
  names.forEach((name, i) => {
    const clash = names.findIndex((other) => other.toLowerCase() === name.toLowerCase());
    if (clash !== i || reserved.has(name.toLowerCase())) {
      const pos = doc.locate(['factors', i]);
      problems.push({ code: 'factor', path: ['factors', i, 'name'], message: `expected a factor name of its own, found "${name}" ${clash !== i ? `again (factor ${clash + 1} has it)` : '(a column the store uses)'}; give the factor a "name"`, file, ...(pos ? { line: pos.line, column: pos.column } : {}) });
    }
  });
  if (spec.design.type === 'sobol' && spec.factors.length > SALTELLI_MAX_FACTORS) {
    problems.push({ code: 'design', path: ['factors'], message: `expected at most ${SALTELLI_MAX_FACTORS} factors in a sobol design, found ${spec.factors.length}`, file });
  }
  if (spec.design.type !== 'grid' && spec.design.samples === undefined) {
    const pos = doc.locate(['design']);
    problems.push({ code: 'design', path: ['design', 'samples'], message: `expected "samples" for a ${spec.design.type} design`, file, ...(pos ? { line: pos.line, column: pos.column } : {}) });
  }
  const runs = sweepRuns(spec);
  const mostRuns = withDefaults(options.limits).runs;
  if (runs > mostRuns) {
    const pos = doc.locate(['design']);
    problems.push({ code: 'too-many-runs', path: ['design'], message: `expected a sweep of at most ${mostRuns} runs (points × replications), found ${runs.toLocaleString('en-US')}`, suggestion: raiseHint('runs', runs), file, ...(pos ? { line: pos.line, column: pos.column } : {}) });
  }
  if (problems.length) throw new ScenarioError(problems);

  const local = resolve(dirname(specPath), spec.scenario);
  const entry = existsSync(local) ? local : findScenarioFile(spec.scenario);
  if (!entry) throw new UserError('NO_SCENARIO', `${file}: scenario "${spec.scenario}" is not a file next to the spec, nor a shipped scenario`);
  const files: Record<string, string> = {};
  // The same reader as `detente run`: size limit, and `extends` kept to the allowed folders.
  const read = scenarioReader(options, (name, _path, text) => (files[name] = text));
  const scenario = composeScenario(entry, read, spec.set, options.limits);
  if (!scenario.scenario) throw new ScenarioError(scenario.issues);
  return { spec, specFile: specPath, specText, scenario, entry, files, ...(options.limits ? { limits: options.limits } : {}) };
}

/** Returns how many runs a spec asks for (points × replications), without building its points. */
export function sweepRuns(spec: SweepSpec): number {
  const d = spec.factors.length;
  const n = spec.design.samples ?? 0;
  const points =
    spec.design.type === 'grid' ? spec.factors.reduce((product, f) => product * (f.levels?.length ?? f.steps ?? 1), 1) :
    spec.design.type === 'sobol' ? n * (d + 2) :
    spec.design.type === 'morris' ? n * (d + 1) :
    n;
  return points * spec.replications;
}
