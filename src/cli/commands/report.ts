import type { Argv } from 'yargs';
import { join } from 'node:path';
import { readRunDir } from '../../io/read-run-dir.ts';
import { writeFilesInto } from '../../io/write-output-dir.ts';

export const reportCommand = {
  command: 'report <dir>',
  describe: 'Draw the report of an earlier run from its output folder',
  builder: (y: Argv) =>
    y
      .positional('dir', { type: 'string', demandOption: true, describe: 'a folder written by `detente run`' })
      .option('force', { type: 'boolean', default: false, describe: 'replace an existing report in the folder' })
      .example('$0 report reports/india-pakistan', 'draw report.html and the charts of the last `npm start`'),
  handler: (args: { dir: string; force: boolean }) => reportHandler(args),
};

export async function reportHandler(args: { dir: string; force: boolean }): Promise<void> {
  const data = readRunDir(args.dir);
  const { reportFiles } = await import('../../render/report-files.ts');
  const files = await reportFiles(data);
  writeFilesInto(args.dir, files, args.force);
  console.log(`Report: ${join(args.dir, 'report.html')} (${files.length - 1} chart files beside it)`);
}
