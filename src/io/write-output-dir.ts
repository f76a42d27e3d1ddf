import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { UserError } from '../cli/errors.ts';

export interface OutputFile {
  name: string;
  content: string | Uint8Array;
}

/**
 * Writes a set of files as one output folder, all or nothing: they are written into a temporary
 * sibling folder that then replaces `dir` by rename, so a crash never leaves a half-written folder.
 * An existing non-empty folder is replaced only with `force`.
 */
export function writeOutputDir(dir: string, files: readonly OutputFile[], force: boolean): void {
  const exists = existsSync(dir);
  if (exists && !statSync(dir).isDirectory()) throw new UserError('OUTPUT_NOT_A_FOLDER', `the output path ${dir} is a file, not a folder`, 'give --out a folder name');
  if (!exists && existsSync(dirname(dir)) && !statSync(dirname(dir)).isDirectory()) throw new UserError('OUTPUT_NOT_A_FOLDER', `cannot make ${dir}: ${dirname(dir)} is a file`);
  if (exists && !force && readdirSync(dir).length > 0) {
    throw new UserError(
      'OUTPUT_EXISTS',
      `the output folder ${dir} already exists and is not empty`,
      'pass --force to replace it, or --out DIR to write elsewhere',
    );
  }
  const parent = dirname(dir);
  mkdirSync(parent, { recursive: true });
  const temp = join(parent, `.${basename(dir)}.tmp-${process.pid}`);
  rmSync(temp, { recursive: true, force: true });
  mkdirSync(temp);
  for (const f of files) writeFileSync(join(temp, f.name), f.content);
  if (exists) {
    const old = join(parent, `.${basename(dir)}.old-${process.pid}`);
    renameSync(dir, old);
    renameSync(temp, dir);
    rmSync(old, { recursive: true, force: true });
  } else {
    renameSync(temp, dir);
  }
}

/**
 * Adds files to an existing folder, each written to a temporary name and renamed into place.
 * Existing files of the same names are replaced only with `force`; nothing else is touched.
 */
export function writeFilesInto(dir: string, files: readonly OutputFile[], force: boolean): void {
  const clash = files.filter((f) => existsSync(join(dir, f.name))).map((f) => f.name);
  if (clash.length > 0 && !force) {
    throw new UserError('OUTPUT_EXISTS', `${dir} already holds ${clash.slice(0, 3).join(', ')}${clash.length > 3 ? ` and ${clash.length - 3} more` : ''}`, 'pass --force to replace them');
  }
  for (const f of files) {
    const temp = join(dir, `.${f.name}.tmp-${process.pid}`);
    writeFileSync(temp, f.content);
    renameSync(temp, join(dir, f.name));
  }
}
