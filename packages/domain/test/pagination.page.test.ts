import knex from 'knex';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../src/errors';
import { applyCursor, DEFAULT_LIMIT, MAX_LIMIT, normaliseLimit, toPage } from '../src/pagination';

const rows = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ id: `con_${String(100 - i).padStart(3, '0')}`, n: i }));

describe('pagination: limit bounds', () => {
  it('defaults to 20 and accepts 1 to 100', () => {
    expect(DEFAULT_LIMIT).toBe(20);
    expect(normaliseLimit(undefined)).toBe(20);
    expect(normaliseLimit(1)).toBe(1);
    expect(normaliseLimit(MAX_LIMIT)).toBe(100);
  });

  it('refuses 0, 101, negatives and fractions with a 400-kind error naming query.limit', () => {
    for (const limit of [0, 101, -1, 1.5, Number.NaN]) {
      let error: unknown;
      try {
        normaliseLimit(limit);
      } catch (e) {
        error = e;
      }
      expect(error, String(limit)).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({
        kind: 'invalid_request',
        code: 'limit_invalid',
        errors: [{ path: 'query.limit' }],
      });
    }
  });
});

describe('pagination: toPage', () => {
  it('has more when the query returned limit + 1 rows, and points the cursor at the last item shown', () => {
    const page = toPage(rows(3), { limit: 2 }, (r) => ({ id: r.id }));
    expect(page).toEqual({
      data: [{ id: 'con_100' }, { id: 'con_099' }],
      hasMore: true,
      nextCursor: 'con_099',
    });
  });

  it('has no more (and no cursor) when at most limit rows came back', () => {
    expect(toPage(rows(2), { limit: 2 }, (r) => r)).toMatchObject({ hasMore: false, nextCursor: null });
    expect(toPage(rows(0), { limit: 2 }, (r) => r)).toEqual({ data: [], hasMore: false, nextCursor: null });
    expect(toPage(rows(20), {}, (r) => r)).toMatchObject({ hasMore: false, nextCursor: null });
    expect(toPage(rows(21), {}, (r) => r).data).toHaveLength(20);
  });

  it('maps each row shown, not the extra one', () => {
    const seen: number[] = [];
    toPage(rows(5), { limit: 4 }, (r) => {
      seen.push(r.n);
      return { id: r.id };
    });
    expect(seen).toEqual([0, 1, 2, 3]);
  });
});

describe('pagination: applyCursor', () => {
  // knex without a connection only builds SQL, which is what is checked here
  const sql = knex({ client: 'pg' });

  it('orders newest first and fetches one row more than the limit', () => {
    const q = applyCursor(sql('contacts').select('id'), { limit: 2 }).toSQL();
    expect(q.sql).toBe('select "id" from "contacts" order by "id" desc limit ?');
    expect(q.bindings).toEqual([3]);
  });

  it('continues strictly after the cursor id', () => {
    const cursor = `con_${'0'.repeat(24)}99`;
    const q = applyCursor(sql('contacts as c').select('c.id'), { startingAfter: cursor }, 'c.id').toSQL();
    expect(q.sql).toBe(
      'select "c"."id" from "contacts" as "c" where "c"."id" < ? order by "c"."id" desc limit ?',
    );
    expect(q.bindings).toEqual([cursor, 21]);
  });

  it('refuses a cursor that is no id before any SQL runs, and one of another kind once the page shows it', () => {
    for (const startingAfter of ['con_099', 'zzz', `con_${'u'.repeat(26)}`]) {
      expect(() => applyCursor(sql('contacts'), { startingAfter })).toThrow(DomainError);
    }
    const page = { startingAfter: `evt_${'0'.repeat(26)}` };
    expect(() => toPage([{ id: `con_${'1'.repeat(26)}` }], page, (r) => r)).toThrow(/'evt' id/);
    expect(toPage([], page, (r: { id: string }) => r).data).toEqual([]);
  });

  it('refuses a bad limit before any SQL runs', () => {
    expect(() => applyCursor(sql('contacts'), { limit: 0 })).toThrow(DomainError);
  });
});
