import type { Argv } from 'yargs';
import { loadScenario } from '../../io/load-scenario.ts';
import { formatIssues } from '../format-issues.ts';
import { pick } from '../options.ts';
import { currentLoadOptions } from '../shared.ts';

export const validateCommand = {
  command: 'validate <scenarios..>',
  describe: 'Check scenario files and report every problem with file, line and column',
  builder: (y: Argv) =>
    y
      .positional('scenarios', { type: 'string', array: true, demandOption: true, describe: 'scenario files or shipped scenario names' })
      .option('set', { type: 'string', array: true, describe: 'check with these overrides applied: path=value (repeatable)' })
      .options(pick('limit', 'allow-path'))
      .example('$0 validate scenarios/*.yaml', 'check every shipped scenario')
      .example('$0 validate my-variant.yaml', 'check a what-if variant and the files it extends')
      .example('$0 validate big.yaml --limit agents=20000 --allow-path ../shared', 'a larger scenario that extends a file in another folder'),
  handler: (args: { scenarios: string[]; set?: string[] }) => validateHandler(args),
};

/** Prints OK or the issues of each file; returns the exit code (2 when any file is invalid). */
export function validateHandler(args: { scenarios: string[]; set?: string[] }): number {
  let failed = 0;
  for (const name of args.scenarios) {
    const loaded = loadScenario(name, args.set ?? [], currentLoadOptions());
    if (loaded.scenario && loaded.issues.length === 0) {
      const s = loaded.scenario;
      const occurrences = s.events.reduce((n, e) => n + e.steps.length, 0);
      console.log(`ok  ${loaded.files[0].file}: ${s.name} — ${s.states.length} states, ${s.agents.length} agents, ${s.events.length} events (${occurrences} occurrences), ${s.stochastic.length} random sources, ${s.calendar.steps} ${s.calendar.step}s`);
    } else {
      failed++;
      console.error(`${formatIssues(loaded.issues)}\n${loaded.issues.length} problem${loaded.issues.length === 1 ? '' : 's'} in ${loaded.files[0]?.file ?? name}`);
    }
  }
  return failed > 0 ? 2 : 0;
}
