import type { Argv } from 'yargs';
import { existsSync } from 'node:fs';
import { basename, isAbsolute, join, relative } from 'node:path';
import { classroomHtml, readClassroomScript } from '../../classroom/classroom-page.ts';
import { pageModel } from '../../classroom/page-model.ts';
import { writePageFile } from '../../classroom/write-page-file.ts';
import { packageRoot } from '../../io/package-root.ts';
import { PACKAGE_VERSION } from '../../io/run-files.ts';
import { UserError } from '../errors.ts';
import { pick } from '../options.ts';
import { currentLoadOptions, defaultOutDir, loadOrFail, seedFor } from '../shared.ts';

export const classroomCommand = {
  command: 'classroom <scenario>',
  describe: 'Write an interactive offline page for teaching: sliders, play/step, what-if events, replications',
  builder: (y: Argv) =>
    y
      .positional('scenario', { type: 'string', demandOption: true, describe: 'a scenario file, or the name of a shipped one' })
      .options({ ...pick('seed', 'set', 'force', 'limit', 'allow-path'), out: { type: 'string', describe: 'the page to write (default: reports/<scenario>.classroom.html)' } })
      .example('$0 classroom classroom', 'write reports/classroom.classroom.html; open it in any browser')
      .example('$0 classroom india-pakistan --out ip.html --seed 7', 'a page for India–Pakistan that opens on seed 7')
      .example('$0 classroom korean-peninsula --set states.KP.receptivity=0.2', 'start the page from a variant'),
  handler: (args: ClassroomArgs) => classroomHandler(args),
};

export interface ClassroomArgs {
  scenario: string;
  seed?: number;
  set?: string[];
  out?: string;
  force: boolean;
}

export function classroomHandler(args: ClassroomArgs): void {
  const loaded = loadOrFail(args.scenario, args.set ?? []);
  const seed = seedFor(loaded.scenario, args.seed);
  const out = args.out ?? `${defaultOutDir(loaded.files[0].file)}.classroom.html`;
  const scripts = { page: join(packageRoot(), 'dist', 'classroom-page.js'), worker: join(packageRoot(), 'dist', 'classroom-worker.js') };
  const missing = Object.values(scripts).find((f) => !existsSync(f));
  if (missing) throw new UserError('CLASSROOM_NOT_BUILT', `the classroom script ${missing} is missing`, 'run `npm run build` in the detente-sim folder');
  // A page is shared with a class: it names its files as the user would, never by this machine's absolute paths.
  const shown = (file: string) => {
    const rel = relative(process.cwd(), file);
    return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : basename(file);
  };
  const files = loaded.files.map((f) => ({ ...f, file: shown(f.file) }));
  const scenarioArg = isAbsolute(args.scenario) ? shown(args.scenario) : args.scenario;
  const bundle = { scenarioArg, files, sets: args.set ?? [], seed, version: PACKAGE_VERSION, limits: currentLoadOptions().limits };
  const html = classroomHtml(bundle, pageModel(loaded.scenario), loaded.scenario.description, { page: readClassroomScript(scripts.page), worker: readClassroomScript(scripts.worker) });
  writePageFile(out, html, args.force);
  console.log(`Classroom page: ${out} (${(html.length / 1e6).toFixed(1)} MB, works offline; open it in a browser)`);
}
