import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join, parse, resolve, sep } from 'node:path';
import { UserError } from '../cli/errors.ts';

export interface OutputFile {
  name: string;
  content: string | Uint8Array;
}

/**
 * Writes a set of files as one output folder, all or nothing: they are written into a temporary
 * sibling folder that then replaces `dir` by rename, so a crash never leaves a half-written folder.
 * An existing non-empty folder is replaced only with `force`, and only if it is a detente output
 * folder (its manifest.json or compare.json names detente-sim): `--out ~/thesis --force` never
 * deletes someone's files. The current folder, its ancestors and a file-system root are refused
 * outright. What an earlier writer killed midway left behind is cleared first, and a previous
 * folder it had moved aside is put back.
 */
export function writeOutputDir(dir: string, files: readonly OutputFile[], force: boolean): void {
  refuseEnclosingFolder(dir);
  recoverInterrupted(dir);
  const exists = existsSync(dir);
  if (exists && !statSync(dir).isDirectory()) throw new UserError('OUTPUT_NOT_A_FOLDER', `the output path ${dir} is a file, not a folder`, 'give --out a folder name');
  if (!exists && existsSync(dirname(dir)) && !statSync(dirname(dir)).isDirectory()) throw new UserError('OUTPUT_NOT_A_FOLDER', `cannot make ${dir}: ${dirname(dir)} is a file`);
  if (exists && readdirSync(dir).length > 0 && !isDetenteOutput(dir)) {
    throw new UserError(
      'OUTPUT_FOREIGN',
      `the folder ${dir} is not a detente output folder (it has no manifest.json written by detente) and will not be replaced${force ? ', even with --force' : ''}`,
      'give --out a new or empty folder, e.g. --out reports/NAME',
    );
  }
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
  for (const f of files) writeDurably(join(temp, f.name), f.content);
  syncFolder(temp);
  try {
    if (exists) {
      // Between these two renames `dir` is briefly absent; the previous folder waits in `old`,
      // and recoverInterrupted puts it back should the process die right there.
      const old = join(parent, `.${basename(dir)}.old-${process.pid}`);
      renameSync(dir, old);
      try {
        renameSync(temp, dir);
      } catch (error) {
        renameSync(old, dir);
        throw error;
      }
      rmSync(old, { recursive: true, force: true });
    } else {
      renameSync(temp, dir);
    }
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOTEMPTY' || code === 'EEXIST') throw new UserError('OUTPUT_EXISTS', `another process wrote ${dir} meanwhile; nothing of this run was written`, 'run again with --force to replace it, or --out DIR');
    if (code === 'EBUSY' || code === 'EINVAL' || code === 'EXDEV' || code === 'EPERM' || code === 'EACCES') {
      throw new UserError('OUTPUT_NOT_REPLACEABLE', `cannot put the output folder in place at ${dir} (${code}: it is in use, protected or on another file system); nothing of this run was written`, 'give --out a new folder, e.g. --out reports/NAME');
    }
    throw error;
  }
  syncFolder(parent);
}

/** Refuses an output folder that is the current folder, one of its ancestors, or a file-system root. */
function refuseEnclosingFolder(dir: string): void {
  let target = resolve(dir);
  try {
    target = realpathSync(target);
  } catch {
    // not there yet: the path as given is what would be made
  }
  const cwd = process.cwd();
  const why = target === parse(target).root ? 'a file-system root' : target === cwd ? 'the current folder' : cwd.startsWith(target.endsWith(sep) ? target : target + sep) ? 'a folder that holds the current folder' : undefined;
  if (why) throw new UserError('OUTPUT_ENCLOSING', `--out ${dir} is ${why}; detente will not replace it`, 'give --out a new folder, e.g. --out reports/NAME');
}

/** Returns whether a folder was written by detente: its manifest.json (run) or compare.json (compare) names the tool. */
function isDetenteOutput(dir: string): boolean {
  for (const name of ['manifest.json', 'compare.json']) {
    try {
      const json = JSON.parse(readFileSync(join(dir, name), 'utf8')) as { tool?: { name?: unknown } } | null;
      if (json?.tool?.name === 'detente-sim') return true;
    } catch {
      // missing or not JSON: not ours by this file
    }
  }
  return false;
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
  removeStaleTemporaries(dir);
  for (const f of files) {
    const temp = join(dir, `.${f.name}.tmp-${process.pid}`);
    writeDurably(temp, f.content);
    renameSync(temp, join(dir, f.name));
  }
  syncFolder(dir);
}

/** Writes a file and flushes it to disk, so a rename never publishes a file whose data is still in flight. */
function writeDurably(path: string, content: string | Uint8Array): void {
  const fd = openSync(path, 'w');
  try {
    const bytes = typeof content === 'string' ? Buffer.from(content) : content;
    let done = 0;
    while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Flushes a folder's entries (new names, renames); some file systems refuse, which is harmless. */
function syncFolder(path: string): void {
  try {
    const fd = openSync(path, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // e.g. EISDIR or EPERM on some platforms: the rename itself is still atomic
  }
}

/** Returns whether a process id names a running process (ours counts as running). */
function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Clears what a writer of `dir` killed midway left: its temporary folder, and a previous folder moved aside. */
function recoverInterrupted(dir: string): void {
  const parent = dirname(dir);
  if (!existsSync(parent) || !statSync(parent).isDirectory()) return;
  const base = basename(dir);
  for (const entry of readdirSync(parent)) {
    const m = /^\.(.+)\.(tmp|old)-(\d+)$/.exec(entry);
    if (!m || m[1] !== base || isRunning(Number(m[3]))) continue;
    const path = join(parent, entry);
    if (m[2] === 'old' && !existsSync(dir)) renameSync(path, dir);
    else rmSync(path, { recursive: true, force: true });
  }
}

/** Removes temporary files of writers that are no longer running from a folder. */
function removeStaleTemporaries(dir: string): void {
  for (const entry of readdirSync(dir)) {
    const m = /^\..+\.tmp-(\d+)$/.exec(entry);
    if (m && !isRunning(Number(m[1]))) rmSync(join(dir, entry), { force: true });
  }
}
