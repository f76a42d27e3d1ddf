import type { Argv } from 'yargs';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { SCENARIO_DIR } from '../../io/load-scenario.ts';
import { formatTable } from '../format-table.ts';

export const listCommand = {
  command: 'list',
  describe: 'List the shipped scenarios with a one-line description each',
  builder: (y: Argv) => y.example('$0 list', 'show the scenarios you can run by name'),
  handler: () => listHandler(),
};
export function listHandler(): void {
  const rows = readdirSync(SCENARIO_DIR)
    .filter((f) => /\.(ya?ml|json)$/.test(f))
    .sort()
    .map((f) => {
      let description = '';
      try {
        const doc = parse(readFileSync(join(SCENARIO_DIR, f), 'utf8')) as { description?: string; name?: string };
        description = doc.description ?? doc.name ?? '';
      } catch {
        description = '(does not parse; run `detente validate` on it)';
      }
      return [f.replace(/\.(ya?ml|json)$/, ''), description];
    });
  console.log(formatTable(['scenario', 'description'], rows, ''));
  console.log('\nRun one with `detente run <scenario>`; see its agents and events with `detente describe <scenario>`.');
}
