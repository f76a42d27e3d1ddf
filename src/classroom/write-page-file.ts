import { existsSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { UserError } from '../cli/errors.ts';

/**
 * Writes one file all or nothing: into a temporary sibling, then renamed into place. An existing
 * file is replaced only with `force`; a folder in the way is never touched.
 */
export function writePageFile(path: string, content: string, force: boolean): void {
  if (existsSync(path)) {
    if (statSync(path).isDirectory()) throw new UserError('OUTPUT_IS_A_FOLDER', `${path} is a folder, not a page`, 'give --out a file name such as page.html');
    if (!force) throw new UserError('OUTPUT_EXISTS', `${path} already exists`, 'pass --force to replace it, or --out FILE to write elsewhere');
  }
  const parent = dirname(path);
  if (existsSync(parent) && !statSync(parent).isDirectory()) throw new UserError('OUTPUT_NOT_A_FOLDER', `cannot write ${path}: ${parent} is a file`);
  mkdirSync(parent, { recursive: true });
  const temp = join(parent, `.${basename(path)}.tmp-${process.pid}`);
  try {
    writeFileSync(temp, content);
    renameSync(temp, path);
  } finally {
    rmSync(temp, { force: true });
  }
}
