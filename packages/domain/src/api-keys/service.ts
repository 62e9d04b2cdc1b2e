import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Db } from '@fakturo/db';
import { type Ctx, scoped } from '../context';
import { DomainError, notFound } from '../errors';
import { newId } from '../ids';
import { applyCursor, type Page, type PageQuery, toPage } from '../pagination';

export const SCOPES = ['read', 'write'] as const;
export type Scope = (typeof SCOPES)[number];

export interface ApiKey {
  id: string;
  name: string;
  /** The last four characters, to tell keys apart; the secret itself is never stored. */
  secretHint: string;
  scopes: Scope[];
  createdAt: string;
  lastUsedAt: string | null;
}

export interface ApiKeyWithSecret extends ApiKey {
  /** Shown once, at creation. */
  secret: string;
}

interface ApiKeyRow {
  id: string;
  organization_id: string;
  name: string;
  secret_hash: Buffer;
  secret_hint: string;
  scopes: Scope[];
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

const COLUMNS = ['id', 'organization_id', 'name', 'secret_hint', 'scopes', 'created_at', 'last_used_at'];

function toApiKey(row: Omit<ApiKeyRow, 'secret_hash' | 'revoked_at'>): ApiKey {
  return {
    id: row.id,
    name: row.name,
    secretHint: row.secret_hint,
    scopes: row.scopes,
    createdAt: row.created_at.toISOString(),
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
  };
}

/** SHA-256 is enough for secrets with 192 random bits: there is nothing to brute-force. */
export function hashSecret(secret: string): Buffer {
  return createHash('sha256').update(secret, 'utf8').digest();
}

export function generateSecret(): string {
  return `fk_${randomBytes(24).toString('base64url')}`;
}

const SECRET_SHAPE = /^[A-Za-z0-9_-]{20,200}$/;

export async function create(
  ctx: Ctx,
  input: { name: string; scopes: Scope[] },
  secret = generateSecret(),
): Promise<ApiKeyWithSecret> {
  if (!SECRET_SHAPE.test(secret)) {
    throw new DomainError(
      'unprocessable',
      'api_key_secret_invalid',
      'A key secret needs 20–200 characters of [A-Za-z0-9_-].',
    );
  }
  const scopes = [...new Set(input.scopes)].sort() as Scope[];
  const [row] = await ctx
    .db('api_keys')
    .insert({
      id: newId('apiKey'),
      organization_id: ctx.organizationId,
      name: input.name,
      secret_hash: hashSecret(secret),
      secret_hint: secret.slice(-4),
      scopes,
      created_at: ctx.clock.now(),
    })
    .returning(COLUMNS);
  return { ...toApiKey(row), secret };
}

export async function list(ctx: Ctx, query: PageQuery): Promise<Page<ApiKey>> {
  const rows = await applyCursor(scoped(ctx, 'api_keys').select(COLUMNS).whereNull('revoked_at'), query);
  return toPage(rows, query, toApiKey);
}

export async function revoke(ctx: Ctx, id: string): Promise<void> {
  const updated = await scoped(ctx, 'api_keys')
    .where('id', id)
    .whereNull('revoked_at')
    .update({ revoked_at: ctx.clock.now() });
  if (updated === 0) throw notFound('api_key', id);
}

export interface Authenticated {
  keyId: string;
  organizationId: string;
  scopes: Scope[];
  isSandbox: boolean;
  timezone: string;
  /** A sandbox's frozen test clock (null: real time); read with the key, so it costs no extra query. */
  clockTime: Date | null;
}

/** Resolves a presented secret to its key and organisation, or null for an unknown or revoked key. */
export async function authenticate(db: Db, secret: string): Promise<Authenticated | null> {
  if (!SECRET_SHAPE.test(secret)) return null;
  const hash = hashSecret(secret);
  const row = await db('api_keys as k')
    .join('organizations as o', 'o.id', 'k.organization_id')
    .select(
      'k.id',
      'k.organization_id',
      'k.scopes',
      'k.secret_hash',
      'o.is_sandbox',
      'o.timezone',
      'o.clock_time',
    )
    .where('k.secret_hash', hash)
    .whereNull('k.revoked_at')
    .first();
  // The index lookup already matched; the constant-time compare keeps the check honest if that ever changes.
  if (!row || !timingSafeEqual(row.secret_hash, hash)) return null;
  return {
    keyId: row.id,
    organizationId: row.organization_id,
    scopes: row.scopes,
    isSandbox: row.is_sandbox,
    timezone: row.timezone,
    clockTime: row.clock_time,
  };
}

/** Records use at most once a minute per key, so authentication does not write on every request. */
export async function touch(db: Db, keyId: string, now: Date): Promise<void> {
  await db('api_keys')
    .where('id', keyId)
    .where((q) => q.whereNull('last_used_at').orWhere('last_used_at', '<', new Date(now.getTime() - 60_000)))
    .update({ last_used_at: now });
}
