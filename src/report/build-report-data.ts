import type { RunResult } from '../engine/simulate.ts';
import { PARAMETERS } from '../model/parameters.ts';
import { dateLabel } from '../scenario/calendar.ts';
import type { Scenario } from '../scenario/types.ts';
import type { NetworkData, ReplicationData, ReportData } from './report-data.ts';

/** Returns the steps at which the network is drawn: start, thirds of the run, end. */
export function networkSteps(steps: number): number[] {
  return [...new Set([0, Math.round((steps - 1) / 3), Math.round((2 * (steps - 1)) / 3), steps - 1])];
}

/** Collects the network at chosen steps from a run's trust snapshots: mutual cross-side trust per pair. */
export function networkData(result: RunResult): NetworkData | undefined {
  if (!result.trust) return undefined;
  const { model } = result;
  const scenario = model.scenario;
  const N = model.N;
  const wanted = new Set(networkSteps(model.steps));
  const agents = scenario.agents.map((a) => ({ id: a.id, name: a.name, kind: a.kind, side: a.side >= 0 ? scenario.states[a.side].id : 'neutral' }));
  const snapshots = result.trust
    .filter((s) => wanted.has(s.step))
    .map((s) => {
      const edges: { from: string; to: string; trust: number }[] = [];
      for (let i = 0; i < N; i++) {
        for (let j = i + 1; j < N; j++) {
          const si = model.side[i];
          const sj = model.side[j];
          if (si < 0 || sj < 0 || model.rivalry[si * model.S + sj] <= 0) continue;
          edges.push({ from: agents[i].id, to: agents[j].id, trust: (s.trust[i * N + j] + s.trust[j * N + i]) / 2 });
        }
      }
      return { date: dateLabel(scenario.calendar, s.step), edges };
    });
  return { agents, snapshots };
}

/** Builds a report's data from a run in memory (and, for `--runs`, its replication bands). */
export function buildReportData(
  result: RunResult,
  meta: { command: string; version: string },
  replications?: ReplicationData,
): ReportData {
  const { model, series, summary } = result;
  const scenario: Scenario = model.scenario;
  const ids = scenario.states.map((s) => s.id);
  const net = networkData(result);
  return {
    title: scenario.name,
    description: scenario.description,
    sources: scenario.sources,
    seed: result.seed,
    command: meta.command,
    version: meta.version,
    calendarStep: scenario.calendar.step,
    states: scenario.states.map((s) => ({ id: s.id, name: s.name })),
    rivalPairs: model.rivalPairs.map(([s, r]) => `${ids[s]}>${ids[r]}`),
    thresholds: { crisis: result.model.parameters['hostility.crisis'], war: result.model.parameters['hostility.war'] },
    dates: series.dates,
    columns: series.columns,
    summary,
    ledger: result.ledger
      ? result.ledger.delta.map((delta, k) => ({
          step: result.ledger!.step[k],
          date: series.dates[result.ledger!.step[k]],
          cause: model.causes[result.ledger!.cause[k]].id,
          causeKind: model.causes[result.ledger!.cause[k]].kind,
          target: result.ledger!.targets[result.ledger!.target[k]],
          delta,
        }))
      : [],
    log: result.log.map((e) => ({ ...e, date: series.dates[e.step] })),
    parameters: PARAMETERS.map((p) => {
      const v = scenario.parameters[p.path];
      return {
        path: p.path,
        value: v === undefined ? p.default : typeof v === 'number' ? v : v.source,
        default: p.default,
        ...(scenario.parameterOrigins[p.path] ? { setIn: scenario.parameterOrigins[p.path] } : {}),
        description: p.description,
      };
    }),
    timeline: timelineOf(scenario),
    ...(net ? { network: net } : {}),
    ...(replications ? { replications } : {}),
  };
}

/** Returns the scheduled events of a scenario as rows for the report's event list. */
export function timelineOf(scenario: Scenario): ReportData['timeline'] {
  const cal = scenario.calendar;
  return scenario.events.map((e) => ({
    id: e.id,
    label: e.label,
    kind: e.kind,
    dates:
      e.steps.length === 0 ? '' :
      e.steps.length === 1 ? dateLabel(cal, e.steps[0]) :
      `${dateLabel(cal, e.steps[0])} … ${dateLabel(cal, e.steps[e.steps.length - 1])} (${e.steps.length}×)`,
    ...(e.source ? { source: e.source } : {}),
    enabled: e.enabled,
  }));
}
