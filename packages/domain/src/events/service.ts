import { type Ctx, scoped } from '../context';
import { notFound } from '../errors';
import { newId } from '../ids';
import { applyCursor, type Page, type PageQuery, toPage } from '../pagination';

export interface Event {
  id: string;
  type: string;
  createdAt: string;
  organizationId: string;
  requestId: string | null;
  data: { object: unknown };
}

interface EventRow {
  id: string;
  organization_id: string;
  type: string;
  resource_type: string;
  resource_id: string;
  data: { object: unknown };
  request_id: string | null;
  created_at: Date;
}

const COLUMNS = ['id', 'organization_id', 'type', 'resource_type', 'resource_id', 'data', 'request_id', 'created_at'];

function toEvent(row: EventRow): Event {
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
 * `object` is the resource as the API returns it.
 */
export async function emit(
  ctx: Ctx,
  type: string,
  object: { id: string } & Record<string, unknown>,
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
  return toEvent(row);
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
  if (query.type?.endsWith('.*')) q.where('type', 'like', `${query.type.slice(0, -1).replace(/[%_]/g, '\\$&')}%`);
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
