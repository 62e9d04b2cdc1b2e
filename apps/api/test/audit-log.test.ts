import { audit, fixedClock } from '@fakturo/domain';
import { companyInput, createTestApp, type TestTenant } from '@fakturo/testing';
import { describe, expect, it } from 'vitest';
import { contact, draft, finalize, get, line, ok, patch, readySeller } from './documents.support';

// DOMAIN.md §3: an append-only audit log of every change of documents, contacts and settings, hash-chained
// per organisation, written in the transaction of the change; GET /v1/audit-log/verify proves it intact.
const t = await createTestApp({ clock: fixedClock('2026-05-04T12:00:00Z') });

async function history(as?: TestTenant) {
  await readySeller(t, as);
  const buyer = await contact(t, companyInput(), as);
  await ok(patch(t, `/v1/contacts/${buyer.id}`, { notes: 'Stammkunde' }, as));
  const invoice = await finalize(t, (await draft(t, { contactId: buyer.id, lines: [line()] }, as)).id, as);
  return { buyer, invoice };
}

/**
 * Tampering as someone with database rights would: with the append-only trigger switched off, on the sealed
 * chain (entries are sealed right after their commit, asynchronously; the last ones may still be waiting).
 */
async function asSuperuser(work: (trx: typeof t.db) => Promise<unknown>) {
  await audit.sealAll(t.db);
  await t.db.transaction(async (trx) => {
    await trx.raw('SET LOCAL session_replication_role = replica');
    await work(trx as unknown as typeof t.db);
  });
}

describe('audit log', () => {
  it('records who changed what, before and after, chained entry by entry', async () => {
    const { buyer, invoice } = await history();
    const page = await ok(get(t, '/v1/audit-log?limit=100'));
    const actions = page.data.map((e: { action: string }) => e.action).reverse();
    expect(actions).toEqual([
      'organization.updated',
      'contact.created',
      'contact.updated',
      'invoice.created',
      'invoice.finalized',
    ]);
    const [finalized, created, updated] = page.data;
    expect(finalized).toMatchObject({
      seq: 5,
      resourceType: 'invoice',
      resourceId: invoice.id,
      actor: { type: 'api_key', id: expect.stringMatching(/^key_/) },
      before: { status: 'draft', number: null },
      after: { status: 'finalized', number: invoice.number },
      prevHash: created.hash,
    });
    expect(updated).toMatchObject({
      action: 'contact.updated',
      before: { notes: null },
      after: { notes: 'Stammkunde' },
    });
    expect(page.data.at(-1).prevHash).toBe('0'.repeat(64));

    const forContact = await ok(get(t, `/v1/audit-log?resourceId=${buyer.id}`));
    expect(forContact.data.map((e: { action: string }) => e.action)).toEqual([
      'contact.updated',
      'contact.created',
    ]);
    const paged = await ok(get(t, '/v1/audit-log?limit=2'));
    const next = await ok(get(t, `/v1/audit-log?limit=2&startingAfter=${paged.nextCursor}`));
    expect(next.data.map((e: { seq: number }) => e.seq)).toEqual([3, 2]);
    expect(await ok(get(t, '/v1/audit-log/verify'))).toEqual({
      valid: true,
      checked: 5,
      firstBrokenSeq: null,
      unsealed: 0,
    });
    const graphql = await ok(
      t.api({
        method: 'POST',
        url: '/graphql',
        body: {
          query:
            '{ verifyAuditLog { valid checked } auditLog(limit: 1) { data { seq action actor { type } } } }',
        },
      }),
    );
    expect(graphql.data).toEqual({
      verifyAuditLog: { valid: true, checked: 5 },
      auditLog: { data: [{ seq: 5, action: 'invoice.finalized', actor: { type: 'api_key' } }] },
    });

    // the request that made the change is named
    const res = await t.api({
      method: 'PATCH',
      url: `/v1/contacts/${buyer.id}`,
      body: { notes: 'x' },
      headers: { 'x-request-id': 'trace-42' },
    });
    expect(res.status).toBe(200);
    expect((await ok(get(t, '/v1/audit-log?limit=1'))).data[0]).toMatchObject({
      requestId: 'trace-42',
      seq: 6,
    });
  });

  it('is append-only: the database refuses UPDATE and DELETE', async () => {
    await expect(
      t.db('audit_log').where('organization_id', t.main.organizationId).update({ action: 'x' }),
    ).rejects.toThrow(/append-only/);
    await expect(t.db('audit_log').where('organization_id', t.main.organizationId).delete()).rejects.toThrow(
      /append-only/,
    );
  });

  it('verify detects a changed entry', async () => {
    const tenant = await t.tenant('Manipuliert GmbH');
    const { invoice } = await history(tenant);
    expect((await ok(get(t, '/v1/audit-log/verify', tenant))).valid).toBe(true);
    await asSuperuser((trx) =>
      trx('audit_log')
        .where({
          organization_id: tenant.organizationId,
          resource_id: invoice.id,
          action: 'invoice.finalized',
        })
        .update({ after: trx.raw(`jsonb_set(after, '{grossTotal}', '1')`) }),
    );
    expect(await ok(get(t, '/v1/audit-log/verify', tenant))).toEqual({
      valid: false,
      checked: 5,
      firstBrokenSeq: 5,
      unsealed: 0,
    });
  });

  it('verify detects an entry removed from the middle and entries cut off the end', async () => {
    const middle = await t.tenant('Lücke GmbH');
    await history(middle);
    await asSuperuser((trx) =>
      trx('audit_log').where({ organization_id: middle.organizationId, seq: 3 }).delete(),
    );
    expect(await ok(get(t, '/v1/audit-log/verify', middle))).toEqual({
      valid: false,
      checked: 2,
      firstBrokenSeq: 3,
      unsealed: 0,
    });

    const tail = await t.tenant('Abgeschnitten GmbH');
    await history(tail);
    await asSuperuser((trx) =>
      trx('audit_log').where({ organization_id: tail.organizationId }).where('seq', '>=', 4).delete(),
    );
    expect(await ok(get(t, '/v1/audit-log/verify', tail))).toEqual({
      valid: false,
      checked: 3,
      firstBrokenSeq: 4,
      unsealed: 0,
    });
  });

  it('concurrent changes of one organisation append one after the other: no gap, no fork', async () => {
    const busy = await t.tenant('Viel los GmbH');
    await readySeller(t, busy);
    const results = await Promise.all(
      Array.from({ length: 12 }, () =>
        t.api({ method: 'POST', url: '/v1/contacts', body: companyInput() }, busy),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(results.map(() => 201));
    // sealed after commit, in the background; reading the log seals whatever is still open
    await ok(get(t, '/v1/audit-log?limit=1', busy));
    const seqs = await t
      .db('audit_log')
      .where('organization_id', busy.organizationId)
      .orderBy('seq')
      .pluck('seq');
    expect(seqs).toEqual(Array.from({ length: 13 }, (_, i) => i + 1));
    expect(await ok(get(t, '/v1/audit-log/verify', busy))).toEqual({
      valid: true,
      checked: 13,
      firstBrokenSeq: null,
      unsealed: 0,
    });
  });

  it('entries a process left unsealed (it died between commit and seal) are sealed by the cron task', async () => {
    const crashed = await t.tenant('Absturz GmbH');
    await contact(t, companyInput(), crashed);
    await ok(get(t, '/v1/audit-log', crashed)); // sealed: seq 1
    // an entry committed by a process that died before sealing it: written as recordMany writes it
    await t.db('audit_log').insert({
      organization_id: crashed.organizationId,
      id: 'aud_01JDZZZZZZZZZZZZZZZZZZZZZZ',
      actor_type: 'api_key',
      actor_id: 'key_x',
      action: 'contact.updated',
      resource_type: 'contact',
      resource_id: 'con_x',
      after: { notes: 'offline' },
      created_at: new Date('2026-05-04T12:00:01Z'),
    });
    expect(await audit.sealAll(t.db)).toBeGreaterThanOrEqual(1);
    const entry = await t.db('audit_log').where('id', 'aud_01JDZZZZZZZZZZZZZZZZZZZZZZ').first();
    expect(entry.seq).toBe(2);
    expect(await ok(get(t, '/v1/audit-log/verify', crashed))).toEqual({
      valid: true,
      checked: 2,
      firstBrokenSeq: null,
      unsealed: 0,
    });
  });

  it("seals this process's entries from the text it kept when writing them, reading back only the others", async () => {
    const own = await t.tenant('Eigen GmbH');
    const readBack: unknown[] = [];
    const listen = (query: { sql: string; bindings?: unknown[] }) => {
      if (/from "audit_log" where .*"id" in/i.test(query.sql)) readBack.push(...(query.bindings ?? []));
    };
    t.db.on('query', listen);
    try {
      await contact(t, companyInput(), own);
      // another process's entry, committed but not sealed
      await t.db('audit_log').insert({
        organization_id: own.organizationId,
        id: 'aud_01JDXXXXXXXXXXXXXXXXXXXXXX',
        actor_type: 'api_key',
        actor_id: 'key_x',
        action: 'contact.updated',
        resource_type: 'contact',
        resource_id: 'con_x',
        after: { notes: 'elsewhere', amount: 1e21, ratio: 0.1, text: 'Grüße "🙂"' },
        created_at: new Date(),
      });
      await audit.seal(t.db, own.organizationId);
      await audit.autoSeal(t.db)();
    } finally {
      t.db.off('query', listen);
    }
    expect(readBack.filter((value) => String(value).startsWith('aud_'))).toEqual([
      'aud_01JDXXXXXXXXXXXXXXXXXXXXXX',
    ]);
    expect(await ok(get(t, '/v1/audit-log/verify', own))).toEqual({
      valid: true,
      checked: 2,
      firstBrokenSeq: null,
      unsealed: 0,
    });
  });

  it('sealing may set the chain columns of an unsealed entry only; nothing else ever changes', async () => {
    const guarded = await t.tenant('Wächter GmbH');
    await contact(t, companyInput(), guarded);
    await ok(get(t, '/v1/audit-log', guarded));
    const row = { organization_id: guarded.organizationId, id: 'aud_01JDYYYYYYYYYYYYYYYYYYYYYY' };
    await t.db('audit_log').insert({
      ...row,
      actor_type: 'api_key',
      actor_id: 'key_x',
      action: 'contact.updated',
      resource_type: 'contact',
      resource_id: 'con_x',
      created_at: new Date(),
    });
    // sealing and changing the content at once is refused
    await expect(
      t.db('audit_log').where(row).update({ seq: 99, prev_hash: 'a', hash: 'b', action: 'contact.deleted' }),
    ).rejects.toThrow(/append-only/);
    // a seal is whole: seq and both hashes together
    await expect(t.db('audit_log').where(row).update({ seq: 99 })).rejects.toThrow(/audit_log_sealed_whole/);
    expect(await audit.seal(t.db, guarded.organizationId)).toBe(1);
    // sealed entries never change again, not even their chain columns
    await expect(t.db('audit_log').where(row).update({ hash: 'c' })).rejects.toThrow(/append-only/);
  });

  it('each organisation sees its own log only', async () => {
    const stranger = await t.tenant('Fremd GmbH');
    expect((await ok(get(t, '/v1/audit-log', stranger))).data).toEqual([]);
    expect(await ok(get(t, '/v1/audit-log/verify', stranger))).toEqual({
      valid: true,
      checked: 0,
      firstBrokenSeq: null,
      unsealed: 0,
    });
    const mine = await ok(get(t, '/v1/audit-log?limit=1'));
    expect((await get(t, `/v1/audit-log?startingAfter=${mine.data[0].id}`, stranger)).status).toBe(400);
  });
});
