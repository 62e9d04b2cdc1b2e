import { connect } from '@fakturo/db';
import { numbering, systemClock, systemContext } from '@fakturo/domain';
import { companyInput, createTestApp, personInput } from '@fakturo/testing';
import { describe, expect, it } from 'vitest';

// The create is one set-based statement (contacts/repo.ts insertContacts) and the contact it answers is built,
// not read back: these tests hold it to what a read returns and to the guarantees of the old write path.
const t = await createTestApp();

const fullInput = () =>
  companyInput({
    companyName: '  Nordwind Handel GmbH ',
    salutation: 'Firma',
    emails: [
      { email: 'rechnung@nordwind.example', type: 'billing' },
      { email: 'info@nordwind.example', type: 'general' },
    ],
    phones: [{ number: '+49 30 123456', type: 'work' }],
    addresses: [
      {
        type: 'delivery',
        name: 'Lager Nord',
        line1: 'Hafenweg 2',
        postalCode: '20457',
        city: 'Hamburg',
        country: 'DE',
      },
    ],
    bankAccounts: [
      { iban: 'de89 3704 0044 0532 0130 00', bic: 'cobadeffxxx', accountHolder: 'Nordwind' },
      { iban: 'AT611904300234573201', isDefault: true },
    ],
    sepaMandates: [
      { reference: `NW-${Date.now()}`, signedDate: '2025-01-15', iban: 'DE89370400440532013000' },
    ],
    tags: ['b2b', 'b2b', ' nord '],
    metadata: { crm: '42', zone: 'north' },
    paymentTermsDays: 21,
    preferredPaymentMethod: 'sepa_debit',
    collectiveInvoicing: true,
    eInvoiceFormat: 'zugferd',
    externalId: `nw-${Date.now()}`,
    source: 'shop',
  });

describe('contacts: the create writes in one statement and answers what a read returns', () => {
  it('answers exactly the contact a GET reads back, the event carries and the audit entry records', async () => {
    const created = await t.api({ method: 'POST', url: '/v1/contacts', body: fullInput() });
    expect(created.status).toBe(201);
    const read = await t.api({ method: 'GET', url: `/v1/contacts/${created.body.id}` });
    expect(read.body).toStrictEqual(created.body);
    expect(created.body.bankAccounts.map((b: { isDefault: boolean }) => b.isDefault)).toEqual([false, true]);
    expect(created.body.tags).toEqual(['b2b', 'nord']);

    const events = await t.api({ method: 'GET', url: `/v1/events?resourceId=${created.body.id}` });
    expect(events.body.data).toHaveLength(1);
    expect(events.body.data[0].type).toBe('contact.created');
    expect(events.body.data[0].data.object).toStrictEqual(created.body);

    const audit = await t.api({ method: 'GET', url: `/v1/audit-log?resourceId=${created.body.id}` });
    expect(audit.body.data).toHaveLength(1);
    expect(audit.body.data[0]).toMatchObject({
      action: 'contact.created',
      before: null,
      seq: expect.any(Number),
    });
    expect(audit.body.data[0].after).toStrictEqual(created.body);
  });

  it('answers what a read returns for a create with groups too (the transactional path)', async () => {
    const group = await t.api({ method: 'POST', url: '/v1/contact-groups', body: { name: 'Write path' } });
    expect(group.status).toBe(201);
    const created = await t.api({
      method: 'POST',
      url: '/v1/contacts',
      body: personInput({ groupIds: [group.body.id, group.body.id] }),
    });
    expect(created.status).toBe(201);
    expect(created.body.groupIds).toEqual([group.body.id]);
    const read = await t.api({ method: 'GET', url: `/v1/contacts/${created.body.id}` });
    expect(read.body).toStrictEqual(created.body);
  });

  it('gives concurrent creates distinct consecutive customer numbers, one event and one audit entry each', async () => {
    const results = await Promise.all(
      Array.from({ length: 12 }, () => t.api({ method: 'POST', url: '/v1/contacts', body: personInput() })),
    );
    expect(results.map((r) => r.status)).toEqual(Array(12).fill(201));
    const numbers = results.map((r) => Number(r.body.customerNumber.slice(2))).sort((a, b) => a - b);
    expect(new Set(numbers).size).toBe(12);
    expect(numbers[11]! - numbers[0]!).toBe(11);
    const ids = results.map((r) => r.body.id as string);
    const eventCount = await t.db('events').whereIn('resource_id', ids).where('type', 'contact.created');
    expect(eventCount).toHaveLength(12);
    const auditCount = await t.db('audit_log').whereIn('resource_id', ids).where('action', 'contact.created');
    expect(auditCount).toHaveLength(12);
  });

  it('lets exactly one of racing creates have an external id; the others get 422 and leave nothing behind', async () => {
    const externalId = `race-${Date.now()}`;
    const results = await Promise.all(
      Array.from({ length: 6 }, () =>
        t.api({ method: 'POST', url: '/v1/contacts', body: personInput({ externalId, source: 'race' }) }),
      ),
    );
    const won = results.filter((r) => r.status === 201);
    expect(won).toHaveLength(1);
    for (const lost of results.filter((r) => r.status !== 201)) {
      expect(lost.status).toBe(422);
      expect(lost.body.errors).toEqual([
        expect.objectContaining({ path: 'externalId', code: 'external_id_taken' }),
      ]);
    }
    const contacts = await t.db('contacts').where({ source: 'race', external_id: externalId }).pluck('id');
    expect(contacts).toEqual([won[0]!.body.id]);
    // the losers' statements wrote nothing: no orphan event, audit entry or bank account
    const events = await t
      .db('events')
      .where('type', 'contact.created')
      .whereRaw(`data->'object'->>'externalId' = ?`, [externalId]);
    expect(events).toHaveLength(1);
    const audit = await t.db('audit_log').whereRaw(`after->>'externalId' = ?`, [externalId]);
    expect(audit).toHaveLength(1);
  });

  it('lets exactly one of racing creates have an explicit customer number', async () => {
    const customerNumber = `R-${Date.now()}`;
    const results = await Promise.all(
      Array.from({ length: 6 }, () =>
        t.api({ method: 'POST', url: '/v1/contacts', body: personInput({ customerNumber }) }),
      ),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    for (const lost of results.filter((r) => r.status !== 201)) {
      expect(lost.status).toBe(422);
      expect(lost.body.errors[0]).toMatchObject({ path: 'customerNumber', code: 'customer_number_taken' });
    }
  });

  it('writes concurrent creates together, each with its own actor and request id', async () => {
    const key = await t.api({
      method: 'POST',
      url: '/v1/api-keys',
      body: { name: 'second connector', scopes: ['read', 'write'] },
    });
    expect(key.status).toBe(201);
    const second = { ...t.main, apiKey: key.body.secret as string };
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        t.api({ method: 'POST', url: '/v1/contacts', body: personInput() }, i % 2 ? second : t.main),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(201));
    const ids = results.map((r) => r.body.id as string);
    // rows written by one transaction share its id: fewer transactions than creates means a group commit
    const { rows } = await t.db.raw(
      'SELECT count(DISTINCT xmin::text)::int AS n FROM contacts WHERE id = ANY(?)',
      [ids],
    );
    expect(rows[0].n).toBeLessThan(20);
    for (const [i, result] of results.entries()) {
      const requestId = result.headers['x-request-id'];
      const [event] = await t.db('events').where({ resource_id: result.body.id, type: 'contact.created' });
      expect(event.request_id).toBe(requestId);
      const [entry] = await t
        .db('audit_log')
        .where({ resource_id: result.body.id, action: 'contact.created' });
      expect(entry).toMatchObject({
        request_id: requestId,
        actor_type: 'api_key',
        actor_id: i % 2 ? key.body.id : expect.not.stringMatching(key.body.id),
      });
      const read = await t.api({ method: 'GET', url: `/v1/contacts/${result.body.id}` });
      expect(read.body).toStrictEqual(result.body);
    }
  });

  it('fails a bad create among concurrent ones alone, and writes nothing of it', async () => {
    const taken = await t.api({
      method: 'POST',
      url: '/v1/contacts',
      body: personInput({ externalId: `taken-${Date.now()}`, source: 'shop' }),
    });
    expect(taken.status).toBe(201);
    const bodies = Array.from({ length: 12 }, (_, i) =>
      i === 4
        ? personInput({ bankAccounts: [{ iban: 'DE00123456789012345678' }] })
        : i === 7
          ? personInput({ externalId: taken.body.externalId, source: 'shop' })
          : i === 9
            ? personInput({ customerNumber: taken.body.customerNumber })
            : personInput(),
    );
    const results = await Promise.all(
      bodies.map((body) => t.api({ method: 'POST', url: '/v1/contacts', body })),
    );
    expect(results.map((r) => r.status)).toEqual(bodies.map((_, i) => ([4, 7, 9].includes(i) ? 422 : 201)));
    expect(results[4]!.body.errors).toEqual([expect.objectContaining({ path: 'bankAccounts.0.iban' })]);
    expect(results[7]!.body.errors).toEqual([
      expect.objectContaining({ path: 'externalId', code: 'external_id_taken' }),
    ]);
    expect(results[9]!.body.errors).toEqual([
      expect.objectContaining({ path: 'customerNumber', code: 'customer_number_taken' }),
    ]);
    const written = await t.db('contacts').whereIn(
      'last_name',
      bodies.map((b) => b.lastName!),
    );
    expect(written).toHaveLength(9);
  });

  it('queues the event for webhooks in the same statement when an endpoint is enabled', async () => {
    const tenant = await t.tenant('Outbox GmbH');
    const endpoint = await t.api(
      {
        method: 'POST',
        url: '/v1/webhook-endpoints',
        body: { url: 'https://hooks.example.com/fakturo', enabledEvents: ['contact.*'] },
      },
      tenant,
    );
    expect(endpoint.status).toBe(201);
    const fanOutJobs = async () => {
      const { rows } = await t.db.raw(
        // the job key is `webhooks_fan_out:<organisation>:<transaction id>` (jobs.addJobPerTransaction)
        `SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE task_identifier = 'webhooks_fan_out'
          AND key LIKE ?`,
        [`webhooks_fan_out:${tenant.organizationId}:%`],
      );
      return rows[0].n as number;
    };
    const jobsBefore = await fanOutJobs();
    const created = await t.api({ method: 'POST', url: '/v1/contacts', body: personInput() }, tenant);
    expect(created.status).toBe(201);
    const queued = await t
      .db('webhook_outbox')
      .where({ organization_id: tenant.organizationId, event_type: 'contact.created' });
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatchObject({ resource_id: created.body.id });
    expect(await fanOutJobs()).toBe(jobsBefore + 1);
    // an organisation without endpoints queues nothing
    await t.api({ method: 'POST', url: '/v1/contacts', body: personInput() });
    expect(await t.db('webhook_outbox').where('organization_id', t.main.organizationId)).toHaveLength(0);
  });
});

describe('numbering.takeDetached', () => {
  it('hands out distinct values and leaves the pooled connection committing synchronously', async () => {
    // one connection, so the SHOW below runs on the connection the detached take used
    const db = connect(t.database.url, { poolMax: 1 });
    try {
      const ctx = systemContext(db, t.main.organizationId, systemClock);
      const values = [];
      for (let i = 0; i < 3; i++) values.push(await numbering.takeDetached(ctx, 'detached-test', 2));
      expect(values).toEqual([1, 3, 5]);
      const shown = await db.raw('SHOW synchronous_commit');
      expect(shown.rows[0].synchronous_commit).toBe('on');
    } finally {
      await db.destroy();
    }
  });
});
