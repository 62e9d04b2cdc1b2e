import { type Db, queryPrepared } from '@fakturo/db';
import type { Knex } from 'knex';
import type { Ctx } from '../context';
import { scoped } from '../context';
import { DomainError } from '../errors';
import { newId } from '../ids';
import { normaliseLimit, type Page, type PageQuery } from '../pagination';
import {
  type ChainedEntry,
  canonicalJson,
  entryHash,
  entryHashOfText,
  GENESIS_HASH,
  unsealedBytes,
  unsealedText,
} from './chain';

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
  /**
   * Before the change: for an update, the fields that changed with their old values (see `changes`); the whole
   * resource as the API returned it when it was deleted; null when it was created.
   */
  before: unknown;
  /** After the change: for an update, the changed fields' new values; the whole resource when it was created; null when it was deleted. */
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
  /**
   * Who asked for the change, when one statement writes the changes of several requests (a group commit, see
   * contacts.create); the context's actor and request id otherwise.
   */
  by?: Pick<Ctx, 'actor' | 'requestId'>;
  /**
   * For a creation written by one statement with its resource (`recordManyStatement`'s `objects`): the place
   * of `after` in the statement's jsonb array, which the entry's `after` is then taken from instead of being
   * sent and parsed again. `after` must be that element (plain JSON); `before` is left out.
   */
  afterAt?: number;
}

interface AuditRow {
  organization_id: string;
  /** Null until sealed (see `seal`), like the hashes. */
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

const isRecord = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * What an update changed: of `before` and `after` (both objects), the top-level fields whose values differ —
 * each side with its own value, a field that appeared or disappeared with null on the other side. A creation
 * (no `before`) or a deletion (no `after`) keeps the whole object. So an entry says what changed from what to
 * what without repeating what did not: a payment on an issued invoice records its status, paid and open
 * amounts, not its lines and address snapshots again (they are in the invoice's `invoice.finalized` entry,
 * and immutable since). The resource at any point is its creation entry with the later changes applied.
 */
export function changes(before: unknown, after: unknown): { before: unknown; after: unknown } {
  if (!isRecord(before) || !isRecord(after) || before instanceof Date || after instanceof Date)
    return { before: plain(before), after: plain(after) };
  const was: Record<string, unknown> = {};
  const is: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const x = before[key] ?? null;
    const y = after[key] ?? null;
    if (x === y) continue;
    // the stored JSON of each side; only what changed is copied (an invoice's lines are compared, not copied)
    const xs = JSON.stringify(x);
    const ys = JSON.stringify(y);
    if (xs === ys || (typeof x === 'object' && typeof y === 'object' && sameJson(xs, ys))) continue;
    if (xs === undefined && ys === undefined) continue;
    was[key] = xs === undefined ? null : JSON.parse(xs);
    is[key] = ys === undefined ? null : JSON.parse(ys);
  }
  return { before: was, after: is };
}

/** Two JSON texts of one value written with keys in another order (as read back from jsonb) are the same. */
function sameJson(x: string | undefined, y: string | undefined): boolean {
  if (x === undefined || y === undefined) return false;
  return canonicalJson(JSON.parse(x)) === canonicalJson(JSON.parse(y));
}

/**
 * Appends entries to the organisation's audit log, in the caller's transaction, so an entry exists exactly
 * when the change committed. Entries are written unsealed — no `seq`, no hashes — which takes no shared lock:
 * concurrent writers of one organisation no longer queue behind each other's commits. Right after the commit
 * the process's sealer (see `autoSeal`) links them into the chain; readers seal before they read.
 */
export async function recordMany(ctx: Ctx, inputs: readonly AuditRecordInput[]): Promise<void> {
  if (inputs.length === 0) return;
  if (!ctx.db.isTransaction)
    throw new Error('audit entries are written inside the transaction of the change');
  // one statement whatever the number of entries
  const { cte, values, afterStatement } = recordManyStatement(ctx, inputs, 0);
  await queryPrepared(ctx.db, 'audit_record_many', `WITH ${cte} SELECT 1`, values);
  afterStatement();
}

/** The rows of `inputs` as `audit_log` stores them before sealing (an update keeps only its `changes`). */
function entryRows(ctx: Ctx, inputs: readonly AuditRecordInput[]) {
  return inputs.map((input) => {
    const changed =
      input.afterAt === undefined ? changes(input.before, input.after) : { before: null, after: input.after };
    return {
      id: newId('auditEntry'),
      actor_type: (input.by ?? ctx).actor.type,
      actor_id: (input.by ?? ctx).actor.id,
      action: input.action,
      resource_type: input.resourceType,
      resource_id: input.resourceId,
      before: changed.before,
      after: changed.after,
      request_id: (input.by ?? ctx).requestId ?? null,
    };
  });
}

const SEAL_BATCH = 2000;

/**
 * Links the organisation's unsealed entries into its hash chain: under the chain head's row lock, each gets
 * the next `seq`, the previous entry's hash and its own hash = SHA-256(prev_hash ‖ canonical JSON of the
 * entry). Entries are sealed in the order they were written (`created_at`, then id); one committed later than
 * a seal's snapshot is sealed by the next one. Returns the number sealed. Safe to run anywhere, any time,
 * concurrently: the head lock serialises sealers.
 *
 * An entry this process wrote is hashed from the canonical text kept when it was written (see `Sealer`); only
 * the others (another process's, or one whose text was dropped) are read back. The text is the one reading
 * the entry back would give: its values went through `changes` (plain JSON) and its time is the millisecond
 * one stored — and `verify` recomputes every hash from the stored content.
 */
export async function seal(db: Db, organizationId: string): Promise<number> {
  const texts = sealers.get(db.client.config as object)?.texts;
  let sealed = 0;
  for (;;) {
    const ids: string[] = [];
    const count = await db.transaction(async (trx) => {
      const head = await trx.raw<{ rows: { seq: string | number; hash: string }[] }>(
        `INSERT INTO audit_chain_heads (organization_id, seq, hash) VALUES (?, 0, ?)
         ON CONFLICT (organization_id) DO UPDATE SET seq = audit_chain_heads.seq
         RETURNING seq, hash`,
        [organizationId, GENESIS_HASH],
      );
      let seq = Number(head.rows[0]!.seq);
      let hash = head.rows[0]!.hash;
      const unsealed = await queryPrepared<{ id: string }>(
        trx,
        'audit_unsealed_ids',
        `SELECT id FROM audit_log WHERE organization_id = $1 AND seq IS NULL ORDER BY created_at, id LIMIT ${SEAL_BATCH}`,
        [organizationId],
      );
      if (unsealed.length === 0) return 0;
      for (const row of unsealed) ids.push(row.id);
      const unknown = texts ? ids.filter((id) => !texts.has(id)) : ids;
      const read = new Map<string, string>();
      if (unknown.length > 0) {
        const rows: AuditRow[] = await trx('audit_log')
          .where('organization_id', organizationId)
          .whereIn('id', unknown)
          .select('*');
        for (const row of rows) {
          read.set(row.id, unsealedText(chainedContent(organizationId, row, row.created_at.toISOString())));
        }
      }
      const links = ids.map((id) => {
        const text = texts?.get(id) ?? read.get(id)!;
        seq += 1;
        const prevHash = hash;
        hash = entryHashOfText(prevHash, text, seq);
        return { id, seq, prev_hash: prevHash, hash };
      });
      await trx.raw(
        `WITH sealed AS (
           UPDATE audit_log a SET seq = l.seq, prev_hash = l.prev_hash, hash = l.hash
             FROM json_to_recordset(?::json) AS l(id text, seq bigint, prev_hash text, hash text)
            WHERE a.organization_id = ? AND a.id = l.id AND a.seq IS NULL
         )
         UPDATE audit_chain_heads SET seq = ?, hash = ? WHERE organization_id = ?`,
        [JSON.stringify(links), organizationId, seq, hash, organizationId],
      );
      return ids.length;
    });
    if (texts) for (const id of ids) texts.delete(id);
    sealed += count;
    if (count < SEAL_BATCH) return sealed;
  }
}

/** Seals every organisation's unsealed entries: the cron's safety net for entries a dead process left. */
export async function sealAll(db: Db): Promise<number> {
  const orgs: string[] = await db('audit_log').whereNull('seq').distinct().pluck('organization_id');
  let sealed = 0;
  for (const org of orgs) sealed += await seal(db, org);
  return sealed;
}

/**
 * How long the sealer lets entries gather before it seals them. A seal is a transaction of a few statements
 * and a commit whatever it seals; under load, sealing every commit's entries at once (as soon as the previous
 * seal ended) cost more than the writes themselves — a tenth of a second's entries sealed together cost a
 * little more than their hashes. Readers (the list, verify) seal before they read, so they never wait for it.
 */
const SEAL_WINDOW_MS = 100;

/**
 * Canonical texts kept for sealing at most (the oldest are dropped; their entries are read back instead). A
 * window gathers a few hundred entries under load; the bound only matters while seals fail (database gone),
 * and keeps that at some 20–40 MB.
 */
const KEPT_TEXTS = 20_000;

/**
 * Sealing soon after commit. `autoSeal(db)` (the API and the worker call it at start) gives the database a
 * sealer; every transaction that recorded entries asks it, once committed, to seal that organisation — within
 * `SEAL_WINDOW_MS`, together with whatever else was committed meanwhile. At most one seal per organisation
 * runs at a time in a process. Failures are reported and left for the next seal (a reader, the next write, or
 * the worker's cron).
 *
 * The sealer also keeps the canonical text of each entry this process wrote (`remember`), so `seal` hashes
 * it without reading it back. A text whose entry rolled back or was sealed elsewhere is never used (a seal
 * hashes only entries it found unsealed in the database) and is dropped in time.
 */
class Sealer {
  private readonly state = new Map<string, 'waiting' | 'again'>();
  private readonly inFlight = new Set<Promise<void>>();
  readonly texts = new Map<string, Buffer>();

  constructor(
    private readonly db: Db,
    private readonly onError: (error: unknown) => void,
  ) {}

  remember(entries: readonly Omit<ChainedEntry, 'seq'>[]): void {
    for (const entry of entries) this.texts.set(entry.id, unsealedBytes(entry));
    // a Map iterates in insertion order: the first keys are the oldest
    for (const id of this.texts.keys()) {
      if (this.texts.size <= KEPT_TEXTS) break;
      this.texts.delete(id);
    }
  }

  request(organizationId: string): void {
    if (this.state.has(organizationId)) {
      this.state.set(organizationId, 'again');
      return;
    }
    this.state.set(organizationId, 'waiting');
    const run = (async () => {
      try {
        do {
          this.state.set(organizationId, 'waiting');
          await new Promise((resolve) => setTimeout(resolve, SEAL_WINDOW_MS));
          await seal(this.db, organizationId);
        } while (this.state.get(organizationId) === 'again');
      } catch (error) {
        this.onError(error);
      } finally {
        this.state.delete(organizationId);
      }
    })();
    this.inFlight.add(run);
    void run.finally(() => this.inFlight.delete(run));
  }

  /** Waits for the seals asked for so far (graceful shutdown, tests). */
  async drain(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
  }
}

// keyed by the knex client's config: a transaction's client is a copy that shares it with the root instance
const sealers = new WeakMap<object, Sealer>();

/** Gives `db` a sealer (idempotent). Returns a function that waits for the seals in flight. */
export function autoSeal(db: Db, onError: (error: unknown) => void = defaultSealError): () => Promise<void> {
  const key = db.client.config as object;
  let sealer = sealers.get(key);
  if (!sealer) {
    sealer = new Sealer(db, onError);
    sealers.set(key, sealer);
  }
  const registered = sealer;
  return () => registered.drain();
}

function defaultSealError(error: unknown): void {
  console.error('audit seal failed; the next seal or the worker cron will retry:', error);
}

function sealAfterCommit(ctx: Ctx, sealer: Sealer): void {
  const trx = ctx.db as Knex.Transaction & { executionPromise?: Promise<unknown> };
  if (!trx.executionPromise) return;
  const org = ctx.organizationId;
  // resolves once the transaction committed; a rollback leaves nothing to seal
  trx.executionPromise.then(
    () => sealer.request(org),
    () => undefined,
  );
}

function chainedEntry(row: AuditRow, seq: number): ChainedEntry {
  return { ...chainedContent(row.organization_id, row, row.created_at.toISOString()), seq };
}

/** What an entry's hash covers, but its `seq`: from its row as stored, or as `entryRows` writes it. */
function chainedContent(
  organizationId: string,
  row: Omit<AuditRow, 'organization_id' | 'seq' | 'prev_hash' | 'hash' | 'created_at'>,
  createdAt: string,
): Omit<ChainedEntry, 'seq'> {
  return {
    organizationId,
    id: row.id,
    actor: { type: row.actor_type, id: row.actor_id },
    action: row.action,
    resourceType: row.resource_type,
    resourceId: row.resource_id,
    before: row.before,
    after: row.after,
    requestId: row.request_id,
    createdAt,
  };
}

/** One entry; see `recordMany`. */
export async function record(ctx: Ctx, input: AuditRecordInput): Promise<void> {
  await recordMany(ctx, [input]);
}

/**
 * `recordMany` as a part of ONE larger SQL statement, for a set-based write that is its own transaction or
 * runs in the caller's (contacts/repo.ts `insertContacts`: a contact create is one statement). The entries
 * are the rows `recordMany` writes — unsealed, same columns, same `changes` — as the data-modifying CTE
 * `audit_rows AS (…)` with placeholders `$offset+1…` of `values`. Call `afterStatement()` once the statement
 * ran: it asks the sealer to seal them after the commit — the caller's transaction's, or right away when the
 * statement ran on its own (autocommit: the statement was the transaction, and it has committed).
 */
export function recordManyStatement(
  ctx: Ctx,
  inputs: readonly AuditRecordInput[],
  offset: number,
  objects?: string,
): { cte: string; values: unknown[]; afterStatement: () => void } {
  if (!objects && inputs.some((input) => input.afterAt !== undefined))
    throw new Error('an entry whose after is in the statement needs the statement’s objects');
  const rows = entryRows(ctx, inputs);
  const createdAt = ctx.clock.now().toISOString();
  const p = (n: number) => `$${offset + n}`;
  // an entry whose `after` is one of `objects` travels without it
  const sent = rows.map((row, i) =>
    inputs[i]!.afterAt === undefined ? row : { ...row, after: null, after_at: inputs[i]!.afterAt },
  );
  return {
    cte: `audit_rows AS (
      INSERT INTO audit_log (organization_id, id, actor_type, actor_id, action, resource_type, resource_id,
                             before, after, request_id, created_at)
      SELECT ${p(1)}::text, id, actor_type, actor_id, action, resource_type, resource_id, before,
             ${objects ? `coalesce(after, ${objects} -> after_at)` : 'after'}, request_id, ${p(2)}::timestamptz
        FROM jsonb_to_recordset(${p(3)}::jsonb) AS r(id text, actor_type text, actor_id text, action text,
             resource_type text, resource_id text, before jsonb, after jsonb, request_id text, after_at integer)
    )`,
    values: [ctx.organizationId, createdAt, JSON.stringify(sent)],
    afterStatement: () => {
      if (rows.length === 0) return;
      const sealer = sealers.get(ctx.db.client.config as object);
      if (!sealer) return;
      sealer.remember(rows.map((row) => chainedContent(ctx.organizationId, row, createdAt)));
      if (ctx.db.isTransaction) sealAfterCommit(ctx, sealer);
      else sealer.request(ctx.organizationId);
    },
  };
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
  // what committed before this read is in the chain, and so in the list
  await seal(ctx.db, ctx.organizationId);
  const q = scoped(ctx, 'audit_log').whereNotNull('seq').select('*');
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
  /** Entries committed while the verification ran, not yet in the chain (sealed by the next read or write). */
  unsealed: number;
}

const VERIFY_BATCH = 1000;

/**
 * Walks the organisation's chain from the first entry, recomputing every hash from the stored content
 * (DOMAIN.md §3: `GET /v1/audit-log/verify` proves the chain is intact). Reads in batches by sequence, so
 * memory stays flat however long the chain is.
 */
export async function verify(ctx: Ctx): Promise<AuditVerification> {
  await seal(ctx.db, ctx.organizationId);
  const result = await verifyChain(ctx);
  const [{ count }] = await scoped(ctx, 'audit_log')
    .whereNull('seq')
    .count<{ count: string }[]>({ count: '*' });
  return { ...result, unsealed: Number(count) };
}

async function verifyChain(ctx: Ctx): Promise<Omit<AuditVerification, 'unsealed'>> {
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
      const entry = chainedEntry(row, row.seq);
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
