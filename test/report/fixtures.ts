import { compileModel } from '../../src/engine/model.ts';
import { replicate } from '../../src/engine/replicate.ts';
import { simulate } from '../../src/engine/simulate.ts';
import { loadScenario } from '../../src/io/load-scenario.ts';
import { buildReportData, networkSteps } from '../../src/report/build-report-data.ts';
import type { ReportData, ReplicationData } from '../../src/report/report-data.ts';
import { BandCollector } from '../../src/stats/quantile-bands.ts';
import { summarizeReplications } from '../../src/stats/summarize-replications.ts';

/** Report data of a scenario's run, as `run --report` builds it (with bands when runs > 1). */
export function reportDataFor(name: string, seed = 1, runs = 1, sets: string[] = []): ReportData {
  const loaded = loadScenario(name, sets);
  if (!loaded.scenario) throw new Error(JSON.stringify(loaded.issues));
  const model = compileModel(loaded.scenario);
  const meta = { command: `detente run ${name}`, version: 'test' };
  if (runs === 1) return buildReportData(simulate(model, { seed, trustSteps: networkSteps(model.steps) }), meta);
  const columns = [...loaded.scenario.states.map((s) => `hostility:${s.id}`), 'trackI', 'trackII'];
  const collectors = new Map(columns.map((c) => [c, new BandCollector(model.steps, runs)]));
  const { rows, first } = replicate(model, seed, runs, { trustSteps: networkSteps(model.steps) }, (_, series) => {
    for (const [c, k] of collectors) k.add(series.columns[c]);
  });
  const bands: ReplicationData = { runs, bands: Object.fromEntries([...collectors].map(([c, k]) => [c, k.bands()])), outcomes: summarizeReplications(rows).outcomes };
  return buildReportData(first!, meta, bands);
}
