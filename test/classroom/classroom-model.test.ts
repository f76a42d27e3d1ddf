import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { composeBundle, type ClassroomBundle } from '../../src/classroom/classroom-bundle.ts';
import { decodeSettings, encodeSettings, runCommand, settingsSets, type ClassroomSettings } from '../../src/classroom/classroom-settings.ts';
import { pageModel } from '../../src/classroom/page-model.ts';
import { runPage } from '../../src/classroom/run-page.ts';
import { seriesCsv } from '../../src/classroom/series-csv.ts';
import { controlSets, teachingControls, type TeachingControl } from '../../src/classroom/teaching-controls.ts';
import { timelineEntries } from '../../src/classroom/timeline-entries.ts';
import { simulate } from '../../src/engine/simulate.ts';
import { loadScenario } from '../../src/io/load-scenario.ts';
import { runFiles } from '../../src/io/run-files.ts';

/** A bundle as `detente classroom` makes it: the files the CLI read and its --set assignments. */
function bundleOf(name: string, sets: string[] = []): ClassroomBundle {
  const loaded = loadScenario(name, sets);
  if (!loaded.scenario) throw new Error(JSON.stringify(loaded.issues));
  return { scenarioArg: name, files: loaded.files, sets, seed: 1, version: 'test' };
}

const classroom = bundleOf('classroom');
const scenario = composeBundle(classroom).scenario!;
const controls = teachingControls(scenario);
const timeline = timelineEntries(scenario);
const control = (id: string) => controls.find((c) => c.id === id)!;

describe('teachingControls(scenario)', () => {
  it('offers each government\'s receptivity, access, dialogue, shocks, forgetting and the confidence bound at the scenario\'s values', () => {
    expect(controls.map((c) => [c.id, c.baseline])).toEqual([
      ['receptivity.ARL', 0.6],
      ['receptivity.BOR', 0.4],
      ['access', 1],
      ['dialogue', 1],
      ['shocks', 1],
      ['forgetting', 0.1],
      ['epsilon', 0.3],
    ]);
    expect(controls.every((c) => c.inert === undefined)).toBe(true);
  });

  it('controlSets scales access (capped at 1), divides dialogue intervals and multiplies random rates', () => {
    // classroom.yaml: access 0.3, 0.7, 0.2 (Arland) and 0.3, 0.7, 0.5 (Borovia); workshop every 6, talks every 4; incidents 0.2 a year
    expect(controlSets(control('access'), 1.5)).toEqual([
      'agents.arl-prof.access=0.45',
      'agents.arl-general.access=1',
      'agents.arl-ngo.access=0.3',
      'agents.bor-prof.access=0.45',
      'agents.bor-diplomat.access=1',
      'agents.bor-business.access=0.75',
    ]);
    expect(controlSets(control('dialogue'), 2)).toEqual(['events.workshop.every=3', 'events.talks-2005.every=2']);
    expect(controlSets(control('dialogue'), 0.25)).toEqual(['events.workshop.every=24', 'events.talks-2005.every=16']);
    expect(controlSets(control('shocks'), 0.5)).toEqual(['stochastic.incidents.rate=0.1']);
    expect(controlSets(control('receptivity.BOR'), 0.9)).toEqual(['states.BOR.receptivity=0.9']);
    expect(controlSets(control('epsilon'), 0.5)).toEqual(['transfer.epsilon=0.5']);
  });

  it('gives a state without its own receptivity the state.receptivity parameter', () => {
    const twoStates = (sets: string[]) => teachingControls(composeBundle(bundleOf('test/fixtures/hostile-names.yaml', sets)).scenario!).filter((c) => c.id.startsWith('receptivity.')).map((c) => c.baseline);
    expect(twoStates([])).toEqual([0.5, 0.5]);
    expect(twoStates(['state.receptivity=0.7', 'states.B.receptivity=0.2'])).toEqual([0.7, 0.2]);
  });

  it('says when a scenario has nothing for a control to act on', () => {
    const bare = composeBundle(classroom, ['stochastic=[]']).scenario!;
    expect(teachingControls(bare).find((c) => c.id === 'shocks')!.inert).toBe('this scenario has no random shock sources');
  });
});

describe('timelineEntries(scenario)', () => {
  it('lists scheduled events by date with their dates in words, then random sources', () => {
    expect(timeline.map((e) => [e.key, e.when, e.group, e.enabled])).toEqual([
      ['events.workshop', '2001-03 to 2009-09, every 6 months', 'dialogue', true],
      ['events.border-clash', '2003-06', 'shock', true],
      ['events.talks-2005', '2005-01 to 2008-09, every 4 months', 'dialogue', true],
      ['events.bor-election', '2006-04', 'change', true],
      ['stochastic.incidents', 'random, 0.2 a year', 'shock', true],
    ]);
  });
});

describe('pageModel(scenario)', () => {
  it('gives the page its states, thresholds, dates as UTC times, controls and events', () => {
    const model = pageModel(scenario);
    expect(model.states).toEqual([{ id: 'ARL', name: 'Arland' }, { id: 'BOR', name: 'Borovia' }]);
    expect(model.thresholds).toEqual({ crisis: 1, war: 2 });
    expect(model.dates).toHaveLength(120);
    expect([model.dates[0], model.dates[119]]).toEqual(['2000-01', '2009-12']);
    expect([model.times[0], model.times[119]]).toEqual([Date.UTC(2000, 0, 1), Date.UTC(2009, 11, 1)]);
    expect(model.controls).toEqual(controls);
    expect(model.timeline).toEqual(timeline);
    // Plain data: it survives JSON, as it must to be written into the page.
    expect(JSON.parse(JSON.stringify(model))).toEqual(model);
  });
});

describe('classroom settings', () => {
  const settings: ClassroomSettings = { seed: 7, values: { 'receptivity.BOR': 0.9, dialogue: 2 }, switched: ['events.border-clash'] };

  it('settingsSets turns settings into --set assignments, controls first, then switched events', () => {
    expect(settingsSets(controls, timeline, settings)).toEqual([
      'states.BOR.receptivity=0.9',
      'events.workshop.every=3',
      'events.talks-2005.every=2',
      'events.border-clash.enabled=false',
    ]);
    expect(runCommand('classroom', 7, ['events.border-clash.enabled=false', 'name=A b'])).toBe("detente run classroom --seed 7 --set events.border-clash.enabled=false --set 'name=A b'");
  });

  it('encodes into a readable hash and decodes back', () => {
    expect(encodeSettings(settings)).toBe('#seed=7&receptivity.BOR=0.9&dialogue=2&switch=events.border-clash');
    expect(decodeSettings(encodeSettings(settings), controls, timeline, 1)).toEqual({ settings, problems: [] });
  });

  it('round-trips any settings within the controls\' ranges', () => {
    const value = (c: TeachingControl) => fc.double({ min: c.min, max: c.max, noNaN: true }).filter((v) => v !== c.baseline && !Object.is(v, -0));
    const arbitrary = fc.record({
      seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
      values: fc.record(Object.fromEntries(controls.map((c) => [c.id, value(c)])), { requiredKeys: [] }) as fc.Arbitrary<Record<string, number>>,
      switched: fc.subarray(timeline.map((e) => e.key)),
    });
    fc.assert(fc.property(arbitrary, (s) => {
      const back = decodeSettings(encodeSettings(s), controls, timeline, 1);
      expect(back.problems).toEqual([]);
      expect(back.settings).toEqual(s);
    }), { seed: 42 });
  });

  it('reports what it cannot use from a link and keeps the rest', () => {
    const { settings: s, problems } = decodeSettings('#seed=-3&epsilon=7&forgetting=0.5&bogus=1&switch=events.nope,events.workshop', controls, timeline, 4);
    expect(s).toEqual({ seed: 4, values: { forgetting: 0.5 }, switched: ['events.workshop'] });
    expect(problems).toEqual([
      'seed "-3" is not a whole number from 0 to 4294967295',
      'Confidence bound: "7" is outside 0–1',
      'no setting "bogus" on this page',
      'no event "events.nope" in this scenario',
    ]);
  });
});

describe('runPage(bundle, sets, seed)', () => {
  it('gives the same summary and series as a CLI run with the same --set assignments', () => {
    const sets = ['states.BOR.receptivity=0.9', 'events.workshop.every=3', 'events.border-clash.enabled=false'];
    const page = runPage(classroom, sets, 5).run!;
    const loaded = loadScenario('classroom', sets);
    const cli = simulate(loaded.scenario!, { seed: 5 });
    expect(page.summary).toEqual(cli.summary);
    expect(seriesCsv(page.dates, page.columns)).toBe(runFiles(cli, loaded, 'detente').find((f) => f.name === 'series.csv')!.content);
    expect(page.summary).not.toEqual(runPage(classroom, [], 5).run!.summary);
  });

  it('follows a scenario\'s extends chain and the bundle\'s own --set assignments', () => {
    const dir = mkdtempSync(join(tmpdir(), 'detente-classroom-'));
    const base = join(dir, 'base.yaml');
    writeFileSync(base, loadScenario('classroom').files[0].text);
    writeFileSync(join(dir, 'variant.yaml'), 'extends: base.yaml\nname: Variant\nparameters: { transfer.mu: 2 }\n');
    const bundle = bundleOf(join(dir, 'variant.yaml'), ['states.ARL.receptivity=0.2']);
    expect(bundle.files).toHaveLength(2);
    const page = runPage(bundle, [], 3).run!;
    const cli = simulate(loadScenario(join(dir, 'variant.yaml'), ['states.ARL.receptivity=0.2']).scenario!, { seed: 3 });
    expect(page.summary).toEqual(cli.summary);
    expect(page.summary.scenario).toBe('Variant');
  });

  it('returns the scenario\'s issues when the assignments make it invalid', () => {
    const { run, issues } = runPage(classroom, ['states.BOR.receptivity=2'], 1);
    expect(run).toBeUndefined();
    expect(issues.map((i) => i.path.join('.'))).toEqual(['states.1.receptivity']);
  });

  it('refuses a bundle whose files do not match the scenario\'s extends chain', () => {
    const bundle = bundleOf('classroom');
    const broken = { ...bundle, files: [{ file: bundle.files[0].file, text: 'extends: other.yaml\nname: X\n' }] };
    expect(composeBundle(broken).issues[0].message).toContain('the page holds no file "other.yaml"');
  });
});

describe('composeBundle with raised limits', () => {
  it('loads in the page what the CLI loaded with --limit, and refuses it without', () => {
    const loaded = loadScenario('classroom', [], { limits: { agents: 10 } });
    expect(loaded.scenario).toBeUndefined();
    const bundle = bundleOf('classroom');
    expect(composeBundle({ ...bundle, limits: { agents: 10 } }).issues[0].message).toMatch(/agents/);
    expect(composeBundle({ ...bundle, limits: { agents: 100 } }).scenario).toBeDefined();
  });
});
