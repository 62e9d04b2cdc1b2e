import { queryPrepared } from '@fakturo/db';
import type { Knex } from 'knex';
import { type Ctx, scoped } from '../context';
import * as events from '../events/service';
import { applyCursor } from '../pagination';
import type {
  WebhookDelivery,
  WebhookDeliveryListQuery,
  WebhookEndpoint,
  WebhookEndpointListQuery,
} from './types';

export interface EndpointRow {
  id: string;
  organization_id: string;
  url: string;
  description: string | null;
  enabled_events: string[];
  enabled: boolean;
  disabled_reason: WebhookEndpoint['disabledReason'];
  disabled_at: Date | null;
  failing_since: Date | null;
  metadata: Record<string, string>;
  secret_encrypted: string;
  previous_secret_encrypted: string | null;
  previous_secret_expires_at: Date | null;
  secret_rotated_at: Date | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toEndpoint(row: EndpointRow): WebhookEndpoint {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    enabledEvents: row.enabled_events,
    enabled: row.enabled,
    disabledReason: row.disabled_reason,
    disabledAt: iso(row.disabled_at),
    failingSince: iso(row.failing_since),
    metadata: row.metadata,
    secretRotatedAt: iso(row.secret_rotated_at),
    previousSecretExpiresAt: iso(row.previous_secret_expires_at),
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export interface DeliveryRow {
  id: string;
  organization_id: string;
  endpoint_id: string;
  event_id: string;
  event_type: string;
  resource_id: string;
  trigger: WebhookDelivery['trigger'];
  status: WebhookDelivery['status'];
  attempts: number;
  failures: number;
  auto_retry: boolean;
  next_attempt_at: Date | null;
  last_attempt_at: Date | null;
  last_status_code: number | null;
  last_duration_ms: number | null;
  last_response_excerpt: string | null;
  last_error: string | null;
  completed_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

export function toDelivery(row: DeliveryRow): WebhookDelivery {
  return {
    id: row.id,
    endpointId: row.endpoint_id,
    eventId: row.event_id,
    eventType: row.event_type,
    trigger: row.trigger,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: iso(row.next_attempt_at),
    lastAttemptAt: iso(row.last_attempt_at),
    lastStatusCode: row.last_status_code,
    lastDurationMs: row.last_duration_ms,
    lastResponseExcerpt: row.last_response_excerpt,
    lastError: row.last_error,
    completedAt: iso(row.completed_at),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

const ENDPOINT_COLUMNS = [
  'id',
  'organization_id',
  'url',
  'description',
  'enabled_events',
  'enabled',
  'disabled_reason',
  'disabled_at',
  'failing_since',
  'metadata',
  'secret_encrypted',
  'previous_secret_encrypted',
  'previous_secret_expires_at',
  'secret_rotated_at',
  'version',
  'created_at',
  'updated_at',
];

const DELIVERY_COLUMNS = [
  'id',
  'organization_id',
  'endpoint_id',
  'event_id',
  'event_type',
  'resource_id',
  'trigger',
  'status',
  'attempts',
  'failures',
  'auto_retry',
  'next_attempt_at',
  'last_attempt_at',
  'last_status_code',
  'last_duration_ms',
  'last_response_excerpt',
  'last_error',
  'completed_at',
  'created_at',
  'updated_at',
];

/**
 * `lock: true` takes the row for an update; `lock: 'keyShare'` only keeps it from being deleted until the
 * transaction ends — what writing deliveries for the endpoint needs (webhook_deliveries has no foreign key
 * to it since migration 0016; the lock is what the key's check took, once per statement instead of per row).
 */
export async function findEndpoint(
  ctx: Ctx,
  id: string,
  options: { lock?: boolean | 'keyShare' } = {},
): Promise<EndpointRow | undefined> {
  const q = scoped(ctx, 'webhook_endpoints').select(ENDPOINT_COLUMNS).where('id', id);
  if (options.lock === 'keyShare') q.forKeyShare();
  else if (options.lock) q.forUpdate();
  return q.first();
}

/**
 * Takes the endpoint's sending lease until `until` when no other run holds it, and returns the endpoint;
 * undefined when it is disabled, gone, or another run is sending to it.
 */
export async function acquireSending(
  ctx: Ctx,
  id: string,
  now: Date,
  until: Date,
): Promise<EndpointRow | undefined> {
  const [row] = await scoped(ctx, 'webhook_endpoints')
    .where({ id, enabled: true })
    .where((w) => w.whereNull('sending_until').orWhere('sending_until', '<=', now))
    .update({ sending_until: until })
    .returning(ENDPOINT_COLUMNS);
  return row as EndpointRow | undefined;
}

export async function releaseSending(ctx: Ctx, id: string): Promise<void> {
  await scoped(ctx, 'webhook_endpoints').where('id', id).update({ sending_until: null });
}

export async function listEndpoints(ctx: Ctx, query: WebhookEndpointListQuery): Promise<EndpointRow[]> {
  const q = scoped(ctx, 'webhook_endpoints').select(ENDPOINT_COLUMNS);
  if (query.enabled !== undefined) q.where('enabled', query.enabled);
  return applyCursor(q, query);
}

export async function countEndpoints(ctx: Ctx): Promise<number> {
  const [{ n }] = await scoped(ctx, 'webhook_endpoints').count({ n: '*' });
  return Number(n);
}

/**
 * The organisation's enabled endpoints with what they subscribe to: what the fan-out matches against. The
 * rows are locked FOR KEY SHARE, so an endpoint cannot be deleted before the fan-out's deliveries to it have
 * committed (its delete then removes them too); updates, the sending lease included, do not wait for it.
 */
export async function enabledSubscriptions(ctx: Ctx): Promise<{ id: string; enabled_events: string[] }[]> {
  return scoped(ctx, 'webhook_endpoints')
    .where('enabled', true)
    .select('id', 'enabled_events')
    .orderBy('id')
    .forKeyShare();
}

export async function insertEndpoint(ctx: Ctx, row: EndpointRow): Promise<void> {
  await ctx.db('webhook_endpoints').insert({ ...row, metadata: JSON.stringify(row.metadata) });
}

export async function updateEndpoint(
  ctx: Ctx,
  id: string,
  changes: Partial<EndpointRow>,
): Promise<EndpointRow> {
  const values: Record<string, unknown> = { ...changes };
  if (changes.metadata) values.metadata = JSON.stringify(changes.metadata);
  const [row] = await scoped(ctx, 'webhook_endpoints')
    .where('id', id)
    .update(values)
    .returning(ENDPOINT_COLUMNS);
  return row as EndpointRow;
}

/** Deletes an endpoint and its delivery log (webhook_deliveries has no cascading key since migration 0016). */
export async function deleteEndpoint(ctx: Ctx, id: string): Promise<void> {
  await scoped(ctx, 'webhook_deliveries').where('endpoint_id', id).delete();
  await scoped(ctx, 'webhook_endpoints').where('id', id).delete();
}

export type NewDelivery = Pick<
  DeliveryRow,
  | 'id'
  | 'organization_id'
  | 'endpoint_id'
  | 'event_id'
  | 'event_type'
  | 'resource_id'
  | 'trigger'
  | 'auto_retry'
> & { next_attempt_at: Date; created_at: Date; updated_at: Date };

/**
 * One INSERT per 5,000 rows, the rows as one JSON parameter: a fan-out writes a delivery per event and
 * endpoint, and binding 11 parameters per row cost more Node CPU (building and serialising 11,000 values a
 * statement) than the insert cost PostgreSQL. Rows go in in the order given (the fan-out's event order), and
 * always into the caller's organisation.
 */
export async function insertDeliveries(ctx: Ctx, rows: NewDelivery[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 5000) {
    await ctx.db.raw(
      `INSERT INTO webhook_deliveries (id, organization_id, endpoint_id, event_id, event_type, resource_id,
         trigger, auto_retry, next_attempt_at, created_at, updated_at, status)
       SELECT r.id, ?, r.endpoint_id, r.event_id, r.event_type, r.resource_id, r.trigger,
         r.auto_retry, r.next_attempt_at, r.created_at, r.updated_at, 'pending'
       FROM jsonb_to_recordset(?::jsonb) AS r(id text, endpoint_id text, event_id text,
         event_type text, resource_id text, trigger text, auto_retry boolean, next_attempt_at timestamptz,
         created_at timestamptz, updated_at timestamptz)`,
      [ctx.organizationId, JSON.stringify(rows.slice(i, i + 5000))],
    );
  }
}

export async function findDelivery(
  ctx: Ctx,
  id: string,
  options: { lock?: boolean } = {},
): Promise<DeliveryRow | undefined> {
  const q = scoped(ctx, 'webhook_deliveries').select(DELIVERY_COLUMNS).where('id', id);
  if (options.lock) q.forUpdate();
  return q.first();
}

export async function listDeliveries(
  ctx: Ctx,
  endpointId: string,
  query: WebhookDeliveryListQuery,
): Promise<DeliveryRow[]> {
  const q = scoped(ctx, 'webhook_deliveries').select(DELIVERY_COLUMNS).where('endpoint_id', endpointId);
  if (query.status) q.where('status', query.status);
  if (query.eventId) q.where('event_id', query.eventId);
  if (query.eventType) q.where('event_type', query.eventType);
  return applyCursor(q, query);
}

export async function updateDelivery(
  ctx: Ctx,
  id: string,
  changes: Partial<DeliveryRow>,
): Promise<DeliveryRow> {
  const [row] = await scoped(ctx, 'webhook_deliveries')
    .where('id', id)
    .update(changes)
    .returning(DELIVERY_COLUMNS);
  return row as DeliveryRow;
}

/** Ends every open delivery of an endpoint that stopped receiving (disabled by hand, by 410 or by failing). */
export async function failOpenDeliveries(
  ctx: Ctx,
  endpointId: string,
  now: Date,
  reason: string,
): Promise<number> {
  return scoped(ctx, 'webhook_deliveries').where({ endpoint_id: endpointId, status: 'pending' }).update({
    status: 'failed',
    next_attempt_at: null,
    last_error: reason,
    completed_at: now,
    updated_at: now,
  });
}

/** Events of this organisation by id (for a replay). */
export async function findEvents(
  ctx: Ctx,
  ids: readonly string[],
): Promise<Pick<events.EventRow, 'id' | 'type' | 'resource_id'>[]> {
  return scoped(ctx, 'events').whereIn('id', ids).select('id', 'type', 'resource_id');
}

/** Events of a time range whose type one of `patterns` matches, oldest first, at most `limit`. */
export async function findEventsInRange(
  ctx: Ctx,
  range: { from: string; to: string },
  patterns: readonly string[],
  excludeTypes: readonly string[],
  limit: number,
): Promise<Pick<events.EventRow, 'id' | 'type' | 'resource_id'>[]> {
  const q = scoped(ctx, 'events')
    .select('id', 'type', 'resource_id')
    .where('created_at', '>=', range.from)
    .where('created_at', '<=', range.to)
    .whereNotIn('type', excludeTypes as string[])
    .orderBy('id')
    .limit(limit);
  if (!patterns.includes('*')) {
    const exact = patterns.filter((p) => !p.endsWith('.*'));
    const prefixes = patterns
      .filter((p) => p.endsWith('.*'))
      .map((p) => `${p.slice(0, -1).replace(/[\\%_]/g, '\\$&')}%`);
    q.where((w) => {
      w.whereRaw('type = ANY(?::text[])', [exact]).orWhereRaw('type LIKE ANY(?::text[])', [prefixes]);
    });
  }
  return q;
}

/** An event queued for the fan-out (webhook_outbox). */
export interface QueuedEvent {
  id: string;
  type: string;
  resource_id: string;
  created_at: Date;
}

/**
 * Takes up to `limit` of the organisation's queued events, oldest first, off the webhook outbox. The caller
 * holds the organisation's fan-out lock and commits their deliveries in the same transaction.
 */
export async function takeQueuedEvents(ctx: Ctx, limit: number): Promise<QueuedEvent[]> {
  const { rows } = await ctx.db.raw(
    `DELETE FROM webhook_outbox
     WHERE organization_id = ? AND event_id IN (
       SELECT event_id FROM webhook_outbox WHERE organization_id = ? ORDER BY event_id LIMIT ?)
     RETURNING event_id AS id, event_type AS type, resource_id, created_at`,
    [ctx.organizationId, ctx.organizationId, limit],
  );
  return (rows as QueuedEvent[]).sort((a, b) => (a.id < b.id ? -1 : 1));
}

/**
 * The ordering rule as SQL, for a delivery `d`: an earlier delivery of the same resource to the same
 * endpoint is still open. The key expression (organisation, endpoint and resource in one) matches
 * webhook_deliveries_chain_idx and no other index, so this stays an index probe whatever the statistics.
 */
const EARLIER_OPEN_DELIVERY = `
  SELECT 1 FROM webhook_deliveries p
  WHERE (p.organization_id || ' ' || p.endpoint_id || ' ' || p.resource_id)
      = (d.organization_id || ' ' || d.endpoint_id || ' ' || d.resource_id)
    AND p.status = 'pending' AND (p.event_id, p.id) < (d.event_id, d.id)`;

/**
 * Writes AttemptRecords into their deliveries — which must be the organisation's and the endpoint's — with
 * one UPDATE and no join: each delivery is found by `id = ANY(ids)` (an index probe per record, whichever
 * index on `id` the planner picks) and reads its record from one JSON object keyed by delivery id (a
 * binary search in the jsonb). Joining deliveries and records as two sets of rows (records from JSON or from
 * `unnest` of arrays) left the plan to row estimates that are worst exactly when a burst has just filled
 * the table: a 64-record batch was joined by a nested loop reading the record list again for every
 * delivery (10 of a claim's 12 ms), or by hashing every delivery of the endpoint (24 ms); this form costs
 * what the row updates themselves cost (~2 ms for 64). Placeholders: $1 organisation, $2 endpoint, and the
 * two given for the records' JSON and their ids.
 */
const updateFromRecords = (records: string, ids: string) =>
  `UPDATE webhook_deliveries d SET (status, attempts, failures, next_attempt_at,
    last_attempt_at, last_status_code, last_duration_ms, last_response_excerpt, last_error, completed_at, updated_at) =
  (SELECT r.status, d.attempts + 1, r.failures, r.next_attempt_at, r.attempted_at, r.status_code, r.duration_ms,
     r.excerpt, r.error, r.completed_at, r.attempted_at
   FROM jsonb_to_record(CAST(${records} AS jsonb) -> d.id) AS r(status text, failures int, next_attempt_at timestamptz,
     attempted_at timestamptz, status_code int, duration_ms int, excerpt text, error text, completed_at timestamptz))
  WHERE d.organization_id = $1 AND d.endpoint_id = $2 AND d.id = ANY(CAST(${ids} AS text[]))`;

const isoOrNull = (d: Date | null) => (d === null ? 'null' : `"${d.toISOString()}"`);

/**
 * The parameters of updateFromRecords. The JSON is written by hand: a batch is written for every 32 or
 * so deliveries, and `JSON.stringify` of the records as an object keyed by id (a dictionary-mode object,
 * three Dates each) was 4 % of the sending process's CPU.
 */
function recordParameters(records: readonly AttemptRecord[]) {
  const entries = records.map(
    (r) =>
      `${JSON.stringify(r.id)}:{"status":"${r.status}","failures":${r.failures},"next_attempt_at":${isoOrNull(r.next_attempt_at)},"attempted_at":${isoOrNull(r.attempted_at)},"status_code":${r.status_code},"duration_ms":${r.duration_ms},"excerpt":${JSON.stringify(r.excerpt)},"error":${JSON.stringify(r.error)},"completed_at":${isoOrNull(r.completed_at)}}`,
  );
  return { records: `{${entries.join(',')}}`, ids: records.map((r) => r.id) };
}

/** A claimed delivery with the event it carries. */
export interface ClaimedDelivery {
  id: string;
  failures: number;
  auto_retry: boolean;
  /** The endpoint's version when claimed: a change means a new URL or new secrets. */
  endpoint_version: number;
  event_id: string;
  /** The event as the webhook's body (events.eventJson). */
  body: string;
}

/**
 * The claim, with and without recording successes first: named prepared statements ($1 organisation,
 * $2 endpoint, $3 now, $4 limit, $5 in-flight ids comma-separated; $6 the records' JSON and $7 their ids),
 * parsed once per connection. PostgreSQL still plans every call with its values (a custom plan): with LIMIT a
 * parameter, the plan cache costs the generic plan as if it returned a tenth of the endpoint's due deliveries,
 * so it never prefers it. (A constant LIMIT per claim size made the plan generic; planning is ~1 ms of a
 * claim's ~7 ms and the benchmark showed no difference, so the claim stays one statement with a parameter.)
 * The due deliveries are chosen first (MATERIALIZED: at most LIMIT rows), then joined with their events by
 * primary key — never the other way round.
 */
const claimSql = (record: string) => `WITH ${record} due AS MATERIALIZED (
     SELECT d.id, d.failures, d.auto_retry, d.event_id FROM webhook_deliveries d
     WHERE d.organization_id = $1 AND d.endpoint_id = $2 AND d.status = 'pending'
       AND d.next_attempt_at <= $3
       -- a hashed anti-join: the run's whole window (256) is skipped at every claim, and \`<> ALL(array)\`
       -- compared each skipped row with every id in it (65,536 comparisons a claim)
       AND d.id NOT IN (SELECT unnest(string_to_array($5, ',')))
       AND NOT EXISTS (${EARLIER_OPEN_DELIVERY})
     -- due order only: the index's own order, so the scan stops after LIMIT rows (event order per
     -- resource is the NOT EXISTS above; among the equally due, the index keeps insertion order)
     ORDER BY d.next_attempt_at
     LIMIT $4
   ),
   -- the endpoint once (joined as a table it was probed again for every claimed row)
   endpoint AS MATERIALIZED (
     SELECT version FROM webhook_endpoints WHERE id = $2 AND organization_id = $1 AND enabled
   )
   SELECT due.id AS delivery_id, due.failures, due.auto_retry, w.version AS endpoint_version, e.id, e.organization_id,
     e.type, e.data::text AS data, e.request_id, ${events.CREATED_AT_ISO} AS created_at
   FROM due
   CROSS JOIN endpoint w
   JOIN events e ON e.id = due.event_id`;
const CLAIM_SQL = claimSql('');
const RECORD_AND_CLAIM_SQL = claimSql(`recorded AS (${updateFromRecords('$6', '$7')}),
   streak AS (
     UPDATE webhook_endpoints SET failing_since = NULL
     WHERE organization_id = $1 AND id = $2 AND failing_since IS NOT NULL
   ),`);

/** A claimed row: the event as EventText, with its delivery. */
type Row = events.EventText & {
  delivery_id: string;
  failures: number;
  auto_retry: boolean;
  endpoint_version: number;
};

/**
 * Picks up to `limit` due deliveries of an endpoint to send — and, in the same statement (one round trip,
 * one commit), records `successes`, attempts that came back 2xx, ending the endpoint's failure streak.
 *
 * A delivery is due when its time has come, its endpoint is enabled, it is not among `inFlight` (the
 * caller's requests under way), and — the ordering rule — no earlier delivery of the same resource to the
 * same endpoint is still open: a resource's deliveries go out one after another, in event order, each
 * waiting until the one before succeeded or finally failed. (A success recorded by this statement releases
 * its successor for the next claim: the statement sees the table as it was when it began.) The caller
 * holds the endpoint's sending lease, so no other run picks the same deliveries and a claim writes nothing.
 */
export async function claimDue(
  ctx: Ctx,
  endpointId: string,
  limit: number,
  now: Date,
  inFlight: readonly string[],
  successes: AttemptRecord[] = [],
): Promise<ClaimedDelivery[]> {
  const recording = successes.length > 0;
  const values: unknown[] = [
    ctx.organizationId,
    endpointId,
    now,
    limit,
    // one string, not a text[] parameter (whose 256 elements pg would quote one by one); ids hold no comma
    inFlight.join(','),
  ];
  if (recording) {
    const { records, ids } = recordParameters(successes);
    values.push(records, ids);
  }
  const rows = await queryPrepared<Row>(
    ctx.db,
    recording ? 'webhooks_record_and_claim' : 'webhooks_claim',
    recording ? RECORD_AND_CLAIM_SQL : CLAIM_SQL,
    values,
  );
  return rows
    .map((r) => ({
      id: r.delivery_id,
      failures: r.failures,
      auto_retry: r.auto_retry,
      endpoint_version: r.endpoint_version,
      event_id: r.id,
      body: events.eventJson(r),
    }))
    .sort((a, b) => (a.event_id < b.event_id ? -1 : a.event_id > b.event_id ? 1 : 0));
}

export interface AttemptRecord {
  id: string;
  status: WebhookDelivery['status'];
  failures: number;
  next_attempt_at: Date | null;
  attempted_at: Date;
  status_code: number | null;
  duration_ms: number;
  excerpt: string | null;
  error: string | null;
  completed_at: Date | null;
}

const RECORD_ATTEMPTS_SQL = updateFromRecords('$3', '$4');

/** Writes the outcome of many attempts (all of one endpoint) with one UPDATE (see updateFromRecords). */
export async function recordAttempts(ctx: Ctx, endpointId: string, records: AttemptRecord[]): Promise<void> {
  if (records.length === 0) return;
  const { records: json, ids } = recordParameters(records);
  await queryPrepared(ctx.db, 'webhooks_record_attempts', RECORD_ATTEMPTS_SQL, [
    ctx.organizationId,
    endpointId,
    json,
    ids,
  ]);
}

/**
 * When the endpoint next has something to send: the earliest due time among deliveries at the head of
 * their resource's queue (a held delivery waits for its predecessor, not for a time).
 */
export async function nextDue(ctx: Ctx, endpointId: string): Promise<Date | null> {
  const { rows } = await ctx.db.raw(
    `SELECT min(d.next_attempt_at) AS next
     FROM webhook_deliveries d
     WHERE d.organization_id = ? AND d.endpoint_id = ? AND d.status = 'pending'
       AND NOT EXISTS (${EARLIER_OPEN_DELIVERY})`,
    [ctx.organizationId, endpointId],
  );
  return (rows[0]?.next as Date | null) ?? null;
}

// ——— System-wide queries of the sweeper: they find work across organisations; the work itself then runs
// scoped to one organisation.

/** Organisations with events still queued for the fan-out. */
export async function organizationsWithQueuedEvents(db: Knex, limit: number): Promise<string[]> {
  const { rows } = await db.raw('SELECT DISTINCT organization_id FROM webhook_outbox LIMIT ?', [limit]);
  return rows.map((r: { organization_id: string }) => r.organization_id);
}

/**
 * Enabled endpoints that no run is sending to, with a delivery overdue by more than `grace`: a lost timer
 * job or a worker that died mid-run (its lease expired). Probes each endpoint's due index (endpoints are
 * few; deliveries many).
 */
export async function endpointsWithOverdueDeliveries(
  db: Knex,
  now: Date,
  graceMs: number,
  limit: number,
): Promise<{ organization_id: string; endpoint_id: string }[]> {
  const { rows } = await db.raw(
    `SELECT w.organization_id, w.id AS endpoint_id FROM webhook_endpoints w
     WHERE w.enabled AND (w.sending_until IS NULL OR w.sending_until <= ?) AND EXISTS (
       SELECT 1 FROM webhook_deliveries d
       WHERE d.organization_id = w.organization_id AND d.endpoint_id = w.id AND d.status = 'pending'
         AND d.next_attempt_at <= ?)
     LIMIT ?`,
    [now, new Date(now.getTime() - graceMs), limit],
  );
  return rows;
}

/** Forgets rotated-out secrets whose overlap is over. */
export async function dropExpiredPreviousSecrets(db: Knex, now: Date): Promise<number> {
  return db('webhook_endpoints')
    .where('previous_secret_expires_at', '<=', now)
    .update({ previous_secret_encrypted: null, previous_secret_expires_at: null });
}
