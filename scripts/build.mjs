// Bundles the CLI into dist/ so it starts fast: mathjs alone takes ~2 s to load as separate
// modules, a fraction of that as one file. bin/detente.js rebuilds when src/ is newer.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

export async function buildCli() {
  await Promise.all([buildNode(), buildClassroom()]);
}

async function buildNode() {
  await build({
    absWorkingDir: root,
    entryPoints: { cli: 'src/cli/main.ts', index: 'src/index.ts', 'sweep-worker': 'src/sweep/sweep-worker.ts', bench: 'bench/bench.ts' },
    outdir: 'dist',
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'linked',
    // DETENTE_PROFILE=1 keeps identifiers, so `node --cpu-prof` names functions.
    minify: !process.env.DETENTE_PROFILE,
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    // A native addon cannot be bundled; it loads from node_modules.
    external: ['@resvg/resvg-js', '@duckdb/node-api', 'piscina', 'bullmq', 'ioredis'],
    keepNames: true,
    logLevel: 'warning',
    // CommonJS dependencies inside an ES module bundle need a `require`.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  });
}

/** Bundles the core for browsers; fails if anything in it needs Node. */
export async function buildCore(outfile = 'dist/core.browser.js') {
  await build({ absWorkingDir: root, entryPoints: ['src/core.ts'], outfile, bundle: true, platform: 'browser', format: 'esm', target: 'es2022', minify: true, logLevel: 'warning' });
}

/**
 * Bundles the classroom page's two scripts for browsers, the page's (controls and charts) and its
 * workers' (the engine); `detente classroom` inlines both. Built with the CLI, so they never disagree.
 */
export async function buildClassroom() {
  await build({
    absWorkingDir: root,
    entryPoints: { 'classroom-page': 'src/classroom/browser/page-entry.ts', 'classroom-worker': 'src/classroom/browser/worker-entry.ts' },
    outdir: 'dist',
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    minify: true,
    logLevel: 'warning',
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildCli();
  await buildCore();
}
