import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, join, relative, resolve } from 'node:path';
import { composeScenario, type ComposeResult } from '../scenario/compose-scenario.ts';
import { packageRoot } from './package-root.ts';

/** The folder of scenarios shipped with the package. */
export const SCENARIO_DIR = join(packageRoot(), 'scenarios');

// Larger than any sensible scenario, small enough that a stray binary file fails fast.
const MAX_FILE_BYTES = 16 * 1024 * 1024;

/**
 * Finds a scenario by path, or by the name of a shipped scenario (`india-pakistan`,
 * `korean-peninsula.yaml`). Returns undefined when neither exists.
 */
export function findScenarioFile(name: string): string | undefined {
  const candidates = [name, join(SCENARIO_DIR, name)];
  if (!extname(name)) candidates.push(`${name}.yaml`, join(SCENARIO_DIR, `${name}.yaml`), join(SCENARIO_DIR, `${name}.json`));
  return candidates.find((c) => existsSync(c) && statSync(c).isFile());
}

/** Shows a path relative to the working directory when that is shorter, as users typed it. */
export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') && rel.length < path.length ? rel : path;
}

/** Loads a scenario file with its `extends` chain from disk, applying `--set` assignments. */
export function loadScenario(name: string, sets: readonly string[] = []): ComposeResult {
  return composeScenario(
    name,
    (file, from) => {
      const path = from ? resolve(dirname(from), file) : findScenarioFile(file);
      const shown = from ? file : name;
      if (!path || !existsSync(path)) {
        return { error: from ? `cannot read "${shown}": no such file next to ${displayPath(from)}` : `no scenario "${shown}": not a file, nor a shipped scenario (see \`detente list\`)` };
      }
      const stat = statSync(path);
      if (!stat.isFile()) return { error: `cannot read "${shown}": not a file` };
      if (stat.size > MAX_FILE_BYTES) return { error: `cannot read "${shown}": ${stat.size} bytes is more than the ${MAX_FILE_BYTES}-byte limit` };
      return { file: displayPath(path), text: readFileSync(path, 'utf8') };
    },
    sets,
  );
}
