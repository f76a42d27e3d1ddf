import { describe, expect, it } from 'vitest';
import { compileModel } from '../../src/engine/model.ts';
import { simulate } from '../../src/engine/simulate.ts';
import { runFiles } from '../../src/io/run-files.ts';
import { loadScenario } from '../../src/io/load-scenario.ts';
import { PARAMETERS } from '../../src/model/parameters.ts';
import { networkData, networkSteps } from '../../src/report/build-report-data.ts';
import type { ComposeResult } from '../../src/scenario/compose-scenario.ts';
import { resolveScenario } from '../../src/scenario/resolve-scenario.ts';
import { applySet } from '../../src/scenario/set-path.ts';
import { expectFiniteNumbers } from '../scenario/fuzz-helpers.ts';

/*
 * Every model parameter at the ends of its range (0, 1, very large rates), one at a time and all
 * together, on the classroom and India–Pakistan scenarios: no output — series, summary, ledger,
 * events, network — may hold NaN or Infinity. Means over no pairs are the one exception by design
 * (an empty CSV field, null in JSON), and the scenarios here have every kind of pair.
 */

const BASES = Object.fromEntries(['classroom', 'india-pakistan'].map((name) => [name, loadScenario(name)]));

/** Builds a scenario from a loaded one with assignments, without reading or parsing the file again. */
function variant(base: ComposeResult, sets: string[]): ComposeResult {
  let doc = base.document;
  for (const s of sets) {
    const r = applySet(doc, s);
    expect(r.issues, s).toEqual([]);
    doc = r.doc;
  }
  const resolved = resolveScenario(doc);
  expect(resolved.issues, sets.join(' ')).toEqual([]);
  return { ...base, scenario: resolved.scenario!, document: doc, issues: [] };
}

/** Runs a scenario and checks every output, in memory and as the files `detente run` writes. */
function expectFiniteOutputs(loaded: ComposeResult, label: string, steps?: number): void {
  const model = compileModel(loaded.scenario!, steps);
  const result = simulate(model, { seed: 7, trustSteps: networkSteps(model.steps) });
  for (const [name, column] of Object.entries(result.series.columns)) {
    for (let t = 0; t < column.length; t++) expect(Number.isFinite(column[t]), `${label}: ${name}[${t}] = ${column[t]}`).toBe(true);
  }
  expectFiniteNumbers(result.summary, `${label}: summary`);
  for (const d of result.ledger!.delta) expect(Number.isFinite(d), `${label}: a ledger delta is ${d}`).toBe(true);
  for (const e of result.log) {
    expect(e.outcome, `${label}: ${e.id}`).not.toBe('not-a-number');
    for (const v of [e.severity, e.cost]) if (v !== undefined) expect(Number.isFinite(v), `${label}: event ${e.id}`).toBe(true);
  }
  expectFiniteNumbers(networkData(result), `${label}: network`);
  for (const file of runFiles(result, loaded, 'test')) {
    expect(String(file.content), `${label}: ${file.name}`).not.toMatch(/\bNaN\b|\bInfinity\b/);
    // NaN would slip into a CSV as an empty field; these scenarios have every kind of pair, so no series is empty
    if (file.name === 'series.csv') expect(String(file.content), `${label}: series.csv`).not.toMatch(/,,|,\n/);
  }
}

const extremes = PARAMETERS.flatMap((p) => [
  [p.path, p.min],
  [p.path, p.max],
] as [string, number][]);

describe('parameters at the ends of their ranges', () => {
  for (const [name, base] of Object.entries(BASES)) {
    // India–Pakistan one parameter at a time over its first 150 months (to mid-2002: the nuclear
    // tests, Kargil, Agra), to keep the suite fast; at once over the whole calendar below.
    const steps = name === 'india-pakistan' ? 150 : undefined;
    it(`${name}: each parameter at its minimum and at its maximum`, () => {
      for (const [path, value] of extremes) {
        // the war threshold may not sit below the crisis one: move both together at the top
        const sets = path === 'hostility.crisis' && value > 2 ? [`hostility.war=${value}`, `${path}=${value}`] : path === 'hostility.war' && value === 0 ? ['hostility.crisis=0', `${path}=0`] : [`${path}=${value}`];
        expectFiniteOutputs(variant(base, sets), `${name} ${sets.join(' ')}`, steps);
      }
    });
    it(`${name}: every parameter at its minimum, then every one at its maximum`, () => {
      expectFiniteOutputs(variant(base, PARAMETERS.map((p) => `${p.path}=${p.min}`)), `${name} all at min`);
      expectFiniteOutputs(variant(base, PARAMETERS.map((p) => `${p.path}=${p.max}`)), `${name} all at max`);
    });
  }

  it('classroom: agents, events and random sources at the ends of theirs (access, skill, rate 10⁶, weight 100)', () => {
    const base = BASES.classroom;
    const doc = base.document as { agents: { id: string }[]; stochastic: { id: string }[] };
    const sets = [
      ...doc.agents.flatMap((a) => (a.id === 'lakeland' ? [`agents[${a.id}].skill=1`] : a.id.endsWith('envoy') ? [] : [`agents[${a.id}].access=1`, `agents[${a.id}].credibility=1`])),
      ...doc.stochastic.flatMap((s) => [`stochastic[${s.id}].rate=1000000`, `stochastic[${s.id}].severity=1`]),
      'rivalries[0].weight=100',
      'states.ARL.hostility=1000000',
      'states.ARL.grievance=-100',
      'states.BOR.grievance=100',
      'states.BOR.receptivity=1',
      'trust.default=1',
      'trust.within=0',
    ];
    expectFiniteOutputs(variant(base, sets), 'classroom extremes');
    expectFiniteOutputs(variant(base, [...sets, ...PARAMETERS.map((p) => `${p.path}=${p.max}`)]), 'classroom extremes, parameters at max');
  });
});
