import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, extname, isAbsolute, join, relative, resolve } from 'node:path';
import { composeScenario, type ComposeResult, type SourceReader } from '../scenario/compose-scenario.ts';
import { raiseHint, withDefaults, type Limits } from '../scenario/limits.ts';
import { packageRoot } from './package-root.ts';

/** The folder of scenarios shipped with the package. */
export const SCENARIO_DIR = join(packageRoot(), 'scenarios');

/** How far loading may go: size limits, and the folders `extends` may read beyond the defaults. */
export interface LoadOptions {
  limits?: Partial<Limits>;
  /**
   * Folders a file may `extends` from besides the entry file's own folder (and those below it)
   * and the shipped scenarios/; `/` allows any.
   */
  allowPaths?: readonly string[];
}

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

/** Returns whether `path` is `root` or lies below it; both already real paths. */
function isInside(path: string, root: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/**
 * Returns the folders files of a scenario rooted at `entry` may `extends` from: the entry's
 * folder tree, the shipped scenarios and the allowed paths, each with symlinks resolved.
 */
export function extendsRoots(entry: string, allowPaths: readonly string[] = []): string[] {
  const real = (p: string) => (existsSync(p) ? realpathSync(p) : resolve(p));
  return [real(dirname(entry)), real(SCENARIO_DIR), ...allowPaths.map(real)];
}

/**
 * Returns a reader of scenario files from disk: the entry is found by path or shipped name, and
 * each file it `extends` is read relative to the file that names it, only from `roots`: a shared
 * scenario cannot make the tool read files elsewhere (docs/SECURITY.md). Files above the size
 * limit are refused before they are read.
 */
export function scenarioReader(options: LoadOptions = {}, onRead?: (name: string, path: string, text: string) => void): SourceReader {
  const limits = withDefaults(options.limits);
  let roots: string[] | undefined;
  return (name, from) => {
    const path = from ? resolve(dirname(from), name) : findScenarioFile(name);
    if (!path || !existsSync(path)) {
      return { error: from ? `cannot read "${name}": no such file next to ${displayPath(from)}` : `no scenario "${name}": not a file, nor a shipped scenario (see \`detente list\`)` };
    }
    if (!from) roots = extendsRoots(path, options.allowPaths);
    else if (roots && !roots.some((root) => isInside(realpathSync(path), root))) {
      return {
        error: `cannot read "${name}": it is outside the folders a scenario may extend (${roots.map(displayPath).join(', ')}); if you trust it, pass --allow-path ${displayPath(dirname(realpathSync(path)))}`,
      };
    }
    const stat = statSync(path);
    if (!stat.isFile()) return { error: `cannot read "${name}": not a file` };
    if (stat.size > limits.fileBytes) {
      return { error: `cannot read "${name}": ${stat.size} bytes is more than the limit of ${limits.fileBytes}; ${raiseHint('fileBytes', stat.size)}` };
    }
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      return { error: `cannot read "${name}": ${(error as NodeJS.ErrnoException).code === 'EACCES' ? 'permission denied' : (error as Error).message}` };
    }
    onRead?.(name, path, text);
    return { file: displayPath(path), text };
  };
}

/** Loads a scenario file with its `extends` chain from disk, applying `--set` assignments. */
export function loadScenario(name: string, sets: readonly string[] = [], options: LoadOptions = {}): ComposeResult {
  return composeScenario(name, scenarioReader(options), sets, options.limits);
}
