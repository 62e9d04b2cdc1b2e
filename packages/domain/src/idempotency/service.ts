import { createHash } from 'node:crypto';
import type { Db } from '@fakturo/db';
import { canonicalJson } from '../audit/chain';
import { DomainError } from '../errors';

/** Stored responses are kept at least 24 h (API.md); a key in flight longer than this is considered abandoned. */
export const RETENTION_MS = 24 * 60 * 60 * 1000;
export const IN_FLIGHT_TIMEOUT_MS = 5 * 60 * 1000;

export interface StoredResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export type Claim = { kind: 'claimed' } | { kind: 'replay'; response: StoredResponse };

/**
 * What makes two requests with one key the same request: method, path and body. A JSON body is hashed as
 * canonical JSON (keys sorted, audit/chain.ts): JSON objects are unordered (RFC 8259 §4), and a retry that
 * serialised the same body again with its keys in another order — a queue that stored the body as a map — is
 * the same request, not a reused key (it used to be 422). A text body (CSV) is hashed as sent.
 */
export function requestHash(method: string, path: string, body: unknown): Buffer {
  return hashOf(method, path, typeof body === 'string' ? body : canonicalJson(body ?? null));
}

/**
 * The hash keys were stored with before `requestHash` sorted keys: the JSON text in the order received. Accepted
 * too, so a retry of a request made before the change is still replayed; such keys are gone 24 h after it
 * (RETENTION_MS), and this can go with the next release.
 */
export function legacyRequestHash(method: string, path: string, body: unknown): Buffer {
  return hashOf(method, path, typeof body === 'string' ? body : JSON.stringify(body ?? null));
}

function hashOf(method: string, path: string, body: string): Buffer {
  return createHash('sha256').update(`${method} ${path}\n`).update(body).digest();
}

/**
 * Claims an idempotency key for a request, or explains why it cannot run:
 * the same key with the same request that completed → replay; still running → 409; other body → 422.
 */
export async function claim(
  db: Db,
  organizationId: string,
  key: string,
  hash: Buffer,
  now: Date,
  /** Another hash the same request may be stored under (legacyRequestHash), asked only on a mismatch. */
  alsoStoredAs?: () => Buffer,
): Promise<Claim> {
  const inserted = await db.raw<{ rows: unknown[] }>(
    `INSERT INTO idempotency_keys (organization_id, key, request_hash, status, created_at, expires_at)
     VALUES (?, ?, ?, 'in_flight', ?, ?)
     ON CONFLICT (organization_id, key) DO UPDATE
       SET request_hash = EXCLUDED.request_hash, status = 'in_flight', created_at = EXCLUDED.created_at,
           expires_at = EXCLUDED.expires_at, response_status = NULL, response_headers = NULL, response_body = NULL
       WHERE idempotency_keys.expires_at < EXCLUDED.created_at
          OR (idempotency_keys.status = 'in_flight' AND idempotency_keys.created_at < ?)
     RETURNING 1`,
    [
      organizationId,
      key,
      hash,
      now,
      new Date(now.getTime() + RETENTION_MS),
      new Date(now.getTime() - IN_FLIGHT_TIMEOUT_MS),
    ],
  );
  if (inserted.rows.length === 1) return { kind: 'claimed' };

  const existing = await db('idempotency_keys').where({ organization_id: organizationId, key }).first();
  if (!existing) return claim(db, organizationId, key, hash, now, alsoStoredAs);
  const stored = Buffer.from(existing.request_hash);
  if (!stored.equals(hash) && !(alsoStoredAs && stored.equals(alsoStoredAs()))) {
    throw new DomainError(
      'unprocessable',
      'idempotency_key_reused',
      'This Idempotency-Key was used with a different request; use a new key for a new request.',
    );
  }
  if (existing.status === 'in_flight') {
    throw new DomainError(
      'conflict',
      'idempotency_request_in_progress',
      'A request with this Idempotency-Key is still being processed; retry after it completes.',
    );
  }
  return {
    kind: 'replay',
    response: {
      status: existing.response_status,
      headers: existing.response_headers ?? {},
      body: existing.response_body,
    },
  };
}

export async function complete(
  db: Db,
  organizationId: string,
  key: string,
  response: StoredResponse,
): Promise<void> {
  await db('idempotency_keys')
    .where({ organization_id: organizationId, key })
    .update({
      status: 'completed',
      response_status: response.status,
      response_headers: JSON.stringify(response.headers),
      response_body: response.body,
    });
}

/** Releases a key whose request failed before it changed anything (5xx), so a retry may run again. */
export async function release(db: Db, organizationId: string, key: string): Promise<void> {
  await db('idempotency_keys').where({ organization_id: organizationId, key, status: 'in_flight' }).delete();
}

export async function purgeExpired(db: Db, now: Date): Promise<number> {
  return db('idempotency_keys').where('expires_at', '<', now).delete();
}
