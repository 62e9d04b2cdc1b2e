import { companyInput, createTestApp, personInput } from '@fakturo/testing';
import { describe, expect, it } from 'vitest';

// Concurrent GET /v1/contacts/{id} of one organisation share one statement (contacts/service.ts `reads`):
// these tests hold each coalesced read to what a read alone answers, and keep tenants apart.
const t = await createTestApp();

/** Counts the statements that read contacts by id (one or a list) while `work` runs. */
async function countingListReads<T>(work: () => Promise<T>): Promise<{ result: T; statements: number }> {
  let statements = 0;
  const listener = (query: { __knexQueryUid?: string }) => {
    if (/^prepared:contacts_find_by_id(_list)?:/.test(query.__knexQueryUid ?? '')) statements++;
  };
  t.db.on('query', listener);
  try {
    return { result: await work(), statements };
  } finally {
    t.db.removeListener('query', listener);
  }
}

describe('contacts: concurrent reads by id are coalesced', () => {
  it('answers every concurrent read exactly as a read alone, in fewer statements than reads', async () => {
    const created = [];
    for (let i = 0; i < 12; i++) {
      const input = i % 2 ? personInput() : companyInput({ tags: [`tag-${i}`] });
      const response = await t.api({ method: 'POST', url: '/v1/contacts', body: input });
      expect(response.status).toBe(201);
      created.push(response.body);
    }
    // each id twice, in an order that puts repeats into the same batch
    const ids = [...created, ...created.slice().reverse()].map((c) => c.id as string);
    const { result, statements } = await countingListReads(() =>
      Promise.all(ids.map((id) => t.api({ method: 'GET', url: `/v1/contacts/${id}` }))),
    );
    expect(result.map((r) => r.status)).toEqual(Array(ids.length).fill(200));
    for (const [i, response] of result.entries()) {
      const expected = created.find((c) => c.id === ids[i]);
      expect(response.body).toStrictEqual(expected);
      expect(response.headers.etag).toBe(`"${expected.version}"`);
    }
    expect(statements).toBeGreaterThan(0);
    expect(statements).toBeLessThan(ids.length);
  });

  it('keeps tenants apart: a batch reads one organisation, another tenant’s ids answer 404', async () => {
    const other = await t.tenant('Other GmbH');
    const mine = await t.api({ method: 'POST', url: '/v1/contacts', body: personInput() });
    const theirs = await t.api({ method: 'POST', url: '/v1/contacts', body: personInput() }, other);
    expect([mine.status, theirs.status]).toEqual([201, 201]);
    const reads = [
      { id: mine.body.id, as: t.main, status: 200 },
      { id: theirs.body.id, as: t.main, status: 404 },
      { id: 'con_00000000000000000000000000', as: t.main, status: 404 },
      { id: theirs.body.id, as: other, status: 200 },
      { id: mine.body.id, as: other, status: 404 },
    ];
    const results = await Promise.all(
      Array.from({ length: 4 }, () => reads)
        .flat()
        .map(async (read) => ({
          read,
          response: await t.api({ method: 'GET', url: `/v1/contacts/${read.id}` }, read.as),
        })),
    );
    for (const { read, response } of results) {
      expect(response.status).toBe(read.status);
      if (read.status === 200)
        expect(response.body).toStrictEqual(read.as === t.main ? mine.body : theirs.body);
      else expect(response.body).toMatchObject({ status: 404, code: 'contact_not_found' });
    }
  });

  it('reads what a write committed just before, even while other reads are in flight', async () => {
    const created = await t.api({ method: 'POST', url: '/v1/contacts', body: personInput() });
    const background = Array.from({ length: 10 }, () =>
      t.api({ method: 'GET', url: `/v1/contacts/${created.body.id}` }),
    );
    const patched = await t.api({
      method: 'PATCH',
      url: `/v1/contacts/${created.body.id}`,
      body: { notes: 'changed' },
      headers: { 'if-match': `"${created.body.version}"` },
    });
    expect(patched.status).toBe(200);
    const read = await t.api({ method: 'GET', url: `/v1/contacts/${created.body.id}` });
    expect(read.body).toStrictEqual(patched.body);
    expect(read.body.notes).toBe('changed');
    for (const response of await Promise.all(background)) expect(response.status).toBe(200);
  });
});
