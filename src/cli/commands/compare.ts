import type { Argv } from 'yargs';
import { compileModel } from '../../engine/model.ts';
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
      .options(pick('vs', 'without', 'set', 'runs', 'seed', 'until', 'steps', 'out', 'force', 'json'))
      .example('$0 compare india-pakistan --without mumbai-2008', 'what if the Mumbai attacks had not happened?')
      .example('$0 compare india-pakistan --set states.PK.receptivity=0.9 --runs 200', 'a more receptive Pakistani government, 200 paired runs')
      .example('$0 compare classroom --vs my-variant.yaml', 'the baseline against another scenario file'),
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
  json: boolean;
  argv: string[];
}

export interface MetricComparison {
  metric: string;
  baseline: SampleSummary;
  variant: SampleSummary;
  difference: SampleSummary;
}

export function compareHandler(args: CompareArgs): void {
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
  if (variant.scenario.calendar.steps < steps) throw new UserError('USAGE', 'the variant\'s calendar is shorter than the baseline\'s; use --until to compare a common period');
  const seed = seedFor(base.scenario, args.seed);
  const runs = checkRuns(args.runs, 30);
  const a = replicate(compileModel(base.scenario, steps), seed, runs).rows;
  const b = replicate(compileModel(variant.scenario, steps), seed, runs).rows;
  const names = Object.keys(a[0].metrics).filter((n) => n in b[0].metrics);
  const comparisons: MetricComparison[] = names.map((metric) => {
    const xa = a.map((r) => r.metrics[metric]);
    const xb = b.map((r) => r.metrics[metric]);
    return { metric, baseline: describeSample(xa), variant: describeSample(xb), difference: describePairedDifference(xa, xb) };
  });
  const variantName = args.vs ? variant.files[0].file : [...(args.without ?? []).map((id) => `without ${id}`), ...(args.set ?? [])].join(', ');
  if (args.out) {
    const header = ['metric', 'baselineMean', 'variantMean', 'differenceMean', 'differenceLow95', 'differenceHigh95', 'runs'];
    writeOutputDir(args.out, [
      { name: 'compare.csv', content: toCsv(header, comparisons.map((c) => [c.metric, c.baseline.mean, c.variant.mean, c.difference.mean, c.difference.ci95[0], c.difference.ci95[1], runs])) },
      { name: 'compare.json', content: JSON.stringify({ tool: { name: 'detente-sim', version: PACKAGE_VERSION }, command: commandLine(args.argv), baseline: base.files[0].file, variant: variantName, seed, runs, comparisons }, null, 2) + '\n' },
      { name: 'runs.csv', content: toCsv(['side', 'replicate', 'seed', 'outcome', ...names], [...a.map((r) => ['baseline', r.replicate, r.seed, r.summary.outcome, ...names.map((n) => r.metrics[n])]), ...b.map((r) => ['variant', r.replicate, r.seed, r.summary.outcome, ...names.map((n) => r.metrics[n])])]) },
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
  if (args.out) console.log(`\nOutputs written to ${args.out}/ (compare.csv, compare.json, runs.csv)`);
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
