import { basename, extname, join } from 'node:path';
import { parseDate, stepIndex } from '../scenario/calendar.ts';
import type { ComposeResult } from '../scenario/compose-scenario.ts';
import type { Scenario } from '../scenario/types.ts';
import { loadScenario, type LoadOptions } from '../io/load-scenario.ts';
import { parseLimits, raiseHint, withDefaults } from '../scenario/limits.ts';
import { ScenarioError, UserError } from './errors.ts';

let loadOptions: LoadOptions = {};

/**
 * Sets the limits and allowed folders every scenario load of this command uses, from `--limit`,
 * `--allow-path` and the DETENTE_LIMITS environment variable (flags win).
 */
export function configureLoading(limit: readonly string[] = [], allowPath: readonly string[] = [], env: string | undefined = process.env.DETENTE_LIMITS): void {
  const fromEnv = env ? parseLimits(env.split(',').filter((x) => x.trim() !== '')) : { limits: {} };
  if ('error' in fromEnv) throw new UserError('USAGE', `DETENTE_LIMITS: ${fromEnv.error}`);
  const fromFlags = parseLimits(limit);
  if ('error' in fromFlags) throw new UserError('USAGE', `--limit: ${fromFlags.error}`);
  loadOptions = { limits: { ...fromEnv.limits, ...fromFlags.limits }, allowPaths: [...allowPath] };
}

/** Returns the load options configured for this command. */
export function currentLoadOptions(): LoadOptions {
  return loadOptions;
}

/** Loads a scenario or throws a ScenarioError carrying every issue. */
export function loadOrFail(name: string, sets: readonly string[] = []): ComposeResult & { scenario: Scenario } {
  const loaded = loadScenario(name, sets, loadOptions);
  if (!loaded.scenario || loaded.issues.length > 0) throw new ScenarioError(loaded.issues);
  return loaded as ComposeResult & { scenario: Scenario };
}

/** Returns the number of steps to run from --until or --steps, checked against the calendar. */
export function stepsFor(scenario: Scenario, until?: string, steps?: number): number {
  const cal = scenario.calendar;
  if (until !== undefined && steps !== undefined) throw new UserError('USAGE', 'give either --until or --steps, not both');
  if (steps !== undefined) {
    if (!Number.isInteger(steps) || steps < 1 || steps > cal.steps) {
      throw new UserError('USAGE', `--steps expects a whole number from 1 to ${cal.steps} (the calendar's length), found ${steps}`);
    }
    return steps;
  }
  if (until !== undefined) {
    const d = parseDate(until);
    if (!d) throw new UserError('USAGE', `--until expects a date YYYY-MM, found "${until}"`);
    const s = stepIndex(cal, d);
    if (s < 0 || s >= cal.steps) throw new UserError('USAGE', `--until ${until} is outside the scenario's calendar (${scenario.document.calendar.start} to ${scenario.document.calendar.end})`);
    return s + 1;
  }
  return cal.steps;
}

/** Returns the seed of a run: --seed, else the scenario's, else 1. */
export function seedFor(scenario: Scenario, seed?: number): number {
  if (seed === undefined) return scenario.seed ?? 1;
  if (!Number.isInteger(seed) || seed < 0 || seed > 2 ** 32 - 1) throw new UserError('USAGE', `--seed expects a whole number from 0 to 4294967295, found ${Number.isNaN(seed) ? typedValue('seed') ?? seed : seed}`);
  return seed;
}

/**
 * Returns what was typed after `--name` (or in `--name=text`), the last one winning: a number
 * option that is not a number reaches a handler as NaN, and a message should echo "abc".
 */
function typedValue(name: string, argv: readonly string[] = process.argv): string | undefined {
  let found: string | undefined;
  argv.forEach((a, i) => {
    if (a === `--${name}` && i + 1 < argv.length) found = argv[i + 1];
    else if (a.startsWith(`--${name}=`)) found = a.slice(name.length + 3);
  });
  return found;
}

/** Returns the default output folder of a scenario: reports/<file name without extension>. */
export function defaultOutDir(scenarioName: string, suffix = ''): string {
  return join('reports', basename(scenarioName, extname(scenarioName)) + suffix);
}

/** Returns the command line as typed, for manifests. */
export function commandLine(argv: readonly string[]): string {
  return ['detente', ...argv].map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(' ');
}

export function checkRuns(runs: number | undefined, fallback: number): number {
  const r = runs ?? fallback;
  const most = withDefaults(loadOptions.limits).runs;
  if (!Number.isInteger(r) || r < 1) throw new UserError('USAGE', `--runs expects a whole number from 1 to ${most}, found ${runs}`);
  if (r > most) throw new UserError('LIMIT', `--runs ${r} is above the limit of ${most} runs`, raiseHint('runs', r));
  return r;
}

