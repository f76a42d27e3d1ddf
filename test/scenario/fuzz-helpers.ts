import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { simulate } from '../../src/engine/simulate.ts';
import { composeScenario, type ComposeResult } from '../../src/scenario/compose-scenario.ts';
import type { Limits } from '../../src/scenario/limits.ts';

/** The shipped scenarios' texts, the seeds of the mutation fuzzers. */
export const SHIPPED = Object.fromEntries(
  ['classroom', 'india-pakistan', 'korean-peninsula'].map((name) => [name, readFileSync(`scenarios/${name}.yaml`, 'utf8')]),
);

/** Loads in-memory files (name → text) from `entry`, as the CLI would from disk. */
export function loadTexts(files: Record<string, string>, entry = 'main.yaml', sets: string[] = [], limits: Partial<Limits> = {}): ComposeResult {
  return composeScenario(entry, (name) => (Object.hasOwn(files, name) ? { file: name, text: files[name] } : { error: `cannot read "${name}": no such file` }), sets, limits);
}

/**
 * Asserts what every load must end in: a scenario and no issues, or no scenario and a list of
 * issues, each with a code, a key path, a message that reads as a sentence and, when it names a
 * place, a real line and column. A scenario that loads also runs a few steps without NaN.
 */
export function expectWellFormed(result: ComposeResult, files: readonly string[] = ['main.yaml'], steps = 3): void {
  if (result.scenario) {
    expect(result.issues).toEqual([]);
    const run = simulate(result.scenario, { steps: Math.min(steps, result.scenario.calendar.steps), seed: 1 });
    for (const [name, column] of Object.entries(run.series.columns)) {
      // A mean over no pairs (no Track II actors, say) is NaN by design: an empty CSV field, null in JSON.
      const mayBeUndefined = /^trackI|^trackII/.test(name);
      for (const v of column) expect(Number.isFinite(v) || (mayBeUndefined && Number.isNaN(v)), `${name} is ${v}`).toBe(true);
    }
    // Trust between rival Track I or Track II pairs, where a scenario has none, is NaN: null in summary.json.
    expectFiniteNumbers({ ...run.summary, trackI: undefined, trackII: undefined }, 'summary');
    for (const v of [run.summary.trackI, run.summary.trackII].flatMap((x) => Object.values(x))) expect(v === null || Number.isFinite(v) || Number.isNaN(v)).toBe(true);
    for (const d of run.ledger?.delta ?? []) expect(Number.isFinite(d), 'ledger delta').toBe(true);
    return;
  }
  expect(result.issues.length).toBeGreaterThan(0);
  for (const i of result.issues) {
    expect(typeof i.code).toBe('string');
    expect(i.code.length).toBeGreaterThan(0);
    expect(Array.isArray(i.path)).toBe(true);
    for (const k of i.path) expect(['string', 'number']).toContain(typeof k);
    expect(typeof i.message).toBe('string');
    expect(i.message.length).toBeGreaterThan(5);
    expect(i.message).not.toMatch(/\[object Object\]|found undefined|Maximum call stack/);
    if (i.suggestion !== undefined) expect(i.suggestion.length).toBeGreaterThan(0);
    if (i.file !== undefined && !i.file.startsWith('--set')) expect(files).toContain(i.file);
    if (i.line !== undefined) {
      expect(Number.isInteger(i.line) && i.line >= 1).toBe(true);
      expect(Number.isInteger(i.column) && i.column! >= 1).toBe(true);
    }
  }
}

/** Asserts that every number in a plain value is finite (null stands for "not defined"). */
export function expectFiniteNumbers(value: unknown, where: string): void {
  if (typeof value === 'number') expect(Number.isFinite(value), `${where} is ${value}`).toBe(true);
  else if (Array.isArray(value)) value.forEach((v, i) => expectFiniteNumbers(v, `${where}[${i}]`));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) expectFiniteNumbers(v, `${where}.${k}`);
}
