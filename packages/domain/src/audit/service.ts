import type { Ctx } from '../context';
import { scoped } from '../context';
import { DomainError } from '../errors';
import { newId } from '../ids';
import { normaliseLimit, type Page, type PageQuery } from '../pagination';
import { type ChainedEntry, entryHash, GENESIS_HASH } from './chain';

/**
 * The append-only, hash-chained audit log (DOMAIN.md §3, GoBD): who changed what, when, from what to what —
 * for documents, contacts, contracts and the organisation's settings. Entries are written by `record` in the
 * transaction of the change itself, so an entry exists exactly when the change committed.
 */

export interface AuditEntry {
  id: string;
  /** 1, 2, 3 … per organisation, without gaps. */
  seq: number;
  actor: { type: string; id: string };
  /** `<resource>.<verb>`, e.g. `invoice.finalized`, `contact.updated`, `organization.updated`. */
  action: string;
  resourceType: string;
  resourceId: string;
  /** The resource as the API returned it before the change; null when it was created. */
  before: unknown;
  /** The resource after the change; null when it was deleted. */
  after: unknown;
  requestId: string | null;
  createdAt: string;
  prevHash: string;
  hash: string;
}

export interface AuditRecordInput {
  action: string;
  resourceType: string;
  resourceId: string;
  before?: unknown;
  after?: unknown;
}

interface AuditRow {
  organization_id: string;
  seq: number;
  id: string;
  actor_type: string;
  actor_id: string;
  action: string;
  resource_type: string;
  resource_id: string;
  before: unknown;
  after: unknown;
  request_id: string | null;
  created_at: Date;
  prev_hash: string;
  hash: string;
}

/** A value as it is stored in jsonb and read back: dates become ISO strings, undefined members disappear. */
function plain(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}

/**
 * Appends entries to the organisation's chain, in the caller's transaction. The chain head row is locked
 * (upsert) until that transaction ends, so concurrent writers of one organisation append one after the
 * other and each sees the hash of the entry before it. Call it as the LAST write of a transaction: a
 * transaction that took the head and then waited for another lock (a number range, a contact row) could
 * deadlock with one holding that lock and waiting for the head.
 */
export async function recordMany(ctx: Ctx, inputs: readonly AuditRecordInput[]): Promise<void> {
  if (inputs.length === 0) return;
  if (!ctx.db.isTransaction)
    throw new Error('audit entries are written inside the transaction of the change');
  const head = await ctx.db.raw<{ rows: { seq: number; hash: string }[] }>(
    `INSERT INTO audit_chain_heads (organization_id, seq, hash) VALUES (?, 0, ?)
     ON CONFLICT (organization_id) DO UPDATE SET seq = audit_chain_heads.seq
     RETURNING seq, hash`,
    [ctx.organizationId, GENESIS_HASH],
  );
  let { seq, hash } = head.rows[0]!;
  const createdAt = ctx.clock.now().toISOString();
  const rows: Record<string, unknown>[] = [];
  for (const input of inputs) {
    seq += 1;
    const entry: ChainedEntry = {
      organizationId: ctx.organizationId,
      seq,
      id: newId('auditEntry'),
      actor: { type: ctx.actor.type, id: ctx.actor.id },
      action: input.action,
      resourceType: input.resourceType,
      resourceId: input.resourceId,
      before: plain(input.before),
      after: plain(input.after),
      requestId: ctx.requestId ?? null,
      createdAt,
    };
    const prevHash = hash;
    hash = entryHash(prevHash, entry);
    rows.push({
      seq,
      id: entry.id,
      actor_type: entry.actor.type,
      actor_id: entry.actor.id,
      action: entry.action,
      resource_type: entry.resourceType,
      resource_id: entry.resourceId,
      before: entry.before,
      after: entry.after,
      request_id: entry.requestId,
      prev_hash: prevHash,
      hash,
    });
  }
  // one statement for the entries and the new head, whatever their number (a data-modifying WITH always runs)
  await ctx.db.raw(
    `WITH added AS (
       INSERT INTO audit_log (organization_id, seq, id, actor_type, actor_id, action, resource_type, resource_id,
                              before, after, request_id, created_at, prev_hash, hash)
       SELECT ?::text, seq, id, actor_type, actor_id, action, resource_type, resource_id, before, after, request_id,
              ?::timestamptz, prev_hash, hash
         FROM json_to_recordset(?::json) AS r(seq bigint, id text, actor_type text, actor_id text, action text,
              resource_type text, resource_id text, before jsonb, after jsonb, request_id text, prev_hash text, hash text)
     )
     UPDATE audit_chain_heads SET seq = ?, hash = ? WHERE organization_id = ?`,
    [ctx.organizationId, createdAt, JSON.stringify(rows), seq, hash, ctx.organizationId],
  );
}

/** One entry; see `recordMany`. */
export async function record(ctx: Ctx, input: AuditRecordInput): Promise<void> {
  await recordMany(ctx, [input]);
}

function toEntry(row: AuditRow): AuditEntry {
  return {
    id: row.id,
    seq: row.seq,
    actor: { type: row.actor_type, id: row.actor_id },
    action: row.action,
    resourceType: row.resource_type,
    resourceId: row.resource_id,
    before: row.before,
    after: row.after,
    requestId: row.request_id,
    createdAt: row.created_at.toISOString(),
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

export interface AuditListQuery extends PageQuery {
  resourceId?: string;
  resourceType?: string;
  action?: string;
}

/** Newest first. The cursor is an entry id; entries are ordered by their place in the chain. */
export async function list(ctx: Ctx, query: AuditListQuery): Promise<Page<AuditEntry>> {
  const limit = normaliseLimit(query.limit);
  const q = scoped(ctx, 'audit_log').select('*');
  if (query.resourceId) q.where('resource_id', query.resourceId);
  if (query.resourceType) q.where('resource_type', query.resourceType);
  if (query.action) q.where('action', query.action);
  if (query.startingAfter) {
    const cursor = await scoped(ctx, 'audit_log').where('id', query.startingAfter).first('seq');
    if (!cursor) {
      throw new DomainError(
        'invalid_request',
        'cursor_invalid',
        'startingAfter is not an entry of this audit log.',
        {
          errors: [{ path: 'query.startingAfter', code: 'cursor_invalid', message: 'no such audit entry' }],
        },
      );
    }
    q.where('seq', '<', cursor.seq);
  }
  const rows: AuditRow[] = await q.orderBy('seq', 'desc').limit(limit + 1);
  const data = rows.slice(0, limit).map(toEntry);
  const hasMore = rows.length > limit;
  return { data, hasMore, nextCursor: hasMore ? data[data.length - 1]!.id : null };
}

export interface AuditVerification {
  /** True when every entry's hash, its link to the previous entry and the chain head agree. */
  valid: boolean;
  /** Entries checked (up to the first broken one). */
  checked: number;
  /** The first place the chain is broken: a changed entry, a missing one, or entries cut off the end. */
  firstBrokenSeq: number | null;
}

const VERIFY_BATCH = 1000;

/**
 * Walks the organisation's chain from the first entry, recomputing every hash from the stored content
 * (DOMAIN.md §3: `GET /v1/audit-log/verify` proves the chain is intact). Reads in batches by sequence, so
 * memory stays flat however long the chain is.
 */
export async function verify(ctx: Ctx): Promise<AuditVerification> {
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let checked = 0;
  for (;;) {
    const rows: AuditRow[] = await scoped(ctx, 'audit_log')
      .select('*')
      .where('seq', '>=', expectedSeq)
      .orderBy('seq')
      .limit(VERIFY_BATCH);
    for (const row of rows) {
      const entry: ChainedEntry = {
        organizationId: row.organization_id,
        seq: row.seq,
        id: row.id,
        actor: { type: row.actor_type, id: row.actor_id },
        action: row.action,
        resourceType: row.resource_type,
        resourceId: row.resource_id,
        before: row.before,
        after: row.after,
        requestId: row.request_id,
        createdAt: row.created_at.toISOString(),
      };
      // a gap means entries were removed; a wrong link or hash means an entry was changed
      if (row.seq !== expectedSeq) return { valid: false, checked, firstBrokenSeq: expectedSeq };
      checked += 1;
      if (row.prev_hash !== prevHash || entryHash(prevHash, entry) !== row.hash) {
        return { valid: false, checked, firstBrokenSeq: row.seq };
      }
      prevHash = row.hash;
      expectedSeq += 1;
    }
    if (rows.length < VERIFY_BATCH) break;
  }
  const head: { seq: number; hash: string } | undefined = await ctx
    .db('audit_chain_heads')
    .where('organization_id', ctx.organizationId)
    .first('seq', 'hash');
  const lastSeq = expectedSeq - 1;
  if ((head?.seq ?? 0) !== lastSeq || (head && head.hash !== prevHash)) {
    return { valid: false, checked, firstBrokenSeq: lastSeq + 1 };
  }
  return { valid: true, checked, firstBrokenSeq: null };
}
