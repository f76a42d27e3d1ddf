/**
 * `npm run bench`: measures the engine and the sweep runner and writes bench/results.json and
 * docs/PERFORMANCE.md. `--quick` runs every part at a tiny size to check the harness (CI); it writes
 * into --out (default: a temporary folder) and asserts nothing about speed.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, freemem, platform, release, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { compileModel } from '../src/engine/model.ts';
import { simulate } from '../src/engine/simulate.ts';
import { loadScenario } from '../src/io/load-scenario.ts';
import { loadSweepSpecText } from '../src/io/load-sweep-spec.ts';
import { runSweep } from '../src/io/sweep-runner.ts';
import { composeScenario } from '../src/scenario/compose-scenario.ts';
import { syntheticScenario } from './synthetic-scenario.ts';
import { denseKernel, handWrittenKernel } from './hand-written-kernel.ts';

const quick = process.argv.includes('--quick');
const outIndex = process.argv.indexOf('--out');
const out = outIndex > 0 ? process.argv[outIndex + 1] : quick ? mkdtempSync(join(tmpdir(), 'detente-bench-')) : '.';

function stats(ms: number[]) {
  const s = [...ms].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return { runs: s.length, median: q(0.5), p95: q(0.95), min: s[0] };
}

function time(fn: () => void, repeats: number, warmup: number): number[] {
  for (let i = 0; i < warmup; i++) fn();
  const ms: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t = performance.now();
    fn();
    ms.push(performance.now() - t);
  }
  return ms;
}

const results: Record<string, unknown> = {
  machine: { cpu: cpus()[0]?.model, cores: cpus().length, memoryGiB: +(totalmem() / 2 ** 30).toFixed(1), freeGiB: +(freemem() / 2 ** 30).toFixed(1), node: process.version, os: `${platform()} ${release()}` },
  quick,
};
const log = (line: string) => process.stdout.write(line + '\n');

// Peak memory of a long sweep, through the CLI: `--long-sweep RUNS` measures only that (it takes
// minutes) and adds it to bench/results.json and PERFORMANCE.md; with --quick it joins the quick run.
const longIndex = process.argv.indexOf('--long-sweep');
if (longIndex > 0) {
  const runs = Number(process.argv[longIndex + 1]);
  const replications = 100;
  const spec = { name: 'long', scenario: 'classroom', seed: 1, replications, design: { type: 'lhs', samples: Math.ceil(runs / replications) }, factors: [{ path: 'transfer.mu', range: [0.1, 2] }, { path: 'forgetting.delta', range: [0.01, 1], scale: 'log' }] };
  const dir = mkdtempSync(join(tmpdir(), 'detente-bench-long-'));
  writeFileSync(join(dir, 'long.yaml'), stringify(spec));
  results.longSweep = await measureLongSweep(join(dir, 'long.yaml'), join(dir, 'out'), 2);
  rmSync(dir, { recursive: true, force: true });
  const l = results.longSweep as Record<string, number>;
  log(`long sweep: ${l.runs.toLocaleString('en')} runs in ${l.seconds.toFixed(0)} s = ${l.runsPerSecond.toFixed(0)} runs/s, peak RSS ${l.peakRssMiB} MiB`);
  if (!quick) {
    const previous = existsSync(join(out, 'bench/results.json')) ? JSON.parse(readFileSync(join(out, 'bench/results.json'), 'utf8')) : results;
    previous.longSweep = results.longSweep;
    writeFileSync(join(out, 'bench/results.json'), JSON.stringify(previous, null, 2) + '\n');
    if (previous.scenarios) writeMeasured(join(out, 'docs/PERFORMANCE.md'), performanceMarkdown(previous));
    log('\nAdded the long sweep to bench/results.json and docs/PERFORMANCE.md');
    process.exit(0);
  }
}

// 1. One run of each shipped scenario.
const scenarios: Record<string, unknown>[] = [];
for (const name of ['classroom', 'india-pakistan', 'korean-peninsula']) {
  const model = compileModel(loadScenario(name).scenario!);
  const repeats = quick ? 3 : 300;
  for (const ledger of [false, true]) {
    let seed = 0;
    const s = stats(time(() => simulate(model, { seed: seed++, ledger }), repeats, quick ? 1 : 100));
    const agentSteps = model.N * model.steps;
    scenarios.push({ scenario: name, ledger, agents: model.N, steps: model.steps, ...s, agentStepsPerSecond: Math.round(agentSteps / (s.median / 1000)) });
    log(`scenario ${name.padEnd(17)} ledger ${String(ledger).padEnd(5)} median ${s.median.toFixed(3)} ms  p95 ${s.p95.toFixed(3)} ms  ${Math.round(agentSteps / (s.median / 1000)).toLocaleString('en')} agent-steps/s`);
  }
}
results.scenarios = scenarios;

// 2. Scaling with agents (sparse participation) and with steps.
const compileSynthetic = (agents: number, months: number) => {
  const doc = syntheticScenario(agents, months);
  const r = composeScenario('synthetic.yaml', () => ({ file: 'synthetic.yaml', text: stringify(doc) }), [], { agents: 20000 });
  if (!r.scenario) throw new Error(JSON.stringify(r.issues.slice(0, 3)));
  return r.scenario;
};
const agentCounts = quick ? [10, 100] : [10, 100, 1000, 10000];
const scaling: Record<string, unknown>[] = [];
for (const n of agentCounts) {
  for (const months of quick ? [120] : n >= 10000 ? [1000] : [120, 1000]) {
    const started = performance.now();
    const model = compileModel(compileSynthetic(n, months));
    const compileMs = performance.now() - started;
    const repeats = quick ? 2 : n * months >= 1e7 ? 3 : n * months >= 1e6 ? 5 : 30;
    const s = stats(time(() => simulate(model, { seed: 1, ledger: false }), repeats, 1));
    scaling.push({ agents: model.N, steps: model.steps, compileMs, ...s, agentStepsPerSecond: Math.round((model.N * model.steps) / (s.median / 1000)) });
    log(`scaling agents ${String(model.N).padStart(6)} × ${String(model.steps).padStart(4)} steps: median ${s.median.toFixed(2)} ms`);
  }
}
results.scalingAgents = scaling;
results.notRun = [];
const stepsScaling: Record<string, unknown>[] = [];
for (const months of quick ? [120, 240] : [120, 1200, 6000]) {
  const model = compileModel(compileSynthetic(100, months));
  const s = stats(time(() => simulate(model, { seed: 1, ledger: false }), quick ? 2 : 10, 1));
  stepsScaling.push({ agents: model.N, steps: model.steps, ...s });
  log(`scaling steps  ${String(model.steps).padStart(6)} with ${model.N} agents: median ${s.median.toFixed(2)} ms`);
}
results.scalingSteps = stepsScaling;

// 3. The per-step kernel against a hand-written typed-array loop doing the same arithmetic.
{
  const doc = syntheticScenario(quick ? 40 : 1000, quick ? 120 : 1200);
  doc.events = [];
  doc.stochastic = [];
  doc.mechanisms = { dialogue: false, transfer: false, shocks: false, negotiation: false, strategies: false, politicalChange: false };
  const r = composeScenario('k.yaml', () => ({ file: 'k.yaml', text: stringify(doc) }));
  const model = compileModel(r.scenario!);
  const repeats = quick ? 3 : 40;
  const engine = stats(time(() => simulate(model, { seed: 1, ledger: false }), repeats, quick ? 1 : 10));
  const hand = stats(time(() => handWrittenKernel(model), repeats, quick ? 1 : 10));
  const dense = stats(time(() => denseKernel(model), quick ? 2 : 5, 1));
  // The same arithmetic: the hand-written loop must end where the engine ends.
  const engineFinal = simulate(model, { seed: 1, ledger: false }).series.columns[`hostility:${model.scenario.states[model.S - 1].id}`][model.steps - 1];
  const handFinal = handWrittenKernel(model);
  if (!(Math.abs(engineFinal - handFinal) <= 1e-9 * Math.max(1, Math.abs(engineFinal)))) throw new Error(`kernel: the hand-written loop ends at hostility ${handFinal}, the engine at ${engineFinal}`);
  results.kernel = { agents: model.N, steps: model.steps, engineMedianMs: engine.median, handWrittenMedianMs: hand.median, ratio: engine.median / hand.median, denseMedianMs: dense.median, finalHostility: { engine: engineFinal, handWritten: handFinal } };
  log(`kernel: engine ${engine.median.toFixed(3)} ms vs hand-written ${hand.median.toFixed(3)} ms per run: ratio ${(engine.median / hand.median).toFixed(2)} (a dense N×N loop: ${dense.median.toFixed(1)} ms)`);
}

// 4. Sweep throughput with 1 and 2 workers, and peak RSS. Steady throughput is counted from the
// first stored batch, so the workers' start-up (loading the bundle) does not dilute it.
{
  const spec = { name: 'bench', scenario: 'india-pakistan', seed: 1, replications: quick ? 2 : 10, design: { type: 'lhs', samples: quick ? 4 : 300 }, factors: [{ path: 'states.PK.receptivity', range: [0.1, 0.9] }, { path: 'forgetting.delta', range: [0.01, 1], scale: 'log' }] };
  const loaded = loadSweepSpecText(stringify(spec), 'bench sweep', process.cwd());
  const sweeps: Record<string, unknown>[] = [];
  for (const workers of [1, 2]) {
    const dir = mkdtempSync(join(tmpdir(), 'detente-bench-sweep-'));
    let peak = process.memoryUsage().rss;
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 200);
    let first: { at: number; done: number } | undefined;
    let last = { at: 0, done: 0 };
    const r = await runSweep(loaded, {
      out: dir,
      workers,
      onProgress: (p) => {
        if (p.done === 0) return;
        last = { at: performance.now(), done: p.done };
        first ??= last;
      },
    });
    clearInterval(timer);
    rmSync(dir, { recursive: true, force: true });
    const steady = first && last.at > first.at ? (last.done - first.done) / ((last.at - first.at) / 1000) : r.ran / r.seconds;
    sweeps.push({ workers, runs: r.ran, seconds: r.seconds, runsPerSecond: r.ran / r.seconds, steadyRunsPerSecond: steady, peakRssMiB: Math.round(peak / 2 ** 20) });
    log(`sweep ${workers} worker(s): ${r.ran} runs in ${r.seconds.toFixed(1)} s = ${(r.ran / r.seconds).toFixed(0)} runs/s (${steady.toFixed(0)} once started), peak RSS ${Math.round(peak / 2 ** 20)} MiB`);
  }
  results.sweeps = sweeps;
  results.sweepSpeedup = (sweeps[1].steadyRunsPerSecond as number) / (sweeps[0].steadyRunsPerSecond as number);
  results.sweepSpeedupWithStartup = (sweeps[1].runsPerSecond as number) / (sweeps[0].runsPerSecond as number);
}

mkdirSync(out, { recursive: true });
// The long sweep is measured on its own (--long-sweep); a full run keeps the last one.
if (!quick && existsSync(join(out, 'bench/results.json'))) results.longSweep ??= JSON.parse(readFileSync(join(out, 'bench/results.json'), 'utf8')).longSweep;
writeFileSync(join(out, quick ? 'bench-quick.json' : 'bench/results.json'), JSON.stringify(results, null, 2) + '\n');
if (!quick) writeMeasured(join(out, 'docs/PERFORMANCE.md'), performanceMarkdown(results));
log(`\nWrote ${quick ? join(out, 'bench-quick.json') : 'bench/results.json and docs/PERFORMANCE.md'}`);

/** Runs `detente sweep` as a child process and samples its peak resident memory (VmHWM) from /proc. */
async function measureLongSweep(specFile: string, outDir: string, workers: number) {
  const started = performance.now();
  const child = spawn(process.execPath, [join(process.cwd(), 'bin/detente.js'), 'sweep', specFile, '--out', outDir, '--workers', String(workers)], { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  let peakKiB = 0;
  const sample = () => {
    try {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      peakKiB = Math.max(peakKiB, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0));
    } catch {
      // the process has just exited
    }
  };
  const timer = setInterval(sample, 500);
  const code = await new Promise<number | null>((done) => child.on('exit', done));
  clearInterval(timer);
  if (code !== 0) throw new Error(`the long sweep exited with ${code}`);
  const seconds = (performance.now() - started) / 1000;
  const stored = Number(/(\d+) run now/.exec(output)?.[1] ?? NaN);
  return { runs: stored, seconds, runsPerSecond: stored / seconds, peakRssMiB: Math.round(peakKiB / 1024), workers, measured: new Date().toISOString().slice(0, 10) };
}

/** Replaces the measured part of PERFORMANCE.md (between its bench markers), keeping the prose around it. */
function writeMeasured(file: string, measured: string): void {
  const begin = '<!-- bench:begin -->';
  const end = '<!-- bench:end -->';
  const block = `${begin}\n${measured}\n${end}`;
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const a = current.indexOf(begin);
  const b = current.indexOf(end);
  writeFileSync(file, a >= 0 && b > a ? current.slice(0, a) + block + current.slice(b + end.length) : `# Performance\n\n${block}\n`);
}
function performanceMarkdown(r: Record<string, any>): string {
  const m = r.machine;
  const rows = (list: Record<string, any>[], cols: string[]) => list.map((x) => `| ${cols.map((c) => (typeof x[c] === 'number' ? (Number.isInteger(x[c]) ? x[c].toLocaleString('en') : x[c].toFixed(c === 'median' || c === 'p95' || c === 'compileMs' ? 2 : 3)) : String(x[c]))).join(' | ')} |`).join('\n');
  const ip = (r.scenarios as Record<string, any>[]).find((x) => x.scenario === 'india-pakistan' && !x.ledger)!;
  const big = (r.scalingAgents as Record<string, any>[]).find((x) => x.agents >= 10000);
  const long = r.longSweep;
  const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
  return `Measured by \`npm run bench\` (bench/bench.ts over the esbuild bundle, the code the CLI runs) on
${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, Node ${m.node}, ${m.os}. Raw figures: bench/results.json.

### Against the targets

| target | measured | |
|---|---|---|
| india-pakistan ≤ 1 ms median per run, one core | ${ip.median.toFixed(2)} ms (ledger off) | ${verdict(ip.median <= 1)}${ip.median > 1 ? `, ${(ip.median / 1).toFixed(1)}× over` : ''} |
| 10,000 agents × 1,000 steps ≤ 10 s | ${big ? `${(big.median / 1000).toFixed(2)} s for ${big.agents.toLocaleString('en')} × ${big.steps.toLocaleString('en')}` : 'not run'} | ${big ? verdict(big.median <= 10000) : ''} |
| kernel within 3× of a hand-written loop | ${r.kernel.ratio.toFixed(2)}× | ${verdict(r.kernel.ratio <= 3)} |
| 2 workers ≥ 1.8× the sweep throughput of 1 | ${r.sweepSpeedup.toFixed(2)}× | ${verdict(r.sweepSpeedup >= 1.8)} |
| a 1,000,000-run sweep under 1 GiB RSS | ${long ? `${long.peakRssMiB.toLocaleString('en')} MiB peak for ${long.runs.toLocaleString('en')} runs (${long.measured})` : 'not measured (npm run bench -- --long-sweep 1000000)'} | ${long ? verdict(long.peakRssMiB < 1024 && long.runs >= 1e6) : ''} |

### One run of each shipped scenario

| scenario | ledger | agents | steps | runs | median ms | p95 ms | agent-steps/s |
|---|---|---|---|---|---|---|---|
${rows(r.scenarios, ['scenario', 'ledger', 'agents', 'steps', 'runs', 'median', 'p95', 'agentStepsPerSecond'])}

### Scaling with agents and steps

Synthetic two-state scenario (bench/synthetic-scenario.ts): two negotiators a side, the rest Track II
actors in groups of ten; sparse participation — one workshop a month for one group per side, in
rotation, official talks each quarter, random skirmishes. Ledger off; compile time is separate.

| agents | steps | compile ms | median ms | agent-steps/s |
|---|---|---|---|---|
${rows(r.scalingAgents, ['agents', 'steps', 'compileMs', 'median', 'agentStepsPerSecond'])}

With steps (about 100 agents):

| agents | steps | median ms |
|---|---|---|
${rows(r.scalingSteps, ['agents', 'steps', 'median'])}

### Kernel against a hand-written loop

Forgetting and hostility only (no events), ${r.kernel.agents.toLocaleString('en')} agents × ${r.kernel.steps.toLocaleString('en')} steps: the engine takes
${r.kernel.engineMedianMs.toFixed(3)} ms per run, a hand-written typed-array loop doing the same arithmetic
${r.kernel.handWrittenMedianMs.toFixed(3)} ms: a ratio of ${r.kernel.ratio.toFixed(2)}. The same forgetting on a dense N×N matrix
takes ${r.kernel.denseMedianMs.toFixed(1)} ms.

### Sweeps

In-process \`runSweep\` of india-pakistan (LHS over two factors):

| workers | runs | seconds | runs/s | runs/s once started | peak RSS MiB |
|---|---|---|---|---|---|
${rows(r.sweeps, ['workers', 'runs', 'seconds', 'runsPerSecond', 'steadyRunsPerSecond', 'peakRssMiB'])}

Speed-up with 2 workers: ${r.sweepSpeedup.toFixed(2)}× once the workers have started (from the first stored batch
to the last), ${r.sweepSpeedupWithStartup.toFixed(2)}× counting their start-up (each worker thread loads the bundle).
${long ? `\nLong sweep through the CLI (\`npm run bench -- --long-sweep ${long.runs}\`, classroom scenario, ${long.workers} workers, measured ${long.measured}):
${long.runs.toLocaleString('en')} runs in ${long.seconds.toFixed(0)} s (${long.runsPerSecond.toFixed(0)} runs/s), peak resident memory ${long.peakRssMiB} MiB (VmHWM of the process, workers included).\n` : ''}`;
}
