import { createHash } from 'node:crypto';

/**
 * The hash chain of the audit log (DOMAIN.md §3), pure: canonical JSON and the entry hash. Each entry's hash
 * is SHA-256 over the previous entry's hash followed by the canonical JSON of the entry itself, so any change
 * to an entry — or removing or inserting one — breaks every hash from there on.
 */

/** The previous hash of an organisation's first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * Object keys as JSON strings, so each is quoted once per process rather than once per member written: the
 * keys of audited resources are a few hundred names. Bounded, so keys of arbitrary metadata cannot grow it
 * without limit (past the bound a key is quoted each time, as before).
 */
const quotedKeys = new Map<string, string>();
const QUOTED_KEYS_MAX = 10_000;

function quotedKey(key: string): string {
  let quoted = quotedKeys.get(key);
  if (quoted === undefined) {
    quoted = JSON.stringify(key);
    if (quotedKeys.size < QUOTED_KEYS_MAX) quotedKeys.set(key, quoted);
  }
  return quoted;
}

/**
 * JSON with object keys sorted (recursively) and `undefined` members left out: one text per value, whatever
 * order the keys were written in — and the same text for the value read back from a jsonb column, which
 * reorders keys. Values are plain JSON (strings, finite numbers, booleans, null, arrays, objects).
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value))
      throw new RangeError('audit values must be finite');
    return JSON.stringify(value) ?? 'null';
  }
  // loops and concatenation rather than filter/map/join, keys quoted once (quotedKey): this runs over every
  // audited resource, every entry
  let out: string;
  if (Array.isArray(value)) {
    out = '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out += ',';
      out += value[i] === undefined ? 'null' : canonicalJson(value[i]);
    }
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  out = '{';
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const member = record[key];
    if (member === undefined) continue;
    if (out.length > 1) out += ',';
    out += quotedKey(key);
    out += ':';
    out += canonicalJson(member);
  }
  return `${out}}`;
}

/** What an entry's hash covers: everything but the hashes themselves. */
export interface ChainedEntry {
  organizationId: string;
  seq: number;
  id: string;
  actor: { type: string; id: string };
  action: string;
  resourceType: string;
  resourceId: string;
  before: unknown;
  after: unknown;
  requestId: string | null;
  /** RFC 3339 with milliseconds, as `Date.toISOString()` writes it. */
  createdAt: string;
}

export function entryHash(prevHash: string, entry: ChainedEntry): string {
  return createHash('sha256').update(prevHash).update(canonicalJson(entry)).digest('hex');
}

/**
 * An entry's canonical JSON without its `seq`, which it gets only when it is sealed: written once, when the
 * entry is, so sealing it costs one hash rather than reading the entry back. `seq` sorts after every other key
 * of a `ChainedEntry`, so the entry's canonical JSON is this text with `,"seq":N` before its closing brace.
 */
export function unsealedText(entry: Omit<ChainedEntry, 'seq'>): string {
  return canonicalJson(entry);
}

/**
 * An entry's `unsealedText` as UTF-8 bytes: what the sealer keeps until the entry is sealed. A string built by
 * concatenation is a tree of hundreds of small pieces until something flattens it, and kept for the tenth of
 * a second until its seal, every piece is copied by each young-generation garbage collection it survives —
 * under load that cost more CPU than making the text (BENCHMARKS.md, api, 2026-11-28 03:00). The bytes are
 * one object the collector does not look into, and they are what SHA-256 reads anyway.
 */
export function unsealedBytes(entry: Omit<ChainedEntry, 'seq'>): Buffer {
  return Buffer.from(unsealedText(entry), 'utf8');
}

/** `entryHash(prevHash, entry)` from the entry's `unsealedText` (or `unsealedBytes`) and its `seq`. */
export function entryHashOfText(prevHash: string, text: string | Uint8Array, seq: number): string {
  // in pieces: the text is not copied into a new string with the `seq` in it; its last character is the
  // closing brace, one byte in UTF-8
  return createHash('sha256')
    .update(prevHash)
    .update(typeof text === 'string' ? text.slice(0, -1) : text.subarray(0, -1))
    .update(`,"seq":${seq}}`)
    .digest('hex');
}
