import type { Knex } from 'knex';
import { DomainError } from './errors';

export interface PageQuery {
  /** 1–100, default 20. */
  limit?: number;
  /** Id of the last item of the previous page. */
  startingAfter?: string;
}

export interface Page<T> {
  data: T[];
  hasMore: boolean;
  nextCursor: string | null;
}

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 100;

export function normaliseLimit(limit: number | undefined): number {
  if (limit === undefined) return DEFAULT_LIMIT;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw new DomainError(
      'invalid_request',
      'limit_invalid',
      `limit must be an integer from 1 to ${MAX_LIMIT}.`,
      {
        errors: [{ path: 'query.limit', code: 'limit_invalid', message: `must be from 1 to ${MAX_LIMIT}` }],
      },
    );
  }
  return limit;
}

/**
 * Lists are ordered newest first by id (ids are ULIDs, so that is creation order), and a cursor is the id
 * of the last item seen: stable under inserts, and cheap on an `(organization_id, id DESC)` index.
 * The query fetches one row more than the limit to learn whether another page exists.
 */
export function applyCursor(query: Knex.QueryBuilder, page: PageQuery, idColumn = 'id'): Knex.QueryBuilder {
  const limit = normaliseLimit(page.limit);
  if (page.startingAfter) query.where(idColumn, '<', page.startingAfter);
  return query.orderBy(idColumn, 'desc').limit(limit + 1);
}

/** Turns the `limit + 1` rows of `applyCursor` into a page. */
export function toPage<R, T extends { id: string }>(rows: R[], page: PageQuery, map: (row: R) => T): Page<T> {
  const limit = normaliseLimit(page.limit);
  const hasMore = rows.length > limit;
  const data = rows.slice(0, limit).map(map);
  return { data, hasMore, nextCursor: hasMore ? data[data.length - 1]!.id : null };
}
