import { type ApiResponse, companyInput, createTestApp, personInput } from '@fakturo/testing';
import { describe, expect, it } from 'vitest';

const t = await createTestApp();

async function createGroup(name: string, description?: string | null) {
  const res = await t.api({ method: 'POST', url: '/v1/contact-groups', body: { name, description } });
  expect(res.status).toBe(201);
  return res.body as { id: string; name: string; memberCount: number };
}

async function graphql(query: string, variables: Record<string, unknown> = {}, as = t.main) {
  const res = await t.api({ method: 'POST', url: '/graphql', body: { query, variables } }, as);
  expect(res.status).toBe(200);
  return res.body as {
    data: ApiResponse['body'];
    errors?: { message: string; extensions: { code: string } }[];
  };
}

describe('contact groups: REST', () => {
  it('creates a group with a trimmed name, a location and an event', async () => {
    const res = await t.api({
      method: 'POST',
      url: '/v1/contact-groups',
      body: { name: '  Key accounts ', description: 'Customers above 50k a year' },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      name: 'Key accounts',
      description: 'Customers above 50k a year',
      memberCount: 0,
    });
    expect(res.body.id).toMatch(/^grp_[0-9A-Z]{26}$/);
    expect(res.headers.location).toBe(`/v1/contact-groups/${res.body.id}`);
    const events = await t.api({ method: 'GET', url: `/v1/events?resourceId=${res.body.id}` });
    expect(events.body.data.map((e: { type: string }) => e.type)).toEqual(['contact_group.created']);
    expect(events.body.data[0].data.object).toEqual(res.body);
  });

  it('refuses a name the organisation already uses (422 on name), and names with `|`', async () => {
    await createGroup('Wholesale');
    const taken = await t.api({ method: 'POST', url: '/v1/contact-groups', body: { name: ' Wholesale' } });
    expect(taken.status).toBe(422);
    expect(taken.body.errors).toEqual([
      { path: 'name', code: 'contact_group_name_taken', message: expect.stringContaining('Wholesale') },
    ]);
    const pipe = await t.api({ method: 'POST', url: '/v1/contact-groups', body: { name: 'A|B' } });
    expect(pipe.status).toBe(422);
    expect(pipe.body.errors[0]).toMatchObject({ path: 'name', code: 'contact_group_name_invalid' });
    const blank = await t.api({ method: 'POST', url: '/v1/contact-groups', body: { name: '   ' } });
    expect(blank.status).toBe(422);
    expect(blank.body.errors[0]).toMatchObject({ path: 'name', code: 'required' });
    const missing = await t.api({
      method: 'POST',
      url: '/v1/contact-groups',
      body: { description: 'x', extra: 1 },
    });
    expect(missing.status).toBe(400);
    expect(missing.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['extra', 'name']);
  });

  it('lists groups newest first with cursor pagination and a name search', async () => {
    const tenant = await t.tenant('Listing GmbH');
    const made: string[] = [];
    for (const name of ['Alpha', 'Beta', 'Gamma']) {
      const res = await t.api({ method: 'POST', url: '/v1/contact-groups', body: { name } }, tenant);
      made.push(res.body.id);
    }
    const first = await t.api({ method: 'GET', url: '/v1/contact-groups?limit=2' }, tenant);
    expect(first.status).toBe(200);
    expect(first.body.data.map((g: { name: string }) => g.name)).toEqual(['Gamma', 'Beta']);
    expect(first.body).toMatchObject({ hasMore: true, nextCursor: made[1] });
    const second = await t.api(
      { method: 'GET', url: `/v1/contact-groups?limit=2&startingAfter=${made[1]}` },
      tenant,
    );
    expect(second.body).toMatchObject({ data: [{ name: 'Alpha' }], hasMore: false, nextCursor: null });
    const search = await t.api({ method: 'GET', url: '/v1/contact-groups?q=AMM' }, tenant);
    expect(search.body.data.map((g: { name: string }) => g.name)).toEqual(['Gamma']);
  });

  it('counts members, and the contacts list filters by group', async () => {
    const group = await createGroup('Newsletter');
    const a = await t.api({
      method: 'POST',
      url: '/v1/contacts',
      body: personInput({ groupIds: [group.id] }),
    });
    const b = await t.api({
      method: 'POST',
      url: '/v1/contacts',
      body: companyInput({ groupIds: [group.id] }),
    });
    await t.api({ method: 'POST', url: '/v1/contacts', body: personInput() });
    expect(a.status).toBe(201);
    const res = await t.api({ method: 'GET', url: `/v1/contact-groups/${group.id}` });
    expect(res.body.memberCount).toBe(2);
    const members = await t.api({ method: 'GET', url: `/v1/contacts?groupId=${group.id}` });
    expect(members.body.data.map((c: { id: string }) => c.id).sort()).toEqual([a.body.id, b.body.id].sort());
  });

  it('renames and re-describes a group; a taken name is refused and nothing changes', async () => {
    const group = await createGroup('Resellers', 'old');
    await createGroup('Partners');
    const renamed = await t.api({
      method: 'PATCH',
      url: `/v1/contact-groups/${group.id}`,
      body: { name: 'Reseller network', description: null },
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ id: group.id, name: 'Reseller network', description: null });
    const clash = await t.api({
      method: 'PATCH',
      url: `/v1/contact-groups/${group.id}`,
      body: { name: 'Partners' },
    });
    expect(clash.status).toBe(422);
    expect(clash.body.errors[0]).toMatchObject({ path: 'name', code: 'contact_group_name_taken' });
    const same = await t.api({
      method: 'PATCH',
      url: `/v1/contact-groups/${group.id}`,
      body: { name: 'Reseller network' },
    });
    expect(same.status).toBe(200);
    const after = await t.api({ method: 'GET', url: `/v1/contact-groups/${group.id}` });
    expect(after.body.name).toBe('Reseller network');
    const events = await t.api({
      method: 'GET',
      url: `/v1/events?type=contact_group.updated&resourceId=${group.id}`,
    });
    expect(events.body.data).toHaveLength(2);
  });

  it('deletes a group with its memberships but keeps the contacts', async () => {
    const group = await createGroup('Trade fair 2026');
    const keep = await createGroup('Keep me');
    const contact = await t.api({
      method: 'POST',
      url: '/v1/contacts',
      body: personInput({ groupIds: [group.id, keep.id] }),
    });
    const res = await t.api({ method: 'DELETE', url: `/v1/contact-groups/${group.id}` });
    expect(res.status).toBe(204);
    expect((await t.api({ method: 'GET', url: `/v1/contact-groups/${group.id}` })).status).toBe(404);
    const after = await t.api({ method: 'GET', url: `/v1/contacts/${contact.body.id}` });
    expect(after.status).toBe(200);
    expect(after.body.groupIds).toEqual([keep.id]);
    // the member changed: a new version (and ETag) and updatedAt, a contact.updated event, an audit entry
    expect(after.body.version).toBe(contact.body.version + 1);
    expect(after.headers.etag).not.toBe(contact.headers.etag);
    expect(after.body.updatedAt >= contact.body.updatedAt).toBe(true);
    const contactEvents = await t.api({ method: 'GET', url: `/v1/events?resourceId=${contact.body.id}` });
    expect(contactEvents.body.data[0]).toMatchObject({
      type: 'contact.updated',
      data: { object: { groupIds: [keep.id], version: contact.body.version + 1 } },
    });
    const trail = await t.api({ method: 'GET', url: `/v1/audit-log?resourceId=${contact.body.id}` });
    expect(trail.body.data[0]).toMatchObject({
      action: 'contact.updated',
      before: { groupIds: [group.id, keep.id].sort() },
      after: { groupIds: [keep.id] },
    });
    const [{ n }] = await t.db('contact_group_members').where({ group_id: group.id }).count({ n: '*' });
    expect(Number(n)).toBe(0);
    const events = await t.api({ method: 'GET', url: `/v1/events?resourceId=${group.id}` });
    expect(events.body.data[0]).toMatchObject({
      type: 'contact_group.deleted',
      data: { object: { memberCount: 1 } },
    });
    expect((await t.api({ method: 'DELETE', url: `/v1/contact-groups/${group.id}` })).status).toBe(404);
  });

  it("keeps tenants apart: another organisation's group is 404 and cannot be used in groupIds", async () => {
    const group = await createGroup('Private to main');
    const other = await t.tenant('Other GmbH');
    for (const [method, body] of [
      ['GET', undefined],
      ['PATCH', { name: 'stolen' }],
      ['DELETE', undefined],
    ] as const) {
      const res = await t.api({ method, url: `/v1/contact-groups/${group.id}`, body }, other);
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('contact_group_not_found');
    }
    const list = await t.api({ method: 'GET', url: '/v1/contact-groups' }, other);
    expect(list.body.data).toEqual([]);
    const contact = await t.api(
      { method: 'POST', url: '/v1/contacts', body: personInput({ groupIds: [group.id] }) },
      other,
    );
    expect(contact.status).toBe(422);
    expect(contact.body.errors).toEqual([
      { path: 'groupIds.0', code: 'contact_group_not_found', message: expect.any(String) },
    ]);
    // the same name is free in the other organisation
    expect(
      (await t.api({ method: 'POST', url: '/v1/contact-groups', body: { name: 'Private to main' } }, other))
        .status,
    ).toBe(201);
    const untouched = await t.api({ method: 'GET', url: `/v1/contact-groups/${group.id}` });
    expect(untouched.body.name).toBe('Private to main');
  });
});

describe('contact groups: GraphQL', () => {
  it('creates, reads, lists, updates and deletes through the same rules', async () => {
    const created = await graphql(
      `mutation ($input: ContactGroupInput!) { createContactGroup(input: $input) { id name description memberCount } }`,
      { input: { name: 'GraphQL group', description: 'made by a mutation' } },
    );
    const id = created.data.createContactGroup.id;
    expect(created.data.createContactGroup).toMatchObject({ name: 'GraphQL group', memberCount: 0 });

    const dup = await graphql(`mutation { createContactGroup(input: { name: "GraphQL group" }) { id } }`);
    expect(dup.errors?.[0]?.extensions).toMatchObject({
      code: 'validation_failed',
      errors: [{ path: 'name', code: 'contact_group_name_taken' }],
    });

    const read = await graphql(`query ($id: ID!) { contactGroup(id: $id) { name } }`, { id });
    expect(read.data.contactGroup).toEqual({ name: 'GraphQL group' });
    const list = await graphql(`{ contactGroups(q: "graphql", limit: 5) { data { id } hasMore } }`);
    expect(list.data.contactGroups).toEqual({ data: [{ id }], hasMore: false });

    const updated = await graphql(
      `mutation ($id: ID!) { updateContactGroup(id: $id, input: { description: null }) { name description } }`,
      { id },
    );
    expect(updated.data.updateContactGroup).toEqual({ name: 'GraphQL group', description: null });

    const deleted = await graphql(`mutation ($id: ID!) { deleteContactGroup(id: $id) }`, { id });
    expect(deleted.data.deleteContactGroup).toBe(true);
    expect(
      (await graphql(`query ($id: ID!) { contactGroup(id: $id) { id } }`, { id })).data.contactGroup,
    ).toBeNull();
  });

  it("does not show another organisation's group", async () => {
    const group = await createGroup('Hidden from others');
    const other = await t.tenant('Peeking GmbH');
    const res = await graphql(`query ($id: ID!) { contactGroup(id: $id) { id } }`, { id: group.id }, other);
    expect(res.data.contactGroup).toBeNull();
  });

  it('loads Contact.groups for a whole list with ONE query (mercurius loader, no N+1)', async () => {
    const tenant = await t.tenant('Batch GmbH');
    const ids: string[] = [];
    for (const name of ['North', 'South', 'East']) {
      const res = await t.api({ method: 'POST', url: '/v1/contact-groups', body: { name } }, tenant);
      ids.push(res.body.id);
    }
    for (let i = 0; i < 6; i += 1) {
      const groupIds = i === 5 ? [] : [ids[i % 3]!, ids[(i + 1) % 3]!];
      const res = await t.api(
        { method: 'POST', url: '/v1/contacts', body: personInput({ groupIds }) },
        tenant,
      );
      expect(res.status).toBe(201);
    }

    const statements: string[] = [];
    const listener = (query: { sql: string }) => statements.push(query.sql);
    t.db.on('query', listener);
    let res: Awaited<ReturnType<typeof graphql>>;
    try {
      res = await graphql(
        `{ contacts(limit: 10) { data { id groupIds groups { id name memberCount } } } }`,
        {},
        tenant,
      );
    } finally {
      t.db.removeListener('query', listener);
    }
    expect(res.errors).toBeUndefined();
    const contacts = res.data.contacts.data as {
      groupIds: string[];
      groups: { id: string; memberCount: number }[];
    }[];
    expect(contacts).toHaveLength(6);
    for (const contact of contacts) expect(contact.groups.map((g) => g.id)).toEqual(contact.groupIds);
    expect(contacts.filter((c) => c.groups.length === 2)).toHaveLength(5);
    expect(contacts.flatMap((c) => c.groups).every((g) => g.memberCount > 0)).toBe(true);
    // six contacts, ten memberships: still exactly one statement reads contact_groups
    expect(statements.filter((sql) => /\bcontact_groups\b/.test(sql))).toHaveLength(1);
  });
});
