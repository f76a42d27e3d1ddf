/**
 * Merges a scenario over the one it `extends`. Mappings merge key by key; lists of entries with
 * an `id` (or `group`) merge entry by entry, so a variant can change one event's field or drop it
 * with `remove: true`; other lists and scalars are replaced.
 */
export function mergeScenario(base: unknown, override: unknown): unknown {
  if (isPlainObject(base) && isPlainObject(override)) {
    const out: Record<string, unknown> = { ...base };
    for (const [key, value] of Object.entries(override)) {
      out[key] = key in base ? mergeScenario(base[key], value) : value;
    }
    return out;
  }
  if (Array.isArray(base) && Array.isArray(override) && isKeyedList(base) && isKeyedList(override)) {
    const out = base.map((entry) => ({ ...(entry as Record<string, unknown>) }));
    for (const entry of override as Record<string, unknown>[]) {
      const index = out.findIndex((e) => entryKey(e) === entryKey(entry));
      if (index === -1) out.push(entry);
      else out[index] = mergeScenario(out[index], entry) as Record<string, unknown>;
    }
    return out.filter((entry) => entry.remove !== true);
  }
  return override;
}

/** Drops entries marked `remove: true` from keyed lists of a document that extends nothing. */
export function dropRemoved(doc: unknown): unknown {
  if (isPlainObject(doc)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(doc)) out[k] = dropRemoved(v);
    return out;
  }
  if (Array.isArray(doc) && isKeyedList(doc)) {
    return doc.filter((e) => (e as Record<string, unknown>).remove !== true);
  }
  return doc;
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function entryKey(entry: unknown): string | undefined {
  if (!isPlainObject(entry)) return undefined;
  const key = entry.id ?? entry.group;
  return typeof key === 'string' ? key : undefined;
}

function isKeyedList(list: unknown[]): boolean {
  return list.length > 0 && list.every((e) => entryKey(e) !== undefined);
}
