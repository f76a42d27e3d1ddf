import { parse } from 'csv-parse/sync';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../cli/errors.ts';
import type { RunSummary } from '../engine/summarize-run.ts';
import { PARAMETER_BY_PATH } from '../model/parameters.ts';
import type { NetworkData, ReplicationData, ReportData } from '../report/report-data.ts';
import { timelineOf } from '../report/build-report-data.ts';
import { resolveScenario } from '../scenario/resolve-scenario.ts';

const REQUIRED = ['series.json', 'summary.json', 'ledger.csv', 'events.csv', 'manifest.json', 'scenario.json'];

/** Reads an earlier run's output folder back into report data, so `report <dir>` redraws it. */
export function readRunDir(dir: string): ReportData {
  const missing = REQUIRED.filter((f) => !existsSync(join(dir, f)));
  if (missing.length) {
    throw new UserError('NOT_A_RUN_FOLDER', `${dir} is not the output folder of a run: ${missing.join(', ')} missing`, 'give a folder written by `detente run`, e.g. reports/india-pakistan');
  }
  const read = (f: string) => readFileSync(join(dir, f), 'utf8');
  const json = <T>(f: string): T => JSON.parse(read(f)) as T;
  const series = json<{ dates: string[]; columns: Record<string, number[]> }>('series.json');
  const summary = json<RunSummary>('summary.json');
  const manifest = json<{ command: string; tool: { version: string }; seed: number; parameters: Record<string, { value: number | string; default: number; setIn?: string }> }>('manifest.json');
  const resolved = resolveScenario(json<unknown>('scenario.json'));
  if (!resolved.scenario) throw new UserError('BAD_RUN_FOLDER', `${dir}/scenario.json does not hold a valid scenario: ${resolved.issues[0]?.message}`);
  const scenario = resolved.scenario;
  const S = scenario.states.length;
  const ids = scenario.states.map((s) => s.id);
  const rivalPairs: string[] = [];
  for (let s = 0; s < S; s++) for (let r = 0; r < S; r++) if (s !== r && scenario.rivalry[s * S + r] > 0) rivalPairs.push(`${ids[s]}>${ids[r]}`);
  const num = (v: string) => (v === '' ? undefined : Number(v));
  const ledger = (parse(read('ledger.csv'), { columns: true }) as Record<string, string>[]).map((r) => ({ step: Number(r.step), date: r.date, cause: r.cause, causeKind: r.causeKind, target: r.target, delta: Number(r.delta) }));
  const log = (parse(read('events.csv'), { columns: true }) as Record<string, string>[]).map((r) => ({
    step: Number(r.step), date: r.date, id: r.id, kind: r.kind, label: r.label, outcome: r.outcome,
    ...(num(r.severity) !== undefined ? { severity: num(r.severity) } : {}),
    ...(num(r.cost) !== undefined ? { cost: num(r.cost) } : {}),
    ...(r.cause ? { cause: r.cause } : {}),
  }));
  const value = (path: string) => Number(manifest.parameters[path]?.value ?? PARAMETER_BY_PATH.get(path)!.default);
  return {
    title: scenario.name,
    description: scenario.description,
    sources: scenario.sources,
    seed: manifest.seed,
    command: manifest.command,
    version: manifest.tool.version,
    calendarStep: scenario.calendar.step,
    states: scenario.states.map((s) => ({ id: s.id, name: s.name })),
    rivalPairs,
    thresholds: { crisis: value('hostility.crisis'), war: value('hostility.war') },
    dates: series.dates,
    columns: series.columns,
    summary,
    ledger,
    log,
    parameters: Object.entries(manifest.parameters).map(([path, p]) => ({ path, value: p.value, default: p.default, ...(p.setIn ? { setIn: p.setIn } : {}), description: PARAMETER_BY_PATH.get(path)?.description ?? '' })),
    timeline: timelineOf(scenario),
    ...(existsSync(join(dir, 'network.json')) ? { network: json<NetworkData>('network.json') } : {}),
    ...(existsSync(join(dir, 'bands.json')) ? { replications: json<ReplicationData>('bands.json') } : {}),
  };
}
