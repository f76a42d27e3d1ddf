import { LIMIT_NAME_LIST } from '../scenario/limits.ts';
import type { Options } from 'yargs';

/** The CLI's options in one table; commands pick theirs from here, so help text lives in one place. */
export const OPTIONS = {
  seed: { type: 'number', describe: 'run seed (default: the scenario\'s seed, else 1)' },
  until: { type: 'string', describe: 'stop after this date (YYYY-MM)' },
  steps: { type: 'number', describe: 'stop after this many steps' },
  set: { type: 'string', array: true, describe: 'override a scenario value: path=value (repeatable), e.g. states.PK.receptivity=0.8 or transfer.mu=2' },
  out: { type: 'string', describe: 'output folder (default: reports/<scenario>)' },
  runs: { type: 'number', describe: 'number of replications, seeds derived from --seed' },
  force: { type: 'boolean', default: false, describe: 'replace an existing output folder' },
  'trust-every': { type: 'number', describe: 'also write trust.csv: every pairwise trust every N steps' },
  json: { type: 'boolean', default: false, describe: 'print the result as JSON instead of text' },
  report: { type: 'boolean', default: false, describe: 'also draw the report: report.html and every chart as .vl.json, .svg and .png' },
  vs: { type: 'string', describe: 'the variant is this other scenario' },
  without: { type: 'string', array: true, describe: 'the variant drops these event ids (repeatable)' },
  limit: { type: 'string', array: true, describe: `raise or lower a size limit: name=N with name ${LIMIT_NAME_LIST.slice(0, -1).join(', ')} or ${LIMIT_NAME_LIST.at(-1)} (repeatable; also DETENTE_LIMITS="agents=40000,steps=50000")` },
  'allow-path': { type: 'string', array: true, describe: 'also let scenario files `extends` files in this folder (repeatable; default: the scenario\'s own folder tree and the shipped scenarios)' },
} as const satisfies Record<string, Options>;

export type OptionName = keyof typeof OPTIONS;

/** Returns the named options for a command's builder. */
export function pick<K extends OptionName>(...names: K[]): Pick<typeof OPTIONS, K> {
  return Object.fromEntries(names.map((n) => [n, OPTIONS[n]])) as Pick<typeof OPTIONS, K>;
}
