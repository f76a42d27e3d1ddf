import type { Argv } from 'yargs';
import { compileModel } from '../../engine/model.ts';
import type { RunResult } from '../../engine/simulate.ts';
import { dateLabel } from '../../scenario/calendar.ts';
import type { OutputFile } from '../../io/write-output-dir.ts';
import type { CompareData } from '../../report/compare-charts.ts';
import { BandCollector } from '../../stats/quantile-bands.ts';
import { replicate } from '../../engine/replicate.ts';
import { toCsv } from '../../io/csv.ts';
import { PACKAGE_VERSION } from '../../io/run-files.ts';
import { writeOutputDir } from '../../io/write-output-dir.ts';
import { describePairedDifference, describeSample, type SampleSummary } from '../../stats/describe-sample.ts';
import { OUTCOMES } from '../../engine/summarize-run.ts';
import { UserError } from '../errors.ts';
import { formatNumber, formatTable } from '../format-table.ts';
import { pick } from '../options.ts';
import { checkRuns, commandLine, loadOrFail, seedFor, stepsFor } from '../shared.ts';

export const compareCommand = {
  command: 'compare <scenario>',
  describe: 'Compare a scenario with a counterfactual variant using common random numbers',
  builder: (y: Argv) =>
    y
      .positional('scenario', { type: 'string', demandOption: true, describe: 'the baseline scenario' })
      .options(pick('vs', 'without', 'set', 'runs', 'seed', 'until', 'steps', 'out', 'force', 'report', 'json', 'limit', 'allow-path'))
      .example('$0 compare india-pakistan --without mumbai-2008', 'what if the Mumbai attacks had not happened?')
      .example('$0 compare india-pakistan --set states.PK.receptivity=0.9 --runs 200', 'a more receptive Pakistani government, 200 paired runs')
      .example('$0 compare classroom --vs my-variant.yaml', 'the baseline against another scenario file')
      .example('$0 compare india-pakistan --without kargil --report --out reports/no-kargil', 'also draw compare.html and its charts'),
  handler: (args: CompareArgs) => compareHandler(args),
};

export interface CompareArgs {
  scenario: string;
  vs?: string;
  without?: string[];
  set?: string[];
  runs?: number;
  seed?: number;
  until?: string;
  steps?: number;
  out?: string;
  force: boolean;
  report: boolean;
  json: boolean;
  argv: string[];
}

export interface MetricComparison {
  metric: string;
  baseline: SampleSummary;
  variant: SampleSummary;
  difference: SampleSummary;
}

export async function compareHandler(args: CompareArgs): Promise<void> {
  if (!args.vs && !args.without?.length && !args.set?.length) {
    throw new UserError('USAGE', 'compare needs a variant: --vs <scenario>, --without <eventId> or --set path=value');
  }
  if (args.vs && (args.without?.length || args.set?.length)) {
    throw new UserError('USAGE', 'use --vs on its own; to change the other scenario, write the change into its file');
  }
  const base = loadOrFail(args.scenario);
  const variantSets = [...(args.without ?? []).map((id) => withoutAssignment(base.scenario, id)), ...(args.set ?? [])];
  const variant = args.vs ? loadOrFail(args.vs) : loadOrFail(args.scenario, variantSets);
  const steps = stepsFor(base.scenario, args.until, args.steps);
  const [bc, vc] = [base.scenario.calendar, variant.scenario.calendar];
  if (bc.startDay !== vc.startDay || bc.step !== vc.step) {
    throw new UserError('USAGE', `the variant's calendar (${variant.scenario.document.calendar.start}, by ${vc.step}) differs from the baseline's (${base.scenario.document.calendar.start}, by ${bc.step})`, 'compare scenarios that start on the same date with the same step');
  }
  if (variant.scenario.calendar.steps < steps) throw new UserError('USAGE', 'the variant\'s calendar is shorter than the baseline\'s; use --until to compare a common period');
  const seed = seedFor(base.scenario, args.seed);
  const runs = checkRuns(args.runs, 30);
  if (args.report && !args.out) throw new UserError('USAGE', '--report needs --out DIR: the folder to draw the comparison into');
  // The series compared run by run: each state's hostility and both tracks' trust.
  const columns = [...base.scenario.states.map((s) => `hostility:${s.id}`), 'trackI', 'trackII'];
  const perRun = (side: Map<string, Float64Array[]>) => (_: number, series: RunResult['series']) => {
    for (const c of columns) if (series.columns[c]) (side.get(c) ?? side.set(c, []).get(c)!).push(series.columns[c]);
  };
  const seriesA = new Map<string, Float64Array[]>();
  const seriesB = new Map<string, Float64Array[]>();
  const a = replicate(compileModel(base.scenario, steps), seed, runs, undefined, args.report ? perRun(seriesA) : undefined).rows;
  const b = replicate(compileModel(variant.scenario, steps), seed, runs, undefined, args.report ? perRun(seriesB) : undefined).rows;
  const names = Object.keys(a[0].metrics).filter((n) => n in b[0].metrics);
  const comparisons: MetricComparison[] = names.map((metric) => {
    const xa = a.map((r) => r.metrics[metric]);
    const xb = b.map((r) => r.metrics[metric]);
    return { metric, baseline: describeSample(xa), variant: describeSample(xb), difference: describePairedDifference(xa, xb) };
  });
  const variantName = args.vs ? variant.files[0].file : [...(args.without ?? []).map((id) => `without ${id}`), ...(args.set ?? [])].join(', ');
  const files: OutputFile[] = [];
  if (args.report) {
    const { compareReportFiles } = await import('../../render/compare-report.ts');
    const dates = Array.from({ length: steps }, (_, t) => dateLabel(base.scenario.calendar, t));
    const names = new Map(base.scenario.states.map((s) => [`hostility:${s.id}`, `Hostility of ${s.name}`]));
    names.set('trackI', 'Track I cross-side trust');
    names.set('trackII', 'Track II cross-side trust');
    const data: CompareData = {
      title: base.scenario.name,
      baseline: base.files[0].file,
      variant: variantName,
      runs,
      seed,
      command: commandLine(args.argv),
      version: PACKAGE_VERSION,
      dates,
      series: columns.filter((c) => seriesA.has(c) && seriesB.has(c)).map((c) => {
        const bands = new BandCollector(steps, runs);
        const xs = seriesA.get(c)!;
        const ys = seriesB.get(c)!;
        const mean = (list: Float64Array[], t: number) => list.reduce((sum, x) => sum + x[t], 0) / list.length;
        for (let r = 0; r < runs; r++) bands.add(Array.from(ys[r], (y, t) => y - xs[r][t]));
        return { column: c, name: names.get(c) ?? c, baseline: dates.map((_, t) => mean(xs, t)), variant: dates.map((_, t) => mean(ys, t)), difference: bands.bands() };
      }),
      metrics: comparisons.map((x) => ({ metric: x.metric, baseline: x.baseline.mean, variant: x.variant.mean, difference: x.difference.mean, low: x.difference.ci95[0], high: x.difference.ci95[1] })),
    };
    files.push(...(await compareReportFiles(data)));
  }
  if (args.out) {
    const header = ['metric', 'baselineMean', 'variantMean', 'differenceMean', 'differenceLow95', 'differenceHigh95', 'runs'];
    writeOutputDir(args.out, [
      { name: 'compare.csv', content: toCsv(header, comparisons.map((c) => [c.metric, c.baseline.mean, c.variant.mean, c.difference.mean, c.difference.ci95[0], c.difference.ci95[1], runs])) },
      { name: 'compare.json', content: JSON.stringify({ tool: { name: 'detente-sim', version: PACKAGE_VERSION }, command: commandLine(args.argv), baseline: base.files[0].file, variant: variantName, seed, runs, comparisons }, null, 2) + '\n' },
      { name: 'runs.csv', content: toCsv(['side', 'replicate', 'seed', 'outcome', ...names], [...a.map((r) => ['baseline', r.replicate, r.seed, r.summary.outcome, ...names.map((n) => r.metrics[n])]), ...b.map((r) => ['variant', r.replicate, r.seed, r.summary.outcome, ...names.map((n) => r.metrics[n])])]) },
      ...files,
    ], args.force);
  }
  if (args.json) {
    console.log(JSON.stringify({ baseline: base.files[0].file, variant: variantName, seed, runs, comparisons }, null, 2));
    return;
  }
  console.log(`${base.scenario.name}: baseline vs ${variantName}`);
  console.log(`${runs} paired runs from seed ${seed}; replicate r of both sides shares its random streams (common random numbers)\n`);
  console.log(
    formatTable(
      ['metric', 'baseline', 'variant', 'difference', '95% CI'],
      comparisons.map((c) => [c.metric, c.baseline.mean, c.variant.mean, c.difference.mean, Number.isNaN(c.difference.ci95[0]) ? '–' : `[${formatNumber(c.difference.ci95[0])}, ${formatNumber(c.difference.ci95[1])}]`]),
    ),
  );
  const share = (rows: typeof a, o: string) => formatNumber((100 * rows.filter((r) => r.summary.outcome === o).length) / rows.length, 0);
  console.log(`\nOutcomes (baseline → variant): ${OUTCOMES.map((o) => `${o} ${share(a, o)}% → ${share(b, o)}%`).join(', ')}`);
  if (args.out) console.log(`\nOutputs written to ${args.out}/ (compare.csv, compare.json, runs.csv)${args.report ? `\nReport: ${args.out}/compare.html` : ''}`);
}

/** Returns the --set assignment that switches an event or random source off, or fails with a hint. */
function withoutAssignment(scenario: { events: { id: string }[]; stochastic: { id: string }[] }, id: string): string {
  if (scenario.events.some((e) => e.id === id)) return `events[${id}].enabled=false`;
  if (scenario.stochastic.some((e) => e.id === id)) return `stochastic[${id}].enabled=false`;
  const ids = [...scenario.events, ...scenario.stochastic].map((e) => e.id);
  throw new UserError('UNKNOWN_EVENT', `--without ${id}: the scenario has no event or random source with that id`, hint(id, ids));
}

import { didYouMean } from '../../scenario/issues.ts';
function hint(id: string, ids: string[]): string | undefined {
  return didYouMean(id, ids) ?? 'see the event ids with `detente describe <scenario>`';
}
