import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/cli/errors.ts';
import { redact, redactError, redactUrl, redisTarget } from '../../src/queue/redis-target.ts';

describe('redactUrl', () => {
  it('masks the password and keeps the rest', () => {
    expect(redactUrl('redis://:hunter2@10.0.0.5:6379/2')).toBe('redis://:***@10.0.0.5:6379/2');
    expect(redactUrl('rediss://alice:p%40ss@redis.example.org:6380')).toBe('rediss://alice:***@redis.example.org:6380');
    expect(redactUrl('redis://token@host')).toBe('redis://***@host');
    expect(redactUrl('redis://127.0.0.1:6379')).toBe('redis://127.0.0.1:6379');
  });
  it('masks even a URL that does not parse', () => {
    expect(redactUrl('redis://:pa ss@[bad')).toBe('redis://:***@[bad');
  });
  it('masks malformed URLs and bare user:password@host in any text, splitting at the last @', () => {
    expect(redactUrl('redis//:topsecret@127.0.0.1:16399')).toBe('redis//:***@127.0.0.1:16399');
    expect(redactUrl('no folder redis:/:topsecret@127.0.0.1:1')).toBe('no folder redis:/:***@127.0.0.1:1');
    expect(redactUrl('redis://user:p@ss@127.0.0.1:1')).toBe('redis://user:***@127.0.0.1:1');
    expect(redactUrl('found "redis:topsecret@h" and :topsecret@h')).toBe('found "redis:***@h" and :***@h');
    expect(redactUrl('redis://a:one@h and redis://b:two@h2/0')).toBe('redis://a:***@h and redis://b:***@h2/0');
    expect(redactUrl('write to alice@example.org')).toBe('write to alice@example.org');
    expect(redactUrl('file:///x/node_modules/.pnpm/ioredis@5.3.2/node_modules/@scope/y.js:1:2')).toBe('file:///x/node_modules/.pnpm/ioredis@5.3.2/node_modules/@scope/y.js:1:2');
  });
  it('keeps the password out of every message about a malformed --queue URL or status target', async () => {
    const { folderStatus } = await import('../../src/io/sweep-status.ts');
    for (const url of ['redis//:topsecret@127.0.0.1:16399', 'redis:/:topsecret@127.0.0.1:1', 'redis://user:top@secret@127.0.0.1:1']) {
      const messages: string[] = [];
      for (const attempt of [() => redisTarget(url, {}, {}), () => folderStatus(url)]) {
        try {
          await attempt();
        } catch (e) {
          messages.push(`${(e as UserError).message} ${(e as UserError).suggestion ?? ''}`);
        }
      }
      const t = url.includes('user:') ? redisTarget(url, {}, {}) : undefined;
      if (t) messages.push(t.display);
      expect(messages.length).toBeGreaterThan(1);
      for (const m of messages) expect(m).not.toMatch(/topsecret|top@secret|secret@/);
    }
  });
});

describe('redisTarget', () => {
  it('reads host, port, database, user and password, and lists the password as a secret', () => {
    const t = redisTarget('redis://alice:p%40ss@10.0.0.5:6390/3', {}, {});
    expect(t.connection).toMatchObject({ host: '10.0.0.5', port: 6390, db: 3, username: 'alice', password: 'p@ss', maxRetriesPerRequest: null });
    expect(t.connection.tls).toBeUndefined();
    expect(t.display).toBe('redis://alice:***@10.0.0.5:6390/3');
    expect(t.secrets).toContain('p@ss');
  });
  it('takes the password from DETENTE_REDIS_PASSWORD when the URL has none, and defaults the port', () => {
    const t = redisTarget('redis://127.0.0.1', {}, { DETENTE_REDIS_PASSWORD: 'from-env' });
    expect(t.connection).toMatchObject({ host: '127.0.0.1', port: 6379, password: 'from-env' });
    expect(t.secrets).toEqual(['from-env']);
    expect(t.display).toBe('redis://127.0.0.1');
  });
  it('turns on TLS for rediss:// with the given CA, and refuses TLS files for plain redis://', () => {
    const dir = mkdtempSync(join(tmpdir(), 'detente-tls-'));
    writeFileSync(join(dir, 'ca.pem'), 'CA');
    const t = redisTarget('rediss://h:6380', { ca: join(dir, 'ca.pem') }, {});
    expect(t.connection.tls).toMatchObject({ servername: 'h' });
    expect(redisTarget('rediss://127.0.0.1', {}, {}).connection.tls.servername).toBeUndefined();
    expect(String(t.connection.tls.ca)).toBe('CA');
    expect(() => redisTarget('redis://h:6380', { ca: join(dir, 'ca.pem') }, {})).toThrow(/needs a rediss:\/\/ URL/);
    expect(() => redisTarget('rediss://h', { ca: join(dir, 'missing.pem') }, {})).toThrow(/cannot read/);
  });
  it('refuses other schemes and bad paths without echoing the password', () => {
    for (const url of ['http://:secret-x@h:1', 'redis://:secret-x@h/db']) {
      let message = '';
      try {
        redisTarget(url, {}, {});
      } catch (e) {
        expect(e).toBeInstanceOf(UserError);
        message = (e as Error).message;
      }
      expect(message).not.toBe('');
      expect(message).not.toContain('secret-x');
    }
  });
});

describe('redact', () => {
  it('masks every secret, also URL-encoded, in messages and stacks', () => {
    expect(redact('auth p@ss failed for redis://:p%40ss@h', ['p@ss'])).toBe('auth *** failed for redis://:***@h');
    const e = redactError(new Error('boom p@ss'), ['p@ss']) as Error;
    expect(e.message).toBe('boom ***');
    expect(e.stack).not.toContain('p@ss');
    const u = redactError(new UserError('X', 'bad p@ss', 'try p@ss'), ['p@ss']) as UserError;
    expect(u).toBeInstanceOf(UserError);
    expect([u.message, u.suggestion, u.code]).toEqual(['bad ***', 'try ***', 'X']);
  });
});
