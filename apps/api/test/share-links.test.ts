import { createHash } from 'node:crypto';
import { fixedClock } from '@fakturo/domain';
import { companyInput, createTestApp } from '@fakturo/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { contact, draft, finalize, get, line, ok, post, readySeller } from './documents.support';
import { sendingWorker, startMailServer } from './sending.support';

// API.md: `POST /v1/invoices/{id}/share-link` (likewise credit notes and quotes) hands out the customer portal's
// link to an issued document without a mail; `GET …/share-links` lists a document's links, mailed ones too, and
// `DELETE /v1/share-links/{id}` revokes one.

const clock = fixedClock('2026-03-15T10:00:00Z');
const t = await createTestApp({ clock });
const mail = await startMailServer();
const worker = sendingWorker(t, mail, clock);

let customer: { id: string; emails: { email: string }[] };

beforeAll(async () => {
  await readySeller(t);
  customer = await contact(t, companyInput({ companyName: 'Stadtwerke Musterstadt' }));
});

const issued = async () => finalize(t, (await draft(t, { contactId: customer.id, lines: [line()] })).id);
const pathOf = (url: string) => new URL(url).pathname;
const tokens = async () => Number((await t.db('document_access_tokens').count('* as n'))[0]!.n);

describe('share links', () => {
  it('hands out a portal link to an issued invoice once; the page opens without an API key', async () => {
    const invoice = await issued();
    const res = await post(t, `/v1/invoices/${invoice.id}/share-link`, { expiresInDays: 30 });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.stringMatching(/^dtok_/),
      documentId: invoice.id,
      sendId: null,
      url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:3000\/portal\/fkp_[A-Za-z0-9_-]{43}$/),
      expiresAt: '2026-04-14T10:00:00.000Z',
      revokedAt: null,
      createdAt: '2026-03-15T10:00:00.000Z',
    });
    const page = await t.app.inject({ method: 'GET', url: pathOf(res.body.url) });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(invoice.number);

    // only the token's SHA-256 is stored, and the list never shows the URL again
    const token = pathOf(res.body.url).split('/').pop()!;
    const [row] = await t.db('document_access_tokens').where({ id: res.body.id });
    expect(row.token_hash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(token);
    const list = await ok(get(t, `/v1/invoices/${invoice.id}/share-links`));
    expect(list).toEqual({ data: [{ ...res.body, url: undefined }], hasMore: false, nextCursor: null });
    expect(JSON.stringify(list)).not.toContain(token);

    // the audit log records who made it, never the token
    const audit = await ok(get(t, `/v1/audit-log?resourceId=${res.body.id}`));
    expect(audit.data.map((e: { action: string }) => e.action)).toEqual(['share_link.created']);
    expect(JSON.stringify(audit)).not.toContain(token);
  });

  it('lists a mailed link beside the made ones, with its send', async () => {
    const invoice = await issued();
    const made = await ok(post(t, `/v1/invoices/${invoice.id}/share-link`), 201);
    expect(made.expiresAt).toBe('2026-09-11T10:00:00.000Z'); // 180 days, as a mailed link
    const send = await ok(post(t, `/v1/invoices/${invoice.id}/send`, {}), 202);
    await worker.run();
    const list = await ok(get(t, `/v1/invoices/${invoice.id}/share-links`));
    expect(list.data).toHaveLength(2);
    expect(list.data.find((l: { id: string }) => l.id !== made.id)).toMatchObject({ sendId: send.id });
    expect(list.data.find((l: { id: string }) => l.id === made.id)).toMatchObject({ sendId: null });
  });

  it('revokes a link: the portal answers 410 from then on; revoking again changes nothing', async () => {
    const invoice = await issued();
    const link = await ok(post(t, `/v1/invoices/${invoice.id}/share-link`), 201);
    const revoked = await t.api({ method: 'DELETE', url: `/v1/share-links/${link.id}` });
    expect(revoked.status).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: pathOf(link.url) })).statusCode).toBe(410);
    const [listed] = (await ok(get(t, `/v1/invoices/${invoice.id}/share-links`))).data;
    expect(listed).toMatchObject({ id: link.id, revokedAt: '2026-03-15T10:00:00.000Z' });
    expect((await t.api({ method: 'DELETE', url: `/v1/share-links/${link.id}` })).status).toBe(204);
    const audit = await ok(get(t, `/v1/audit-log?resourceId=${link.id}`));
    expect(audit.data.map((e: { action: string }) => e.action).sort()).toEqual([
      'share_link.created',
      'share_link.revoked',
    ]);
  });

  it('shares a quote with its acceptance form and a credit note; refuses a draft and bad input, writing nothing', async () => {
    const quote = await finalize(
      t,
      (await ok(post(t, '/v1/quotes', { contactId: customer.id, lines: [line()] }), 201)).id,
      undefined,
      'quotes',
    );
    const quoteLink = await ok(post(t, `/v1/quotes/${quote.id}/share-link`), 201);
    expect((await t.app.inject({ method: 'GET', url: pathOf(quoteLink.url) })).body).toContain(
      `action="${pathOf(quoteLink.url)}/accept"`,
    );
    const invoice = await issued();
    const credit = await ok(
      post(t, '/v1/credit-notes', { contactId: customer.id, invoiceId: invoice.id, lines: [line()] }),
      201,
    );
    await finalize(t, credit.id, undefined, 'credit-notes');
    expect((await post(t, `/v1/credit-notes/${credit.id}/share-link`)).status).toBe(201);

    const before = await tokens();
    const open = await draft(t, { contactId: customer.id, lines: [line()] });
    const refused = await post(t, `/v1/invoices/${open.id}/share-link`);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('invoice_not_finalized');
    for (const expiresInDays of [0, 366, 1.5, '30']) {
      const bad = await post(t, `/v1/invoices/${invoice.id}/share-link`, { expiresInDays });
      expect(bad.status).toBe(400);
      expect(bad.body.errors.map((e: { path: string }) => e.path)).toEqual(['expiresInDays']);
    }
    expect((await post(t, `/v1/invoices/${invoice.id}/share-link`, { url: 'x' })).status).toBe(400);
    // the family is the path's: a quote's id is no invoice
    expect((await post(t, `/v1/invoices/${quote.id}/share-link`)).status).toBe(404);
    expect(await tokens()).toBe(before);
  });

  it('keeps tenants apart: another organisation’s ids answer 404 and its links stay open', async () => {
    const invoice = await issued();
    const link = await ok(post(t, `/v1/invoices/${invoice.id}/share-link`), 201);
    const other = await t.tenant('Other GmbH');
    expect((await post(t, `/v1/invoices/${invoice.id}/share-link`, {}, other)).status).toBe(404);
    expect((await get(t, `/v1/invoices/${invoice.id}/share-links`, other)).status).toBe(404);
    const revoke = await t.api({ method: 'DELETE', url: `/v1/share-links/${link.id}` }, other);
    expect(revoke.status).toBe(404);
    expect(revoke.body.code).toBe('share_link_not_found');
    expect((await t.app.inject({ method: 'GET', url: pathOf(link.url) })).statusCode).toBe(200);
  });

  it('replays a create under the same Idempotency-Key with the same URL, stored only encrypted', async () => {
    const invoice = await issued();
    const request = {
      method: 'POST' as const,
      url: `/v1/invoices/${invoice.id}/share-link`,
      body: {},
      headers: { 'idempotency-key': `share-${invoice.id}` },
    };
    const first = await t.api(request);
    const again = await t.api(request);
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body.url).toBe(first.body.url);
    const token = pathOf(first.body.url).split('/').pop()!;
    const stored = await t.db('idempotency_keys').where({ key: `share-${invoice.id}` });
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toContain(token);
  });

  it('works through GraphQL with the same rules: make, list, revoke; another tenant gets not found', async () => {
    const invoice = await issued();
    const gql = (query: string, variables: object, as?: Awaited<ReturnType<typeof t.tenant>>) =>
      t.api({ method: 'POST', url: '/graphql', body: { query, variables } }, as).then((r) => r.body);
    const made = await gql(
      'mutation ($id: ID!) { createInvoiceShareLink(id: $id, expiresInDays: 7) { id url expiresAt sendId } }',
      { id: invoice.id },
    );
    expect(made.errors).toBeUndefined();
    const link = made.data.createInvoiceShareLink;
    expect(link).toMatchObject({ expiresAt: '2026-03-22T10:00:00.000Z', sendId: null });
    expect((await t.app.inject({ method: 'GET', url: pathOf(link.url) })).statusCode).toBe(200);
    const bad = await gql(
      'mutation ($id: ID!) { createInvoiceShareLink(id: $id, expiresInDays: 0) { id } }',
      {
        id: invoice.id,
      },
    );
    expect(bad.errors[0].extensions.code).toBe('validation_failed');

    const listed = await gql('query ($id: ID!) { shareLinks(documentId: $id) { data { id url } hasMore } }', {
      id: invoice.id,
    });
    expect(listed.data.shareLinks).toEqual({ data: [{ id: link.id, url: null }], hasMore: false });

    const other = await t.tenant('GraphQL Other GmbH');
    const foreign = await gql(
      'mutation ($id: ID!) { revokeShareLink(id: $id) { id } }',
      { id: link.id },
      other,
    );
    expect(foreign.errors[0].extensions.code).toBe('share_link_not_found');
    const revoked = await gql('mutation ($id: ID!) { revokeShareLink(id: $id) { id revokedAt } }', {
      id: link.id,
    });
    expect(revoked.data.revokeShareLink).toEqual({ id: link.id, revokedAt: '2026-03-15T10:00:00.000Z' });
    expect((await t.app.inject({ method: 'GET', url: pathOf(link.url) })).statusCode).toBe(410);
  });
});
