import type { Page } from './types';

/** The most items an auto-paging read may return; required, so a loop can never read a whole account by accident. */
export interface PagingBound {
  /** A whole number ≥ 1. Iteration stops after this many items even when more exist. */
  maxItems: number;
}

/** The largest page the API serves (`limit` 1–100); auto-paging asks for it unless told otherwise. */
const MAX_PAGE_SIZE = 100;

/**
 * An async iterable over every item of a list, page by page (`startingAfter` = the previous `nextCursor`),
 * stopping at the bound. Each `for await` starts again from the first page.
 */
export class AutoPaginator<T> implements AsyncIterable<T> {
  constructor(
    private readonly fetchPage: (cursor: string | undefined, limit: number) => Promise<Page<T>>,
    private readonly pageSize: number,
    private readonly startingAfter: string | undefined,
    private readonly maxItems: number,
  ) {}

  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    let remaining = this.maxItems;
    let cursor = this.startingAfter;
    while (remaining > 0) {
      // never fetch more than the bound still allows
      const page = await this.fetchPage(cursor, Math.min(this.pageSize, remaining));
      for (const item of page.data) {
        yield item;
        remaining -= 1;
        if (remaining === 0) return;
      }
      if (!page.hasMore || !page.nextCursor || page.data.length === 0) return;
      cursor = page.nextCursor;
    }
  }

  /**
   * Collects the items into an array (at most `maxItems`).
   *
   * @example
   * ```ts
   * const berliners = await fakturo.contacts.listAutoPaging({ city: 'Berlin' }, { maxItems: 500 }).toArray();
   * ```
   */
  async toArray(): Promise<T[]> {
    const items: T[] = [];
    for await (const item of this) items.push(item);
    return items;
  }
}

/**
 * Builds the auto-paginator of a list method. Throws at once (not on first use) when the bound is missing
 * or not a whole number ≥ 1, like stripe-node's `autoPagingToArray({ limit })`.
 *
 * @example
 * ```ts
 * // inside a resource: one line per list
 * listAutoPaging(query: Q, bound: PagingBound) { return autoPage((q) => this.list(q), query, bound); }
 * ```
 */
export function autoPage<T, Q extends { limit?: number; startingAfter?: string }>(
  list: (query: Q) => Promise<Page<T>>,
  query: Q,
  bound: PagingBound,
): AutoPaginator<T> {
  const maxItems = (bound as PagingBound | undefined)?.maxItems;
  if (maxItems === undefined) {
    throw new TypeError(
      'Fakturo: auto-paging needs a bound, e.g. listAutoPaging({ limit: 50 }, { maxItems: 1000 }), so a loop cannot read without end.',
    );
  }
  if (!Number.isSafeInteger(maxItems) || maxItems < 1) {
    throw new TypeError(`Fakturo: maxItems must be a whole number ≥ 1, got ${String(maxItems)}.`);
  }
  const pageSize = query.limit ?? MAX_PAGE_SIZE;
  return new AutoPaginator<T>(
    (cursor, limit) => list({ ...query, limit, startingAfter: cursor }),
    pageSize,
    query.startingAfter,
    maxItems,
  );
}
