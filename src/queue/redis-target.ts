import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import type { RedisOptions } from 'bullmq';
import { UserError } from '../cli/errors.ts';

/** Where a queue lives, how to connect to it, and what must never be printed. */
export interface RedisTarget {
  /** the URL with its password masked: the only form that is ever shown or stored */
  display: string;
  connection: RedisOptions;
  /** passwords and key material to mask in any message */
  secrets: string[];
}

export interface TlsFiles {
  ca?: string;
  cert?: string;
  key?: string;
}

/** The environment variable that can carry the password instead of the URL (which `ps` shows). */
export const PASSWORD_ENV = 'DETENTE_REDIS_PASSWORD';

/**
 * Masks credentials in any text a user typed that is echoed back: the password of a URL
 * (redis://user:pw@host → redis://user:***@host, a bare redis://token@host → redis://***@host),
 * also when the URL is malformed (redis//:pw@h, redis:/:pw@h) and when the text is no URL at all
 * (user:pw@host). Like the URL parser, it splits at the LAST @ before the host, so a password
 * holding an @ (redis://user:p@ss@h) is masked whole.
 */
export function redactUrl(text: string): string {
  // user:secret@host with no scheme before it (a scheme with slashes is left to the pass below)
  const bare = text.replace(/(^|[\s"'`<>(=,;])(?![a-z][a-z0-9+.-]*:?\/)([^\s"'`<>:@/]*):([^\s"'`<>]*)@/gi, (_m, before: string, user: string) => `${before}${user}:***@`);
  // scheme://userinfo@, scheme:/userinfo@ or scheme//userinfo@: userinfo runs to the last @ before the path
  return bare.replace(/\b([a-z][a-z0-9+.-]*)(:?\/+)([^/?#"'`<>\r\n]+)@/gi, (m, scheme: string, slashes: string, userinfo: string) => {
    const colon = userinfo.indexOf(':');
    if (colon >= 0) return `${scheme}${slashes}${userinfo.slice(0, colon)}:***@`;
    return slashes.replace(':', '').length >= 2 ? `${scheme}${slashes}***@` : m;
  });
}

/** Replaces every secret (and its URL-encoded form) in a text with ***. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) {
    if (s.length === 0) continue;
    for (const form of new Set([s, encodeURIComponent(s)])) out = out.split(form).join('***');
  }
  return out;
}

/** Returns an error whose message, hint and stack carry no secret. */
export function redactError(error: unknown, secrets: readonly string[]): unknown {
  if (error instanceof UserError) {
    const clean = new UserError(error.code, redact(error.message, secrets), error.suggestion === undefined ? undefined : redact(error.suggestion, secrets));
    Object.setPrototypeOf(clean, Object.getPrototypeOf(error));
    Object.assign(clean, error, { message: clean.message, suggestion: clean.suggestion });
    return clean;
  }
  if (error instanceof Error) {
    const clean = new Error(redact(error.message, secrets));
    clean.stack = redact(error.stack ?? '', secrets);
    return clean;
  }
  return new Error(redact(String(error), secrets));
}

/**
 * Reads a --queue URL: redis://[user:password@]host[:port][/db] or rediss://… for TLS. The
 * password may instead come from DETENTE_REDIS_PASSWORD; TLS files (a CA for a private
 * certificate authority, a client certificate and key) are read here.
 */
export function redisTarget(url: string, tls: TlsFiles = {}, env: Record<string, string | undefined> = process.env): RedisTarget {
  const display = redactUrl(url);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new UserError('USAGE', `--queue expects a URL redis://HOST:PORT (or rediss:// for TLS), found "${display}"`);
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') {
    throw new UserError('USAGE', `--queue expects a redis:// or rediss:// URL, found "${display}"`, 'e.g. --queue redis://127.0.0.1:6379 or --queue rediss://:PASSWORD@host:6380');
  }
  if (!parsed.hostname) throw new UserError('USAGE', `--queue ${display}: no host`, 'e.g. --queue redis://127.0.0.1:6379');
  const password = parsed.password ? decodeURIComponent(parsed.password) : env[PASSWORD_ENV] || undefined;
  const username = parsed.username ? decodeURIComponent(parsed.username) : undefined;
  const dbText = parsed.pathname.replace(/^\//, '');
  if (dbText !== '' && !/^\d+$/.test(dbText)) throw new UserError('USAGE', `--queue ${display}: the path names a database number, found "/${dbText}"`);
  const secure = parsed.protocol === 'rediss:';
  const given = Object.entries(tls).filter(([, v]) => v !== undefined);
  if (!secure && given.length) throw new UserError('USAGE', `--tls-${given[0][0]} needs a rediss:// URL (TLS), found ${display}`, `write ${display.replace(/^redis:/, 'rediss:')}`);
  const read = (what: string, file?: string) => {
    if (file === undefined) return undefined;
    try {
      return readFileSync(file);
    } catch {
      throw new UserError('USAGE', `--tls-${what}: cannot read ${file}`);
    }
  };
  const secrets = [password ?? '', parsed.password];
  const key = read('key', tls.key);
  if (key) secrets.push(key.toString('utf8').trim());
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  const connection: RedisOptions = {
    host,
    port: parsed.port ? Number(parsed.port) : 6379,
    ...(username ? { username } : {}),
    ...(password ? { password } : {}),
    ...(dbText ? { db: Number(dbText) } : {}),
    ...(secure ? { tls: { ...(isIP(host) ? {} : { servername: host }), ...(tls.ca ? { ca: read('ca', tls.ca) } : {}), ...(tls.cert ? { cert: read('cert', tls.cert) } : {}), ...(key ? { key } : {}) } } : {}),
    // BullMQ's blocking commands must wait as long as they need
    maxRetriesPerRequest: null,
  };
  return { display, connection, secrets: secrets.filter((s) => s.length > 0) };
}
