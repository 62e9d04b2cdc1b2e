import { queryPrepared } from '@fakturo/db';
import { type Ctx, scoped } from '../context';
import { notFound } from '../errors';
import { newId } from '../ids';
import * as jobs from '../jobs';
import { applyCursor, type Page, type PageQuery, toPage } from '../pagination';
import { scheduleFanOut } from '../webhooks/outbox';

export interface Event {
  id: string;
  type: string;
  createdAt: string;
  organizationId: string;
  requestId: string | null;
  data: { object: unknown };
}

export interface EventRow {
  id: string;
  organization_id: string;
  type: string;
  resource_type: string;
  resource_id: string;
  data: { object: unknown };
  request_id: string | null;
  created_at: Date;
}

/** An event to write: its data, or (`data: null`) the place of its object in the statement (`emitManyStatement`). */
export type EventToWrite = Omit<EventRow, 'data'> & { data: EventRow['data'] | null; object_at?: number };

const COLUMNS = [
  'id',
  'organization_id',
  'type',
  'resource_type',
  'resource_id',
  'data',
  'request_id',
  'created_at',
];

/** The event as `GET /v1/events/{id}` returns it — and as webhooks deliver it. */
export function toEvent(row: EventRow): Event {
  return {
    id: row.id,
    type: row.type,
    createdAt: row.created_at.toISOString(),
    organizationId: row.organization_id,
    requestId: row.request_id,
    data: row.data,
  };
}

/** An event row whose `data` is PostgreSQL's text of the jsonb and whose time is already ISO 8601. */
export interface EventText {
  id: string;
  type: string;
  created_at: string;
  organization_id: string;
  request_id: string | null;
  data: string;
}

/**
 * The event as JSON text, byte for byte what `JSON.stringify(toEvent(row))` gives — webhooks deliver the
 * event exactly as `GET /v1/events/{id}` returns it — but built around the stored text of `data`, so a
 * webhook body is never parsed and serialised again. (jsonb keeps its members in one order, which a parse
 * keeps too; its text differs from JSON.stringify's only by a space after each `:` and `,`, which
 * compactJsonbText removes.)
 */
export function eventJson(row: EventText): string {
  return `{"id":${JSON.stringify(row.id)},"type":${JSON.stringify(row.type)},"createdAt":"${row.created_at}","organizationId":${JSON.stringify(row.organization_id)},"requestId":${JSON.stringify(row.request_id)},"data":${compactJsonbText(row.data)}}`;
}

const QUOTE = 34;
const BACKSLASH = 92;
const SPACE = 32;

/**
 * PostgreSQL's text of a jsonb value without the space it writes after every `:` and `,` between members
 * and elements (the only whitespace it writes outside strings); strings are copied as they are.
 */
export function compactJsonbText(text: string): string {
  let out = '';
  let from = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i += 1;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) {
      inString = true;
    } else if (c === SPACE) {
      out += text.slice(from, i);
      from = i + 1;
    }
  }
  return from === 0 ? text : out + text.slice(from);
}

/** `created_at` as `toISOString()` writes it, in SQL (for EventText). */
export const CREATED_AT_ISO = `to_char(e.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * Writes an event into the outbox. Call it with the transaction of the change it describes (transactional
 * outbox): the event exists exactly when the change committed, and webhook delivery reads it from there.
 * `object` is the resource as the API returns it. In the same transaction it schedules the webhook fan-out
 * (see webhooks/outbox.ts); `fanOut: false` writes an event no endpoint subscribes to (`webhook.test`).
 */
export async function emit(
  ctx: Ctx,
  type: string,
  object: { id: string } & Record<string, unknown>,
  options: { fanOut?: boolean } = {},
): Promise<Event> {
  const row: EventRow = {
    id: newId('event'),
    organization_id: ctx.organizationId,
    type,
    resource_type: type.slice(0, type.lastIndexOf('.')),
    resource_id: object.id,
    data: { object },
    request_id: ctx.requestId ?? null,
    created_at: ctx.clock.now(),
  };
  await ctx.db('events').insert(row);
  if (options.fanOut !== false) await scheduleFanOut(ctx, [row]);
  return toEvent(row);
}

/** The outbox rows `emitMany` writes for `objects` (one event each, all at the clock's now). */
export function eventRows(
  ctx: Ctx,
  type: string,
  objects: readonly ({ id: string } & Record<string, unknown>)[],
): EventRow[] {
  const now = ctx.clock.now();
  return objects.map((object) => ({
    id: newId('event'),
    organization_id: ctx.organizationId,
    type,
    resource_type: type.slice(0, type.lastIndexOf('.')),
    resource_id: object.id,
    data: { object },
    request_id: ctx.requestId ?? null,
    created_at: now,
  }));
}

/**
 * `emit` for many objects of one type (a CSV import creating thousands of contacts, a bank statement's
 * bookings): the same rows and the same webhook queueing, in ONE statement per 1,000 events — the rows travel
 * as one jsonb parameter (`emitManyStatement`), not as bind parameters knex would have to number and pg to
 * encode one by one.
 */
export async function emitMany(
  ctx: Ctx,
  type: string,
  objects: readonly ({ id: string } & Record<string, unknown>)[],
): Promise<void> {
  const rows = eventRows(ctx, type, objects);
  for (let i = 0; i < rows.length; i += 1000) {
    const { ctes, select, values, afterStatement } = emitManyStatement(ctx, rows.slice(i, i + 1000), 0);
    // two texts: with the fan-out job (the transaction's first) or without
    const name = values.length > 3 ? 'events_emit_many_job' : 'events_emit_many';
    const [row] = await queryPrepared<{ fan_out_job: unknown }>(
      ctx.db,
      name,
      `WITH ${ctes} SELECT ${select} AS fan_out_job`,
      values,
    );
    afterStatement(row?.fan_out_job);
  }
}

/**
 * `emitMany` as parts of ONE larger SQL statement, for a set-based write (a contact create: the contact, its
 * children, its event and its audit entry in one statement — see contacts/repo.ts `insertContacts`). The
 * parts do what `emitMany` + `scheduleFanOut` (webhooks/outbox.ts) do, with the same rows and the same rule:
 * the events are inserted; when the organisation has an enabled webhook endpoint they are queued in
 * `webhook_outbox` and one `webhooks_fan_out` job per transaction is added (its key carries the transaction
 * id). `ctes` go into the statement's WITH list; `select` is an expression its final SELECT must carry (a
 * SELECT-only CTE that nobody reads would not run): the job's id when one was added, else null. Placeholders
 * are `$1…` of `values`, shifted by `offset` so the caller can put its own parameters first. Call
 * `afterStatement(job)` with that value once the statement ran.
 *
 * `objects` is the SQL of a jsonb array the statement already carries (the created contacts themselves): a
 * row with `data: null` and `object_at: i` gets `{ object: objects[i] }`, so the object travels and is parsed
 * once, not once for its row and again for its event.
 */
export function emitManyStatement(
  ctx: Ctx,
  rows: readonly EventToWrite[],
  offset: number,
  objects?: string,
): { ctes: string; select: string; values: unknown[]; afterStatement: (job: unknown) => void } {
  if (!objects && rows.some((row) => row.data === null))
    throw new Error('an event whose object is in the statement needs the statement’s objects');
  const org = ctx.organizationId;
  const marker = `webhooks_fan_out:${org}`;
  const job = jobs.perTransaction.added(ctx.db, marker)
    ? null
    : jobs.addJobPerTransaction('webhooks_fan_out', { organizationId: org }, marker);
  const p = (n: number) => `$${offset + n}`;
  let n = 3;
  const jobSql = job ? job.sql.replace(/\?/g, () => p(++n)) : null;
  const ctes = `event_rows AS (
      INSERT INTO events (id, organization_id, type, resource_type, resource_id, data, request_id, created_at)
      SELECT e.id, ${p(1)}::text, e.type, e.resource_type, e.resource_id,
             ${objects ? `coalesce(e.data, jsonb_build_object('object', ${objects} -> e.object_at))` : 'e.data'},
             e.request_id, e.created_at
        FROM jsonb_to_recordset(${p(2)}::jsonb) AS e(id text, type text, resource_type text, resource_id text,
             data jsonb, request_id text, created_at timestamptz, object_at integer)
      RETURNING id, type, resource_id, created_at
    ), event_subscribed AS (
      SELECT 1 FROM webhook_endpoints WHERE organization_id = ${p(3)}::text AND enabled LIMIT 1
    ), event_queued AS (
      INSERT INTO webhook_outbox (organization_id, event_id, event_type, resource_id, created_at)
      SELECT ${p(3)}::text, e.id, e.type, e.resource_id, e.created_at FROM event_rows e
       WHERE EXISTS (SELECT 1 FROM event_subscribed)
    )`;
  const select = jobSql
    ? `(SELECT (${jobSql}).id WHERE EXISTS (SELECT 1 FROM event_subscribed))`
    : `(SELECT NULL::bigint)`;
  return {
    ctes,
    select,
    values: [org, JSON.stringify(rows), org, ...(job?.bindings ?? [])],
    afterStatement: (added) => {
      if (job && added !== null && added !== undefined) jobs.perTransaction.remember(ctx.db, marker);
    },
  };
}

export interface EventListQuery extends PageQuery {
  /** Exact type (`contact.created`) or a prefix wildcard (`contact.*`). */
  type?: string;
  resourceId?: string;
  createdGte?: string;
  createdLte?: string;
}

export async function list(ctx: Ctx, query: EventListQuery): Promise<Page<Event>> {
  const q = scoped(ctx, 'events').select(COLUMNS);
  // `*` is every type, as in a webhook endpoint's enabledEvents
  const type = query.type === '*' ? undefined : query.type;
  if (type?.endsWith('.*')) q.where('type', 'like', `${type.slice(0, -1).replace(/[%_]/g, '\\$&')}%`);
  else if (type) q.where('type', type);
  if (query.resourceId) q.where('resource_id', query.resourceId);
  if (query.createdGte) q.where('created_at', '>=', query.createdGte);
  if (query.createdLte) q.where('created_at', '<=', query.createdLte);
  const rows: EventRow[] = await applyCursor(q, query);
  return toPage(rows, query, toEvent);
}

export async function get(ctx: Ctx, id: string): Promise<Event> {
  const row: EventRow | undefined = await scoped(ctx, 'events').select(COLUMNS).where('id', id).first();
  if (!row) throw notFound('event', id);
  return toEvent(row);
}
