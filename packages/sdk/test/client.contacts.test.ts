import { companyInput, personInput } from '@fakturo/testing';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { type Contact, type ContactPage, NotFoundError, PreconditionFailedError } from '../src/index';
import { recordingFetch, startLiveApi } from './support';

const api = await startLiveApi();
const fakturo = api.client();

describe('contacts through the SDK, against the real API over HTTP', () => {
  it('creates, reads and lists a contact, typed from the generated spec', async () => {
    const created = await fakturo.contacts.create(companyInput({ companyName: 'Nordwind Handel GmbH' }));
    expectTypeOf(created).toEqualTypeOf<Contact>();
    expect(created).toMatchObject({
      id: expect.stringMatching(/^con_/),
      kind: 'company',
      displayName: 'Nordwind Handel GmbH',
      customerNumber: expect.stringMatching(/^K-\d{5}$/),
      version: 1,
      archived: false,
    });

    expect(await fakturo.contacts.get(created.id)).toEqual(created);

    const page = await fakturo.contacts.list({ q: 'Nordwind' });
    expectTypeOf(page).toEqualTypeOf<ContactPage>();
    expect(page).toEqual({ data: [created], hasMore: false, nextCursor: null });
  });

  it('updates with ifMatch and refuses a stale version with PreconditionFailedError, changing nothing', async () => {
    const contact = await fakturo.contacts.create(personInput({ lastName: 'Optimist' }));
    const first = await fakturo.contacts.update(
      contact.id,
      { notes: 'pays on time' },
      { ifMatch: contact.version },
    );
    expect(first).toMatchObject({ notes: 'pays on time', version: 2 });

    // Someone else's copy, read at version 1, must not overwrite the change above.
    const stale = fakturo.contacts.update(contact.id, { notes: 'overwritten' }, { ifMatch: contact.version });
    const error = await stale.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PreconditionFailedError);
    expect(error).toMatchObject({ status: 412, code: 'version_mismatch', requestId: expect.any(String) });
    expect((await fakturo.contacts.get(contact.id)).notes).toBe('pays on time');

    // Without ifMatch the change applies to whatever is current.
    expect(await fakturo.contacts.update(contact.id, { notes: 'later' })).toMatchObject({
      notes: 'later',
      version: 3,
    });
  });

  it('request() calls any route, its input left out when the route needs none', async () => {
    const created = await fakturo.contacts.create(companyInput());
    const read = await fakturo.request('get', '/v1/contacts/{id}', { params: { id: created.id } });
    expect(read.id).toBe(created.id);
    const organization = await fakturo.request('get', '/v1/organization');
    expect(organization.id).toMatch(/^org_/);
    const events = await fakturo.request('get', '/v1/events', { query: { type: 'contact.*', limit: 1 } });
    expect(events.data).toHaveLength(1);
    // a route with path parameters or a body still needs its input (checked by the compiler, here by tsc)
    await expect(
      // @ts-expect-error the contact id is required
      fakturo.request('get', '/v1/contacts/{id}'),
    ).rejects.toThrow();
  });

  it('archives, restores and deletes a contact', async () => {
    const contact = await fakturo.contacts.create(personInput());
    expect(await fakturo.contacts.archive(contact.id)).toMatchObject({ archived: true, version: 2 });
    expect(await fakturo.contacts.unarchive(contact.id)).toMatchObject({ archived: false, version: 3 });
    await expect(fakturo.contacts.del(contact.id)).resolves.toBeUndefined();
    await expect(fakturo.contacts.get(contact.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('auto-pages newest first across pages, stops at maxItems and never asks for more than the bound', async () => {
    const tag = `autopage-${Date.now()}`;
    const ids: string[] = [];
    for (let i = 0; i < 7; i += 1) ids.push((await fakturo.contacts.create(personInput({ tags: [tag] }))).id);
    const newestFirst = [...ids].reverse();

    const recorder = recordingFetch();
    const counted = api.client({ fetch: recorder.fetch });
    const seen: string[] = [];
    for await (const contact of counted.contacts.listAutoPaging({ tag, limit: 2 }, { maxItems: 5 }))
      seen.push(contact.id);
    expect(seen).toEqual(newestFirst.slice(0, 5));
    // pages of 2, 2 and then only the 1 the bound still allows
    expect(recorder.calls.map((c) => new URL(c.url).searchParams.get('limit'))).toEqual(['2', '2', '1']);

    // A bound above the total ends with the last page.
    const all = await fakturo.contacts.listAutoPaging({ tag, limit: 3 }, { maxItems: 1000 }).toArray();
    expect(all.map((c) => c.id)).toEqual(newestFirst);
  });

  it('refuses an auto-paging read without a bound, before any request', () => {
    const recorder = recordingFetch();
    const counted = api.client({ fetch: recorder.fetch });
    expect(() => counted.contacts.listAutoPaging({ limit: 50 }, undefined as never)).toThrow(/needs a bound/);
    expect(() => counted.contacts.listAutoPaging({}, {} as never)).toThrow(/needs a bound/);
    expect(() => counted.contacts.listAutoPaging({}, { maxItems: Number.POSITIVE_INFINITY })).toThrow(
      /whole number/,
    );
    expect(() => counted.contacts.listAutoPaging({}, { maxItems: 0 })).toThrow(/whole number/);
    expect(recorder.calls).toHaveLength(0);
  });

  it("keeps organisations apart: another organisation's contact is not found", async () => {
    const other = await api.t.tenant('Fremde AG');
    const theirs = await api.client({}, other).contacts.create(personInput());
    const error = await fakturo.contacts.get(theirs.id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ status: 404, code: 'contact_not_found' });
  });
});
