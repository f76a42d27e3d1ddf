import { controlSets, type TeachingControl } from './teaching-controls.ts';
import type { TimelineEntry } from './timeline-entries.ts';

/** What the page's controls are set to: only values that differ from the scenario are kept. */
export interface ClassroomSettings {
  seed: number;
  /** control id → value, for controls moved away from their baseline */
  values: Record<string, number>;
  /** timeline keys switched away from the scenario's own on/off state */
  switched: string[];
}

/** Returns the `--set` assignments for settings: controls in page order, then switched events. */
export function settingsSets(controls: readonly TeachingControl[], timeline: readonly TimelineEntry[], settings: ClassroomSettings): string[] {
  const sets: string[] = [];
  for (const c of controls) if (c.id in settings.values) sets.push(...controlSets(c, settings.values[c.id]));
  const switched = new Set(settings.switched);
  for (const e of timeline) if (switched.has(e.key)) sets.push(`${e.key}.enabled=${!e.enabled}`);
  return sets;
}

/** Returns the URL hash of settings, e.g. `#seed=7&receptivity.ARL=0.8&switch=events.border-clash`. */
export function encodeSettings(settings: ClassroomSettings): string {
  const parts = [`seed=${settings.seed}`];
  for (const [id, v] of Object.entries(settings.values)) parts.push(`${encodeURIComponent(id)}=${v}`);
  if (settings.switched.length > 0) parts.push(`switch=${settings.switched.map(encodeURIComponent).join(',')}`);
  return `#${parts.join('&')}`;
}

/**
 * Reads settings from a URL hash. What cannot be used — an unknown control or event, a value out
 * of range, a seed that is not a whole number — is left at the scenario's value and reported.
 */
export function decodeSettings(
  hash: string,
  controls: readonly TeachingControl[],
  timeline: readonly TimelineEntry[],
  fallbackSeed: number,
): { settings: ClassroomSettings; problems: string[] } {
  const settings: ClassroomSettings = { seed: fallbackSeed, values: {}, switched: [] };
  const problems: string[] = [];
  const byId = new Map(controls.map((c) => [c.id, c]));
  const keys = new Set(timeline.map((e) => e.key));
  for (const part of hash.replace(/^#/, '').split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    let key: string;
    let raw: string;
    try {
      key = decodeURIComponent(eq < 0 ? part : part.slice(0, eq));
      raw = eq < 0 ? '' : decodeURIComponent(part.slice(eq + 1));
    } catch {
      problems.push(`"${part}" is not readable`);
      continue;
    }
    if (key === 'seed') {
      const seed = Number(raw);
      if (raw !== '' && Number.isInteger(seed) && seed >= 0 && seed <= 2 ** 32 - 1) settings.seed = seed;
      else problems.push(`seed "${raw}" is not a whole number from 0 to 4294967295`);
    } else if (key === 'switch') {
      for (const k of raw.split(',').filter(Boolean)) {
        if (keys.has(k)) settings.switched.push(k);
        else problems.push(`no event "${k}" in this scenario`);
      }
    } else if (byId.has(key)) {
      const c = byId.get(key)!;
      const v = Number(raw);
      if (raw === '' || !Number.isFinite(v) || v < c.min || v > c.max) problems.push(`${c.label}: "${raw}" is outside ${c.min}–${c.max}`);
      else if (v !== c.baseline) settings.values[key] = v;
    } else {
      problems.push(`no setting "${key}" on this page`);
    }
  }
  return { settings, problems };
}

/** Quotes a word for a POSIX shell when it needs it. */
function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** Returns the `detente run` command that reproduces the page's run. */
export function runCommand(scenarioArg: string, seed: number, sets: readonly string[]): string {
  return ['detente', 'run', scenarioArg, '--seed', String(seed), ...sets.flatMap((s) => ['--set', s])].map(shellWord).join(' ');
}
