import type { Argv } from 'yargs';
import { compileModel } from '../../engine/model.ts';
import { replicate } from '../../engine/replicate.ts';
import { join } from 'node:path';
import { simulate, type RunResult } from '../../engine/simulate.ts';
import { buildReportData, networkData, networkSteps } from '../../report/build-report-data.ts';
import { MAX_SNAPSHOT_AGENTS } from '../../engine/simulate.ts';
import type { ReplicationData } from '../../report/report-data.ts';
import { BandCollector } from '../../stats/quantile-bands.ts';
import type { OutputFile } from '../../io/write-output-dir.ts';
import { toCsv } from '../../io/csv.ts';
import { manifest, PACKAGE_VERSION, runFiles, withOutputList } from '../../io/run-files.ts';
import { writeOutputDir } from '../../io/write-output-dir.ts';
import { summarizeReplications } from '../../stats/summarize-replications.ts';
import { UserError } from '../errors.ts';
import { formatRunSummary } from '../format-summary.ts';
import { formatNumber, formatTable } from '../format-table.ts';
import { pick } from '../options.ts';
import { checkRuns, commandLine, defaultOutDir, loadOrFail, seedFor, stepsFor } from '../shared.ts';

export const runCommand = {
  command: 'run <scenario>',
  describe: 'Run a scenario and write its series, summary, ledger and manifest',
  builder: (y: Argv) =>
    y
      .positional('scenario', { type: 'string', demandOption: true, describe: 'a scenario file, or the name of a shipped one' })
      .options(pick('seed', 'until', 'steps', 'set', 'out', 'runs', 'force', 'trust-every', 'report', 'json', 'limit', 'allow-path'))
      .example('$0 run india-pakistan --report', 'run the shipped India–Pakistan scenario and draw its report')
      .example('$0 run korean-peninsula --seed 7 --until 2010-12', 'a different seed, stopping at the end of 2010')
      .example('$0 run india-pakistan --set states.PK.receptivity=0.8 --out reports/receptive-pk', 'a what-if, written to its own folder')
      .example('$0 run classroom --runs 100', '100 replications and a summary across them'),
  handler: (args: RunArgs) => runHandler(args),
};

export interface RunArgs {
  scenario: string;
  seed?: number;
  until?: string;
  steps?: number;
  set?: string[];
  out?: string;
  runs?: number;
  force: boolean;
  'trust-every'?: number;
  report: boolean;
  json: boolean;
  argv: string[];
}

export async function runHandler(args: RunArgs): Promise<void> {
  const loaded = loadOrFail(args.scenario, args.set ?? []);
  const { scenario } = loaded;
  const steps = stepsFor(scenario, args.until, args.steps);
  const seed = seedFor(scenario, args.seed);
  const runs = checkRuns(args.runs, 1);
  const trustEvery = args['trust-every'];
  if (trustEvery !== undefined && (!Number.isInteger(trustEvery) || trustEvery < 1)) {
    throw new UserError('USAGE', `--trust-every expects a whole number of steps ≥ 1, found ${trustEvery}`);
  }
  const out = args.out ?? defaultOutDir(loaded.files[0].file);
  const command = commandLine(args.argv);
  const model = compileModel(scenario, steps);
  // A snapshot is the full N×N matrix: past MAX_SNAPSHOT_AGENTS it would take gigabytes.
  if (trustEvery !== undefined && model.N > MAX_SNAPSHOT_AGENTS) {
    throw new UserError('USAGE', `--trust-every writes every pair's trust, ${model.N}² pairs for this scenario's ${model.N} agents; it is available up to ${MAX_SNAPSHOT_AGENTS} agents`, 'drop --trust-every; series.csv holds the aggregate trust of each state pair');
  }
  const trustSteps = model.N <= MAX_SNAPSHOT_AGENTS ? networkSteps(steps) : [];
  const meta = { command, version: PACKAGE_VERSION };
  const common = (result: RunResult): OutputFile[] => {
    const network = networkData(result);
    return [
      { name: 'scenario.json', content: JSON.stringify(loaded.document, null, 2) + '\n' },
      ...(network ? [{ name: 'network.json', content: JSON.stringify(network) + '\n' }] : []),
    ];
  };

  if (runs === 1) {
    const result = simulate(model, { seed, trustSteps, ...(trustEvery ? { trustEvery } : {}) });
    const files = [...runFiles(result, loaded, command, trustEvery !== undefined), ...common(result)];
    if (args.report) files.push(...(await drawReport(buildReportData(result, meta))));
    writeOutputDir(out, withOutputList(files), args.force);
    if (args.json) console.log(JSON.stringify(result.summary, null, 2));
    else console.log(`${formatRunSummary(result)}\n\nOutputs written to ${out}/ (series.csv, series.json, summary.json, ledger.csv, events.csv, manifest.json, scenario.json${trustSteps.length ? ', network.json' : ''}${trustEvery ? ', trust.csv' : ''})${args.report ? `\nReport: ${join(out, 'report.html')} (open it in a browser; charts also as .svg, .png and editable .vl.json)` : ''}`);
    return;
  }

  const bandColumns = [...scenario.states.map((s) => `hostility:${s.id}`), 'trackI', 'trackII'];
  const collectors = new Map(bandColumns.map((c) => [c, new BandCollector(steps, runs)]));
  const { rows, first } = replicate(model, seed, runs, { ledger: true, trustSteps, ...(trustEvery ? { trustEvery } : {}) }, (_, series) => {
    for (const [c, collector] of collectors) collector.add(series.columns[c]);
  });
  const across = summarizeReplications(rows);
  const bands: ReplicationData = { runs, bands: Object.fromEntries([...collectors].map(([c, k]) => [c, k.bands()])), outcomes: across.outcomes };
  const metricNames = Object.keys(rows[0].metrics);
  const files = runFiles(first!, loaded, command, trustEvery !== undefined).filter((f) => f.name !== 'manifest.json');
  files.push(
    ...common(first!),
    { name: 'bands.json', content: JSON.stringify(bands) + '\n' },
    { name: 'runs.csv', content: toCsv(['replicate', 'seed', 'outcome', ...metricNames], rows.map((r) => [r.replicate, r.seed, r.summary.outcome, ...metricNames.map((n) => r.metrics[n])])) },
    { name: 'replications.json', content: JSON.stringify(across, null, 2) + '\n' },
    { name: 'manifest.json', content: JSON.stringify(manifest(first!, loaded, command, { runs, replicateSeeds: rows.map((r) => r.seed) }), null, 2) + '\n' },
  );
  if (args.report) files.push(...(await drawReport(buildReportData(first!, meta, bands))));
  writeOutputDir(out, withOutputList(files), args.force);
  if (args.json) {
    console.log(JSON.stringify(across, null, 2));
    return;
  }
  console.log(`${scenario.name}: ${runs} replications from seed ${seed}, ${first!.summary.start} to ${first!.summary.end}`);
  console.log(`Outcomes: ${Object.entries(across.outcomes).map(([o, p]) => `${o} ${formatNumber(100 * p, 0)}%`).join(', ')}\n`);
  console.log(formatTable(['metric', 'mean', 'sd', '95% CI low', '95% CI high'], Object.entries(across.metrics).map(([n, m]) => [n, m.mean, m.sd, m.ci95[0], m.ci95[1]])));
  console.log(`\nOutputs written to ${out}/ (runs.csv, replications.json, bands.json, and the full outputs of replicate 0 with seed ${seed})${args.report ? `\nReport: ${join(out, 'report.html')}` : ''}`);
}

/** Loads the renderer only when a report is asked for: vega and resvg take a while to load. */
async function drawReport(data: Parameters<typeof import('../../render/report-files.ts').reportFiles>[0]): Promise<OutputFile[]> {
  const { reportFiles } = await import('../../render/report-files.ts');
  return reportFiles(data);
}
