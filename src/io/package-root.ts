import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Returns the package's root folder, found upward from this module (src/ or the dist/ bundle). */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) || !existsSync(join(dir, 'scenarios'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the detente-sim package root');
    dir = parent;
  }
  return dir;
}
