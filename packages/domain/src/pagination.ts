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
  if (page.startingAfter) {
    // every id sorts below a cursor that is no id ('zzz', a typo): without this check such a cursor answered
    // the first page again, and a sync walking the pages started over instead of failing
    if (!ID_SHAPE.test(page.startingAfter)) throw cursorInvalid('is not an id');
    query.where(idColumn, '<', page.startingAfter);
  }
  return query.orderBy(idColumn, 'desc').limit(limit + 1);
}

/** An id: a lower-case prefix naming its kind, `_`, and a ULID (Crockford base 32). */
const ID_SHAPE = /^[a-z]+_[0-9A-HJKMNP-TV-Z]{26}$/;
const kindOf = (id: string) => id.slice(0, id.indexOf('_'));

function cursorInvalid(message: string): DomainError {
  return new DomainError(
    'invalid_request',
    'cursor_invalid',
    `startingAfter ${message}: pass the nextCursor of the previous page.`,
    { errors: [{ path: 'query.startingAfter', code: 'cursor_invalid', message }] },
  );
}

/**
 * Turns the `limit + 1` rows of `applyCursor` into a page. A cursor of another kind than the list's items (a
 * document id on the contacts list) would also have answered from the start, since ids sort by their prefix
 * first: it is refused once the items show the list's kind.
 */
export function toPage<R, T extends { id: string }>(rows: R[], page: PageQuery, map: (row: R) => T): Page<T> {
  const limit = normaliseLimit(page.limit);
  const hasMore = rows.length > limit;
  const data = rows.slice(0, limit).map(map);
  if (page.startingAfter && data.length > 0 && kindOf(data[0]!.id) !== kindOf(page.startingAfter)) {
    throw cursorInvalid(
      `is a '${kindOf(page.startingAfter)}' id, not one of this list's ('${kindOf(data[0]!.id)}')`,
    );
  }
  return { data, hasMore, nextCursor: hasMore ? data[data.length - 1]!.id : null };
}
