import type { Limits } from '../scenario/limits.ts';
import { composeScenario, type ComposeResult, type SourceReader } from '../scenario/compose-scenario.ts';

/**
 * What a classroom page carries of its scenario: the files as the CLI read them (entry first,
 * then the chain it extends) and the `--set` assignments given to `detente classroom`. The page
 * composes them exactly as `detente run` does, so its numbers equal the CLI's.
 */
export interface ClassroomBundle {
  /** the scenario as typed on the command line, for the reproducing command */
  scenarioArg: string;
  files: { file: string; text: string }[];
  /** `--set` assignments given to `detente classroom`, applied before the page's own */
  sets: string[];
  /** the seed the page opens with */
  seed: number;
  version: string;
  /** limits raised on the command line (`--limit`, DETENTE_LIMITS), so the page loads what the CLI loaded */
  limits?: Partial<Limits>;
}

/**
 * Returns a reader that hands back the recorded files in the order composeScenario asks for them:
 * the entry, then each parent it extends. The chain is linear, so the order is the CLI's; a
 * request from any other file means the bundle does not match the scenario and is refused.
 */
export function bundleReader(files: readonly { file: string; text: string }[]): SourceReader {
  let next = 0;
  return (name, from) => {
    const expectedFrom = next === 0 ? undefined : files[next - 1].file;
    const file = files[next];
    if (!file || from !== expectedFrom) return { error: `the page holds no file "${name}"${from ? ` extended by ${from}` : ''}` };
    next++;
    return file;
  };
}

/** Composes the bundle's scenario with its own `--set` assignments, then `extra` ones. */
export function composeBundle(bundle: ClassroomBundle, extra: readonly string[] = []): ComposeResult {
  return composeScenario(bundle.scenarioArg, bundleReader(bundle.files), [...bundle.sets, ...extra], bundle.limits ?? {});
}
