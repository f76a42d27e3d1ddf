import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_BANDS as BANDS, ALL_RUNS as RUNS, query } from '../store-helpers.ts';
import { startRedis, type RunningRedis } from './redis-server.ts';

const BIN = join(process.cwd(), 'bin/detente.js');
const SPEC = 'test/fixtures/sweeps/small.yaml';
const PASSWORD = 'pw-Zq81xT-never-printed';
const tmp = () => mkdtempSync(join(tmpdir(), 'detente-queue-'));
const cli = (args: string[], env: Record<string, string> = {}) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });

/** A CLI process whose output is collected as it comes. */
interface Running {
  child: ChildProcess;
  out: () => string;
  exited: Promise<number | null>;
}
const running: Running[] = [];
function start(args: string[], env: Record<string, string> = {}): Running {
  const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  child.stdout!.on('data', (d) => (text += d));
  child.stderr!.on('data', (d) => (text += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const r = { child, out: () => text, exited };
  running.push(r);
  return r;
}

async function waitFor<T>(probe: () => T | undefined | null | false, what: string, timeoutMs = 40_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = probe();
    if (v) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}


let redis: RunningRedis;
let url: string;
let bare: string;
let reference: string;

beforeAll(async () => {
  redis = await startRedis({ password: PASSWORD });
  url = `redis://:${PASSWORD}@127.0.0.1:${redis.port}`;
  bare = `redis://127.0.0.1:${redis.port}`;
  reference = join(tmp(), 'ref', 'sweep.duckdb');
  const r = cli(['sweep', SPEC, '--workers', '0', '--out', join(reference, '..')]);
  expect(r.status, r.stderr).toBe(0);
});

afterAll(async () => {
  for (const r of running) if (r.child.exitCode === null && r.child.signalCode === null) r.child.kill('SIGKILL');
  await redis?.stop();
});

describe('sweep --queue with detente worker processes and a real Redis', () => {
  it('two workers give exactly the runs and bands of the local sweep; status shows the queue; the password is never printed', async () => {
    const out = join(tmp(), 'q');
    const gatherer = start(['sweep', SPEC, '--queue', url, '--batch', '4', '--out', out]);
    await waitFor(() => gatherer.out().includes('enqueued'), 'the batches to be enqueued');
    expect(gatherer.out()).toContain('9 batches (36 runs) enqueued');

    // nobody works yet: every batch waits
    const before = cli(['sweep', 'status', url]);
    expect(before.status, before.stderr).toBe(0);
    expect(before.stdout).toMatch(/small\s+sweep-[0-9a-f]{16}\s+0\/36 \(0%\)\s+9\s+0\s+0\s+0/);

    // one worker takes the password from the environment, the other from the URL
    const workers = [start(['worker', '--queue', bare, '--threads', '1'], { DETENTE_REDIS_PASSWORD: PASSWORD }), start(['worker', '--queue', url, '--threads', '1'])];
    expect(await gatherer.exited).toBe(0);
    expect(gatherer.out()).toContain('36 runs; 36 run now');
    for (const w of workers) w.child.kill('SIGTERM');
    for (const w of workers) expect(await w.exited).toBe(130);
    expect(workers.map((w) => w.out()).join('')).toMatch(/ran \d+ batch/);

    const file = join(out, 'sweep.duckdb');
    expect(await query(file, RUNS)).toEqual(await query(reference, RUNS));
    expect(await query(file, BANDS)).toEqual(await query(reference, BANDS));

    const after = cli(['sweep', 'status', url]);
    expect(after.stdout).toContain(`No sweep in progress on redis://:***@127.0.0.1:${redis.port}`);
    const folder = cli(['sweep', 'status', out]);
    expect(folder.stdout).toMatch(/36\/36 \(100%\)/);
    expect(folder.stdout).toContain(`Filled from the queue redis://:***@127.0.0.1:${redis.port}`);
    const meta = await query(file, 'select key, value from meta');
    expect(meta.find((m) => m.key === 'queue')!.value).toBe(`redis://:***@127.0.0.1:${redis.port}`);
    for (const text of [gatherer.out(), ...workers.map((w) => w.out()), before.stdout, before.stderr, after.stdout, folder.stdout, JSON.stringify(meta)]) expect(text).not.toContain(PASSWORD);
  });

  it('resumes without enqueuing twice; a worker killed (SIGKILL) mid-batch loses the batch to another worker; every run once', async () => {
    const out = join(tmp(), 'killed');
    const first = start(['sweep', SPEC, '--queue', url, '--batch', '12', '--out', out]);
    await waitFor(() => first.out().includes('enqueued'), 'the batches to be enqueued');
    expect(first.out()).toContain('3 batches (36 runs) enqueued');
    first.child.kill('SIGINT');
    expect(await first.exited).toBe(130);
    expect(first.out()).toContain('Stopped gathering; the workers go on with the queued batches');
    // the same command again finds its batches still queued
    const gatherer = start(['sweep', SPEC, '--queue', url, '--batch', '12', '--out', out]);
    await waitFor(() => gatherer.out().includes('enqueued'), 'the second gatherer to start');
    expect(gatherer.out()).toContain('0 batches (0 runs) enqueued, 0 runs already stored');
    // one gatherer per sweep: a second would split the results between two stores
    const rival = cli(['sweep', SPEC, '--queue', url, '--out', join(tmp(), 'rival')]);
    expect(rival.status).toBe(2);
    expect(rival.stderr).toContain('this sweep is being gathered already');
    const doomed = start(['worker', '--queue', url, '--stalled-seconds', '2']);
    const id = await waitFor(() => /batch (\w+) of "small"/.exec(doomed.out())?.[1], 'the first worker to take a batch');
    doomed.child.kill('SIGKILL');
    await doomed.exited;
    expect(doomed.out()).not.toContain('ran ');

    const rescuer = start(['worker', '--queue', url, '--stalled-seconds', '2']);
    expect(await gatherer.exited).toBe(0);
    // the batch the first worker held was handed on when its lock expired
    expect(rescuer.out()).toContain(`batch ${id} of "small": 12 runs (again)`);
    rescuer.child.kill('SIGTERM');
    await rescuer.exited;

    const file = join(out, 'sweep.duckdb');
    const counts = await query(file, 'select count(*) as n, count(distinct run_key) as k from runs');
    expect([Number(counts[0].n), Number(counts[0].k)]).toEqual([36, 36]);
    expect(await query(file, RUNS)).toEqual(await query(reference, RUNS));
  });

  it('says clearly when the password is wrong, without printing it', () => {
    const wrong = `redis://:wrong-${PASSWORD}@127.0.0.1:${redis.port}`;
    const r = cli(['sweep', SPEC, '--queue', wrong, '--out', join(tmp(), 'x')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`cannot use the queue at redis://:***@127.0.0.1:${redis.port}`);
    expect(r.stderr).toContain('hint: check the user and password');
    const w = cli(['worker', '--queue', bare], { DETENTE_REDIS_PASSWORD: `wrong-${PASSWORD}` });
    expect(w.status).toBe(2);
    for (const text of [r.stdout, r.stderr, w.stdout, w.stderr]) expect(text).not.toContain(PASSWORD);
  });
});

describe('a rediss:// (TLS) queue', () => {
  it('connects with the server\'s certificate authority, and says what to give without it', async () => {
    const dir = tmp();
    const ssl = (...args: string[]) => expect(spawnSync('openssl', args, { cwd: dir, encoding: 'utf8' }).status).toBe(0);
    ssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=detente test CA', '-keyout', 'ca.key', '-out', 'ca.pem');
    ssl('req', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=127.0.0.1', '-keyout', 'server.key', '-out', 'server.csr');
    writeFileSync(join(dir, 'san.ext'), 'subjectAltName=IP:127.0.0.1\n');
    ssl('x509', '-req', '-in', 'server.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-days', '2', '-extfile', 'san.ext', '-out', 'server.pem');
    const tls = await startRedis({ password: PASSWORD, tls: { cert: join(dir, 'server.pem'), key: join(dir, 'server.key'), ca: join(dir, 'ca.pem') } });
    try {
      const secure = `rediss://:${PASSWORD}@127.0.0.1:${tls.port}`;
      const ok = cli(['sweep', 'status', secure, '--tls-ca', join(dir, 'ca.pem')]);
      expect(ok.status, ok.stderr).toBe(0);
      expect(ok.stdout).toContain(`No sweep in progress on rediss://:***@127.0.0.1:${tls.port}`);
      const untrusted = cli(['sweep', 'status', secure]);
      expect(untrusted.status).toBe(2);
      expect(untrusted.stderr).toContain('--tls-ca');
      for (const text of [ok.stdout, ok.stderr, untrusted.stdout, untrusted.stderr]) expect(text).not.toContain(PASSWORD);
    } finally {
      await tls.stop();
    }
  });
});
