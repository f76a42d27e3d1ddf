/**
 * The library API for Node: everything in the core, plus loading scenario files from disk and
 * writing a run's output files.
 *
 * ```ts
 * import { loadScenario, simulate } from 'detente-sim';
 * const { scenario, issues } = loadScenario('india-pakistan', ['states.PK.receptivity=0.8']);
 * if (!scenario) throw new Error(issues.map((i) => i.message).join('\n'));
 * const result = simulate(scenario, { seed: 42 });
 * console.log(result.summary.outcome, result.summary.hostility.IN.peak);
 * ```
 */
export * from './core.ts';
export { loadScenario, findScenarioFile, SCENARIO_DIR } from './io/load-scenario.ts';
export { runFiles, manifest } from './io/run-files.ts';
export { writeOutputDir, type OutputFile } from './io/write-output-dir.ts';
