import { createHash } from 'node:crypto';
import { dateLabel } from '../scenario/calendar.ts';
import { PARAMETERS } from '../model/parameters.ts';
import type { RunResult } from '../engine/simulate.ts';
import type { ComposeResult } from '../scenario/compose-scenario.ts';
import { toCsv } from './csv.ts';
import type { OutputFile } from './write-output-dir.ts';

export const PACKAGE_VERSION: string = (await import('../../package.json', { with: { type: 'json' } })).default.version;

/** Returns the SHA-256 of a text, hex. */
export function sha256(text: string | Uint8Array): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Returns JSON with sorted keys, so equal documents hash equally whatever their key order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** What reproduces a run: the scenario's content, seed, every parameter, version and command line. */
export function manifest(result: RunResult, loaded: ComposeResult, command: string, extra: Record<string, unknown> = {}) {
  const { model } = result;
  const scenario = model.scenario;
  return {
    tool: { name: 'detente-sim', version: PACKAGE_VERSION },
    command,
    scenario: {
      name: scenario.name,
      file: loaded.files[0]?.file,
      contentHash: sha256(canonicalJson(loaded.document)),
      files: loaded.files.map((f) => ({ file: f.file, sha256: sha256(f.text) })),
    },
    seed: result.seed,
    steps: model.steps,
    start: dateLabel(scenario.calendar, 0),
    end: dateLabel(scenario.calendar, model.steps - 1),
    mechanisms: scenario.mechanisms,
    parameters: Object.fromEntries(
      PARAMETERS.map((p) => {
        const v = scenario.parameters[p.path];
        const value = v === undefined ? p.default : typeof v === 'number' ? v : v.source;
        return [p.path, { value, default: p.default, ...(scenario.parameterOrigins[p.path] ? { setIn: scenario.parameterOrigins[p.path] } : {}) }];
      }),
    ),
    states: Object.fromEntries(
      scenario.states.map((s, i) => [
        s.id,
        Object.fromEntries(
          Object.entries(s.attributes).map(([a, v]) => [a, typeof v === 'object' ? v.source : model.attributes[a as keyof typeof model.attributes][i]]),
        ),
      ]),
    ),
    ...extra,
  };
}

/** Returns the output files of one run: series, summary, ledger, events, manifest and optional pairwise trust. */
export function runFiles(result: RunResult, loaded: ComposeResult, command: string, withTrust = false): OutputFile[] {
  const { series, model } = result;
  const names = Object.keys(series.columns);
  const seriesRows = series.dates.map((d, t) => [d, t, ...names.map((n) => series.columns[n][t])]);
  const files: OutputFile[] = [
    { name: 'series.csv', content: toCsv(['date', 'step', ...names], seriesRows) },
    {
      name: 'series.json',
      content: JSON.stringify({ dates: series.dates, columns: Object.fromEntries(names.map((n) => [n, Array.from(series.columns[n])])) }) + '\n',
    },
    { name: 'summary.json', content: JSON.stringify(result.summary, null, 2) + '\n' },
    {
      name: 'events.csv',
      content: toCsv(
        ['step', 'date', 'id', 'kind', 'label', 'outcome', 'severity', 'cost', 'cause'],
        result.log.map((e) => [e.step, series.dates[e.step], e.id, e.kind, e.label, e.outcome, e.severity, e.cost, e.cause]),
      ),
    },
    { name: 'manifest.json', content: JSON.stringify(manifest(result, loaded, command), null, 2) + '\n' },
  ];
  const ledger = result.ledger;
  if (ledger) {
    const rows = ledger.delta.map((delta, k) => {
      const cause = model.causes[ledger.cause[k]];
      return [ledger.step[k], series.dates[ledger.step[k]], cause.id, cause.kind, ledger.targets[ledger.target[k]], delta];
    });
    files.push({ name: 'ledger.csv', content: toCsv(['step', 'date', 'cause', 'causeKind', 'target', 'delta'], rows) });
  }
  if (withTrust && result.trust) {
    const ids = model.scenario.agents.map((a) => a.id);
    const N = model.N;
    const rows: unknown[][] = [];
    for (const snap of result.trust) {
      for (let i = 0; i < N; i++) for (let j = 0; j < N; j++) if (i !== j) rows.push([snap.step, series.dates[snap.step], ids[i], ids[j], snap.trust[i * N + j]]);
    }
    files.push({ name: 'trust.csv', content: toCsv(['step', 'date', 'from', 'to', 'trust'], rows) });
  }
  return files;
}

/**
 * Returns the files with the manifest completed by the list of every other file, its size and
 * SHA-256, so anyone can check that an output folder is whole and unchanged.
 */
export function withOutputList(files: readonly OutputFile[]): OutputFile[] {
  const others = files.filter((f) => f.name !== 'manifest.json');
  const manifestFile = files.find((f) => f.name === 'manifest.json');
  if (!manifestFile) return [...files];
  const outputs = others.map((f) => ({ file: f.name, bytes: typeof f.content === 'string' ? Buffer.byteLength(f.content) : f.content.length, sha256: sha256(f.content) }));
  const manifest = { ...(JSON.parse(String(manifestFile.content)) as Record<string, unknown>), outputs };
  return [...others, { name: 'manifest.json', content: JSON.stringify(manifest, null, 2) + '\n' }];
}
