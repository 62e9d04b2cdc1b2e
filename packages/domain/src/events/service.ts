import { type Ctx, scoped } from '../context';
import { notFound } from '../errors';
import { newId } from '../ids';
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

/**
 * `emit` for many objects of one type (a CSV import creating thousands of contacts): the same rows, written
 * with multi-row INSERTs in chunks that stay under PostgreSQL's 65,535 bind parameters.
 */
export async function emitMany(
  ctx: Ctx,
  type: string,
  objects: readonly ({ id: string } & Record<string, unknown>)[],
): Promise<void> {
  const now = ctx.clock.now();
  const rows: EventRow[] = objects.map((object) => ({
    id: newId('event'),
    organization_id: ctx.organizationId,
    type,
    resource_type: type.slice(0, type.lastIndexOf('.')),
    resource_id: object.id,
    data: { object },
    request_id: ctx.requestId ?? null,
    created_at: now,
  }));
  for (let i = 0; i < rows.length; i += 1000) await ctx.db('events').insert(rows.slice(i, i + 1000));
  if (rows.length > 0) await scheduleFanOut(ctx, rows);
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
  if (query.type?.endsWith('.*'))
    q.where('type', 'like', `${query.type.slice(0, -1).replace(/[%_]/g, '\\$&')}%`);
  else if (query.type) q.where('type', query.type);
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
