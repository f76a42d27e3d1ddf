#!/usr/bin/env node
// Runs the bundled CLI, rebuilding it first when any source file is newer than the bundle.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bundle = join(root, 'dist/cli.js');

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

const sources = [join(root, 'src'), join(root, 'package.json')];
const stale =
  !existsSync(bundle) ||
  statSync(bundle).mtimeMs < Math.max(newestSource(sources[0]), statSync(sources[1]).mtimeMs);
if (stale && existsSync(join(root, 'scripts/build.mjs'))) {
  const { buildCli } = await import('../scripts/build.mjs');
  await buildCli();
}
process.setSourceMapsEnabled(true);
const { main } = await import(bundle);
process.exitCode = await main(process.argv.slice(2));
