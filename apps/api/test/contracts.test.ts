import { fixedClock } from '@fakturo/domain';
import { companyInput, createTestApp } from '@fakturo/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createArticle,
  createContact,
  createContract,
  getRun,
  post,
  readyToBill,
  startRun,
  worker,
} from './billing.support';

// The contract lifecycle through the API: create, read, list, change (next period / immediately prorated),
// cancel with the computed end date, pause and resume, scheduled price changes, installment plans.
const clock = fixedClock('2026-09-30T10:00:00Z');
const t = await createTestApp({ clock });
const w = worker(t, { clock });

let hosting: { id: string };
let contact: { id: string };
beforeAll(async () => {
  await readyToBill(t);
  hosting = await createArticle(t, {
    name: 'Hosting',
    unitCode: 'MON',
    priceModel: { kind: 'per_unit', unitAmount: '1000' },
  });
  contact = await createContact(t, companyInput({ companyName: 'Vertrag GmbH' }));
});

const dryRun = async (contractId: string, asOf?: string) => {
  const res = await t.api({
    method: 'POST',
    url: '/v1/billing-runs',
    body: { dryRun: true, contractIds: [contractId], ...(asOf ? { asOf } : {}) },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
};

describe('create, read, list', () => {
  it('creates a contract with an article item (price copied) and a free-text item; defaults are filled in', async () => {
    const res = await t.api({
      method: 'POST',
      url: '/v1/contracts',
      body: {
        contactId: contact.id,
        description: 'Hosting und Support',
        startDate: '2026-01-31',
        items: [
          { articleId: hosting.id, quantity: '2.5', discountPercent: '10' },
          { name: 'Support-Pauschale', priceModel: { kind: 'flat', amount: 9900 }, taxRateKind: 'reduced' },
        ],
        metadata: { crm: 'A-17' },
      },
    });
    expect(res.status).toBe(201);
    expect(res.headers.location).toBe(`/v1/contracts/${res.body.id}`);
    expect(res.headers.etag).toBe('"1"');
    expect(res.body).toMatchObject({
      contactId: contact.id,
      status: 'active',
      currency: 'EUR',
      intervalMonths: 1,
      timing: 'in_advance',
      startDate: '2026-01-31',
      endDate: null,
      proration: 'none',
      changeTiming: 'next_period',
      collective: false,
      autoSend: false,
      minimumTermEnd: null,
      cancellation: null,
      metadata: { crm: 'A-17' },
      version: 1,
    });
    expect(res.body.items).toEqual([
      expect.objectContaining({
        position: 1,
        articleId: hosting.id,
        name: 'Hosting',
        quantity: '2.5',
        unitCode: 'MON',
        priceModel: { kind: 'per_unit', unitAmount: '1000' },
        priceOverridden: false,
        discountPercent: '10',
        startsOn: null,
        endsOn: null,
      }),
      expect.objectContaining({
        position: 2,
        articleId: null,
        name: 'Support-Pauschale',
        priceOverridden: true,
        taxRateKind: 'reduced',
      }),
    ]);
    // Jan 31 anchors the periods: Feb 28, Mar 31, … (DOMAIN.md §6); reduced rate 7 % on the flat item
    const preview = await dryRun(res.body.id, '2026-03-31');
    expect(preview.invoices.map((i: { servicePeriod: unknown }) => i.servicePeriod)).toEqual([
      { start: '2026-01-31', end: '2026-02-27' },
      { start: '2026-02-28', end: '2026-03-30' },
      { start: '2026-03-31', end: '2026-04-29' },
    ]);
    expect(
      preview.invoices[0].lines.map((l: { netAmount: number; taxRate: string }) => [l.netAmount, l.taxRate]),
    ).toEqual([
      [2250, '19'],
      [9900, '7'],
    ]);
    const got = await t.api({ method: 'GET', url: `/v1/contracts/${res.body.id}` });
    expect(got.body).toEqual(res.body);
  });

  it('lists by status and contact', async () => {
    const other = await createContact(t, companyInput());
    const mine = await createContract(t, { contactId: other.id, items: [{ articleId: hosting.id }] });
    const byContact = await t.api({ method: 'GET', url: `/v1/contracts?contactId=${other.id}` });
    expect(byContact.body.data.map((c: { id: string }) => c.id)).toEqual([mine.id]);
    const cancelled = await t.api({ method: 'GET', url: '/v1/contracts?status=cancelled' });
    expect(cancelled.body.data).toEqual([]);
    const bad = await t.api({ method: 'GET', url: '/v1/contracts?status=sleeping' });
    expect(bad.status).toBe(400);
  });

  it('bad input names every field: 400 for shapes, 422 for rules; nothing is written', async () => {
    const count = async () => Number((await t.db('contracts').count({ n: '*' }))[0]!.n);
    const before = await count();
    const shape = await t.api({
      method: 'POST',
      url: '/v1/contracts',
      body: { contactId: contact.id, intervalMonths: 0, items: [] },
    });
    expect(shape.status).toBe(400);
    expect(shape.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'intervalMonths',
      'items',
    ]);
    const usd = await createArticle(t, {
      name: 'USD only',
      currency: 'USD',
      priceModel: { kind: 'flat', amount: 1 },
    });
    const rules = await t.api({
      method: 'POST',
      url: '/v1/contracts',
      body: {
        contactId: 'con_01JD3Y8WQ4XK0R5N6S7T8V9W0A',
        startDate: '2026-05-01',
        endDate: '2026-04-01',
        items: [
          { name: 'Ohne Preis' },
          { articleId: usd.id },
          { articleId: hosting.id, quantity: '1', priceModel: { kind: 'per_unit' } },
        ],
      },
    });
    expect(rules.status).toBe(422);
    expect(rules.body.errors.map((e: { path: string; code: string }) => [e.path, e.code])).toEqual([
      ['contactId', 'contact_not_found'],
      ['endDate', 'end_before_start'],
      ['items.0.priceModel', 'required'],
      ['items.1.articleId', 'article_currency_mismatch'],
      ['items.2.priceModel.unitAmount', 'unit_amount_invalid'],
    ]);
    expect(await count()).toBe(before);
  });
});

describe('cancel: the computed end date (DOMAIN.md §6, "3 months to end of term")', () => {
  const terms = {
    startDate: '2026-01-01',
    minimumTermMonths: 12,
    renewalTermMonths: 12,
    noticePeriod: { amount: 3, unit: 'months' },
  };

  it('received in time: ends with the first term', async () => {
    const contract = await createContract(t, {
      contactId: contact.id,
      ...terms,
      items: [{ articleId: hosting.id }],
    });
    expect(contract.minimumTermEnd).toBe('2026-12-31');
    // no receivedOn: today on the organisation's clock, 2026-09-30
    const res = await t.api({ method: 'POST', url: `/v1/contracts/${contract.id}/cancel` });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'cancelled',
      endDate: '2026-12-31',
      cancellation: {
        receivedOn: '2026-09-30',
        endDate: '2026-12-31',
        noticeEnd: '2026-12-30',
        termEnd: '2026-12-31',
        renewals: 0,
      },
      version: 2,
    });
    const again = await t.api({ method: 'POST', url: `/v1/contracts/${contract.id}/cancel`, body: {} });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('contract_already_cancelled');
    expect(await t.db('events').where('resource_id', contract.id).orderBy('id').pluck('type')).toEqual([
      'contract.created',
      'contract.cancelled',
    ]);
    // the audit trail (DOMAIN.md §3) records both changes, before and after, and its chain verifies
    const trail = await t.api({ method: 'GET', url: `/v1/audit-log?resourceId=${contract.id}` });
    expect(trail.body.data.map((e: { action: string }) => e.action).sort()).toEqual([
      'contract.cancelled',
      'contract.created',
    ]);
    const cancelEntry = trail.body.data.find((e: { action: string }) => e.action === 'contract.cancelled');
    expect(cancelEntry).toMatchObject({ before: { status: 'active' }, after: { status: 'cancelled' } });
    expect((await t.api({ method: 'GET', url: '/v1/audit-log/verify' })).body).toMatchObject({ valid: true });
    // billing stops at the end date
    const preview = await dryRun(contract.id);
    expect(preview.invoiceCount).toBe(9); // January … September
  });

  it('received a day late: the term renews once and it ends a year later', async () => {
    const contract = await createContract(t, {
      contactId: contact.id,
      ...terms,
      items: [{ articleId: hosting.id }],
    });
    const res = await post(
      t,
      `/v1/contracts/${contract.id}/cancel`,
      { receivedOn: '2026-10-01' },
      undefined,
      200,
    );
    expect(res.cancellation).toEqual({
      receivedOn: '2026-10-01',
      endDate: '2027-12-31',
      noticeEnd: '2027-01-01',
      termEnd: '2027-12-31',
      renewals: 1,
    });
  });

  it('a cancellation dated back before periods already billed is refused, as an earlier end date is', async () => {
    // monthly in advance from Jan 1, billed January … September. A cancellation dated back to Mar 1 would
    // end it on Mar 31 while April … September stay invoiced: the contract and its invoices would disagree.
    const contract = await createContract(t, {
      contactId: contact.id,
      startDate: '2026-01-01',
      items: [{ articleId: hosting.id }],
    });
    const run = await startRun(t, { contractIds: [contract.id] });
    await w.run();
    expect(await getRun(t, run.id)).toMatchObject({ invoicesCreated: 9 });
    const res = await t.api({
      method: 'POST',
      url: `/v1/contracts/${contract.id}/cancel`,
      body: { receivedOn: '2026-03-01' },
    });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([
      expect.objectContaining({ path: 'receivedOn', code: 'end_date_before_billed_period' }),
    ]);
    const after = await t.api({ method: 'GET', url: `/v1/contracts/${contract.id}` });
    expect(after.body).toMatchObject({ status: 'active', endDate: null, version: 1 });
    // received today it ends with the period under way, billed already: fine
    const today = await post(t, `/v1/contracts/${contract.id}/cancel`, {}, undefined, 200);
    expect(today.endDate).toBe('2026-09-30');
  });
});

describe('pause and resume', () => {
  it('a period starting in the pause is not billed; billing resumes with the next period', async () => {
    const contract = await createContract(t, {
      contactId: contact.id,
      startDate: '2026-06-01',
      items: [{ articleId: hosting.id }],
    });
    const paused = await post(
      t,
      `/v1/contracts/${contract.id}/pause`,
      { startsOn: '2026-07-15' },
      undefined,
      200,
    );
    expect(paused).toMatchObject({ status: 'paused', pauses: [{ startsOn: '2026-07-15', endsOn: null }] });
    expect(
      (await t.api({ method: 'POST', url: `/v1/contracts/${contract.id}/pause`, body: {} })).body.code,
    ).toBe('contract_paused');
    const resumed = await post(
      t,
      `/v1/contracts/${contract.id}/resume`,
      { resumesOn: '2026-09-01' },
      undefined,
      200,
    );
    expect(resumed).toMatchObject({
      status: 'active',
      pauses: [{ startsOn: '2026-07-15', endsOn: '2026-08-31' }],
    });
    const preview = await dryRun(contract.id);
    expect(preview.invoices.map((i: { servicePeriod: { start: string } }) => i.servicePeriod.start)).toEqual([
      '2026-06-01',
      '2026-07-01',
      '2026-09-01',
    ]);
    const again = await t.api({ method: 'POST', url: `/v1/contracts/${contract.id}/resume`, body: {} });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('contract_not_paused');
    expect(await t.db('events').where('resource_id', contract.id).orderBy('id').pluck('type')).toEqual([
      'contract.created',
      'contract.paused',
      'contract.resumed',
    ]);
  });
});

describe('scheduled price changes and installment plans', () => {
  it('a percentage from its effective date on; a new price needs its item', async () => {
    const contract = await createContract(t, {
      contactId: contact.id,
      startDate: '2026-07-01',
      items: [{ articleId: hosting.id, quantity: '2' }],
    });
    const changed = await post(t, `/v1/contracts/${contract.id}/price-changes`, {
      kind: 'percent',
      percent: '10',
      effectiveDate: '2026-09-01',
      announcedOn: '2026-06-15',
    });
    expect(changed.priceChanges).toEqual([
      expect.objectContaining({
        itemId: null,
        kind: 'percent',
        percent: '10',
        effectiveDate: '2026-09-01',
        announcedOn: '2026-06-15',
      }),
    ]);
    const preview = await dryRun(contract.id);
    expect(preview.invoices.map((i: { lineNetTotal: number }) => i.lineNetTotal)).toEqual([2000, 2000, 2200]);
    const bad = await t.api({
      method: 'POST',
      url: `/v1/contracts/${contract.id}/price-changes`,
      body: { kind: 'new_price', effectiveDate: '2026-10-01', announcedOn: '2026-11-01' },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: { path: string; code: string }) => [e.path, e.code])).toEqual([
      ['itemId', 'required'],
      ['priceModel', 'required'],
      ['announcedOn', 'announced_after_effective'],
    ]);
  });

  it('a price change dated back into periods already billed is refused; from the next period it is fine', async () => {
    // monthly in advance from Jan 1, billed January … September (today is Sep 30)
    const contract = await createContract(t, {
      contactId: contact.id,
      startDate: '2026-01-01',
      items: [{ articleId: hosting.id }],
    });
    await startRun(t, { contractIds: [contract.id] });
    await w.run();
    const back = await t.api({
      method: 'POST',
      url: `/v1/contracts/${contract.id}/price-changes`,
      body: { kind: 'percent', percent: '5', effectiveDate: '2026-06-01' },
    });
    expect(back.status).toBe(422);
    expect(back.body.errors).toEqual([
      expect.objectContaining({ path: 'effectiveDate', code: 'effective_date_before_billed_period' }),
    ]);
    expect(await t.db('contract_price_changes').where('contract_id', contract.id)).toHaveLength(0);
    // dated inside September (billed) it would take effect from October, not billed yet: fine
    const next = await post(t, `/v1/contracts/${contract.id}/price-changes`, {
      kind: 'percent',
      percent: '5',
      effectiveDate: '2026-09-15',
    });
    expect(next.priceChanges).toEqual([expect.objectContaining({ effectiveDate: '2026-09-15' })]);
  });

  it('an installment plan splits the total so the parts add up, each billed once due', async () => {
    const contract = await createContract(t, {
      contactId: contact.id,
      startDate: '2026-09-01',
      items: [{ articleId: hosting.id }],
    });
    const res = await post(t, `/v1/contracts/${contract.id}/installment-plans`, {
      name: 'Einrichtung',
      total: 10000,
      count: 3,
      firstDueDate: '2026-08-31',
    });
    expect(
      res.installmentPlans[0].installments.map((i: { dueDate: string; amount: number }) => [
        i.dueDate,
        i.amount,
      ]),
    ).toEqual([
      ['2026-08-31', 3334],
      ['2026-09-30', 3333],
      ['2026-10-31', 3333],
    ]);
    const run = await startRun(t, { contractIds: [contract.id] });
    await w.run();
    expect(await getRun(t, run.id)).toMatchObject({ status: 'completed', invoicesCreated: 1 });
    const lines = await t.db('document_lines').where('contract_id', contract.id).orderBy('position');
    expect(lines.map((l) => [l.name, l.net_amount, l.period_start])).toEqual([
      ['Hosting', 1000, '2026-09-01'],
      ['Einrichtung (1/3)', 3334, null],
      ['Einrichtung (2/3)', 3333, null],
    ]);
    const after = await t.api({ method: 'GET', url: `/v1/contracts/${contract.id}` });
    expect(after.body.pendingCharges.map((c: { name: string }) => c.name)).toEqual(['Einrichtung (3/3)']);
  });
});

describe('changes after billing', () => {
  it('next_period: the new quantity applies from the next period; the billed period keeps the old one', async () => {
    const contract = await createContract(t, {
      contactId: contact.id,
      startDate: '2026-09-01',
      items: [{ articleId: hosting.id, quantity: '1' }],
    });
    const run = await startRun(t, { contractIds: [contract.id] });
    await w.run();
    expect(await getRun(t, run.id)).toMatchObject({ invoicesCreated: 1 });
    const grid = await t.api({
      method: 'PATCH',
      url: `/v1/contracts/${contract.id}`,
      body: { intervalMonths: 3 },
    });
    expect(grid.status).toBe(409);
    expect(grid.body.code).toBe('contract_already_billed');
    const res = await t.api({
      method: 'PATCH',
      url: `/v1/contracts/${contract.id}`,
      body: { items: [{ id: contract.items[0].id, quantity: '4' }] },
      headers: { 'if-match': '"1"' },
    });
    expect(res.status).toBe(200);
    expect(
      res.body.items.map((i: { quantity: string; startsOn: string | null; endsOn: string | null }) => [
        i.quantity,
        i.startsOn,
        i.endsOn,
      ]),
    ).toEqual([
      ['1', null, '2026-09-30'],
      ['4', '2026-10-01', null],
    ]);
    const october = await dryRun(contract.id, '2026-09-30');
    expect(october.invoiceCount).toBe(0);
    // the run for October (from the organisation's point of view, later) bills 4
    expect(res.body.version).toBe(2);
    const stale = await t.api({
      method: 'PATCH',
      url: `/v1/contracts/${contract.id}`,
      body: { description: 'x' },
      headers: { 'if-match': '"1"' },
    });
    expect(stale.status).toBe(412);
  });

  it('next_period before the first bill: periods already delivered in arrears keep the old quantity', async () => {
    // In arrears since Aug 15: Aug 15 – Sep 14 was delivered with 3 and is due, but no run billed it yet;
    // Sep 15 – Oct 14 is under way. A change today (Sep 30) applies from Oct 15, not to the past.
    const contract = await createContract(t, {
      contactId: contact.id,
      startDate: '2026-08-15',
      timing: 'in_arrears',
      items: [{ articleId: hosting.id, quantity: '3' }],
    });
    const res = await t.api({
      method: 'PATCH',
      url: `/v1/contracts/${contract.id}`,
      body: { items: [{ id: contract.items[0].id, quantity: '5' }] },
    });
    expect(res.status).toBe(200);
    expect(
      res.body.items.map((i: { quantity: string; startsOn: string | null; endsOn: string | null }) => [
        i.quantity,
        i.startsOn,
        i.endsOn,
      ]),
    ).toEqual([
      ['3', null, '2026-10-14'],
      ['5', '2026-10-15', null],
    ]);
    const lines = (await dryRun(contract.id)).invoices.flatMap((i: { lines: object[] }) => i.lines);
    expect(
      lines.map((l: { quantity: string; netAmount: number; period: unknown }) => [
        l.quantity,
        l.netAmount,
        l.period,
      ]),
    ).toEqual([['3', 3000, { start: '2026-08-15', end: '2026-09-14' }]]);
  });

  it('a contract that has not begun yet changes in place: nothing of it is history', async () => {
    const contract = await createContract(t, {
      contactId: contact.id,
      startDate: '2026-11-01',
      items: [{ articleId: hosting.id, quantity: '3' }],
    });
    const res = await t.api({
      method: 'PATCH',
      url: `/v1/contracts/${contract.id}`,
      body: { items: [{ id: contract.items[0].id, quantity: '5' }] },
    });
    expect(res.status).toBe(200);
    expect(res.body.items.map((i: { id: string; quantity: string }) => [i.id, i.quantity])).toEqual([
      [contract.items[0].id, '5'],
    ]);
  });

  it('immediate_prorated: credit the unused rest at the old price, charge it at the new one', async () => {
    const contract = await createContract(t, {
      contactId: contact.id,
      startDate: '2026-09-01',
      items: [{ articleId: hosting.id, quantity: '3' }],
    });
    await w.run();
    const run = await startRun(t, { contractIds: [contract.id] });
    await w.run();
    expect(await getRun(t, run.id)).toMatchObject({ invoicesCreated: 1 });
    const res = await t.api({
      method: 'PATCH',
      url: `/v1/contracts/${contract.id}`,
      body: { applyChange: 'immediate_prorated', items: [{ id: contract.items[0].id, quantity: '6' }] },
    });
    expect(res.status).toBe(200);
    // today is Sep 30: one day of September's 30 is left; 3000 → 6000 per month
    expect(
      res.body.pendingCharges.map((c: { kind: string; amount: number; period: unknown }) => [
        c.kind,
        c.amount,
        c.period,
      ]),
    ).toEqual([
      ['proration_credit', -100, { start: '2026-09-30', end: '2026-09-30' }],
      ['proration_charge', 200, { start: '2026-09-30', end: '2026-09-30' }],
    ]);
    expect(
      res.body.items.map((i: { quantity: string; startsOn: string | null; endsOn: string | null }) => [
        i.quantity,
        i.startsOn,
        i.endsOn,
      ]),
    ).toEqual([
      ['3', null, '2026-09-29'],
      ['6', '2026-09-30', null],
    ]);
    const next = await startRun(t, { contractIds: [contract.id] });
    await w.run();
    expect(await getRun(t, next.id)).toMatchObject({ invoicesCreated: 1 });
    const [invoice] = await t.db('documents').where('billing_run_id', next.id);
    expect(invoice.line_net_total).toBe(100);
  });
});

describe('tenancy and GraphQL', () => {
  it('another tenant’s contract is 404, its contact unknown', async () => {
    const contract = await createContract(t, { contactId: contact.id, items: [{ articleId: hosting.id }] });
    const other = await t.tenant('Fremd AG');
    for (const [method, url] of [
      ['GET', `/v1/contracts/${contract.id}`],
      ['PATCH', `/v1/contracts/${contract.id}`],
      ['POST', `/v1/contracts/${contract.id}/cancel`],
      ['POST', `/v1/contracts/${contract.id}/pause`],
      ['POST', `/v1/contracts/${contract.id}/resume`],
    ] as const) {
      const res = await t.api({ method, url, body: {} }, other);
      expect([url, res.status]).toEqual([url, 404]);
    }
    const res = await t.api(
      {
        method: 'POST',
        url: '/v1/contracts',
        body: { contactId: contact.id, items: [{ name: 'x', priceModel: { kind: 'flat', amount: 1 } }] },
      },
      other,
    );
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([
      expect.objectContaining({ path: 'contactId', code: 'contact_not_found' }),
    ]);
  });

  it('GraphQL: contracts with their contacts (batched), create and cancel', async () => {
    const gql = (query: string, variables: object = {}) =>
      t.api({ method: 'POST', url: '/graphql', body: { query, variables } });
    const created = await gql(
      'mutation($input: ContractInput!) { createContract(input: $input) { id status items { name quantity } contact { displayName } } }',
      {
        input: {
          contactId: contact.id,
          startDate: '2026-01-01',
          minimumTermMonths: 12,
          items: [{ articleId: hosting.id, quantity: '2' }],
        },
      },
    );
    expect(created.body.errors).toBeUndefined();
    expect(created.body.data.createContract).toMatchObject({
      status: 'active',
      items: [{ name: 'Hosting', quantity: '2' }],
      contact: { displayName: 'Vertrag GmbH' },
    });
    const cancelled = await gql(
      'mutation($id: ID!) { cancelContract(id: $id, receivedOn: "2026-09-30") { status endDate cancellation { renewals } } }',
      {
        id: created.body.data.createContract.id,
      },
    );
    expect(cancelled.body.data.cancelContract).toEqual({
      status: 'cancelled',
      endDate: '2026-12-31',
      cancellation: { renewals: 0 },
    });
    const listed = await gql('{ contracts(limit: 50) { data { id contact { id displayName } } } }');
    expect(listed.body.errors).toBeUndefined();
    expect(listed.body.data.contracts.data.length).toBeGreaterThan(5);
    expect(
      listed.body.data.contracts.data.every((c: { contact: { id: string } | null }) => c.contact !== null),
    ).toBe(true);
  });
});

// Immediate prorated changes whose credit and charge differ in tax or cancel out, and the errors of an item
// naming an unknown article.
/** A contract from Sep 1 whose September is billed, so the change on Sep 30 has one day to prorate. */
async function billedContract(item: object) {
  const contract = await createContract(t, { contactId: contact.id, startDate: '2026-09-01', items: [item] });
  const run = await startRun(t, { contractIds: [contract.id] });
  await w.run();
  expect(await getRun(t, run.id)).toMatchObject({ invoicesCreated: 1 });
  return contract;
}

async function change(contractId: string, items: object[]) {
  const res = await t.api({
    method: 'PATCH',
    url: `/v1/contracts/${contractId}`,
    body: { applyChange: 'immediate_prorated', items },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

describe('immediate prorated changes', () => {
  it('a flat price whose quantity changes bills nothing extra: no 0.00 invoice of a credit and a charge', async () => {
    const article = await createArticle(t, {
      name: 'Pauschale',
      unitCode: 'MON',
      priceModel: { kind: 'flat', amount: 3000 },
    });
    const contract = await billedContract({ articleId: article.id, quantity: '1' });
    const changed = await change(contract.id, [{ id: contract.items[0].id, quantity: '2' }]);
    expect(changed.pendingCharges).toEqual([]);
    expect((await dryRun(contract.id)).invoices.flatMap((i: { lines: object[] }) => i.lines)).toEqual([]);
  });

  it('credits the unused days under the old item’s tax and charges them under the new one’s', async () => {
    const article = await createArticle(t, {
      name: 'Zeitschrift',
      unitCode: 'MON',
      priceModel: { kind: 'per_unit', unitAmount: '3000' },
    });
    const contract = await billedContract({ articleId: article.id, quantity: '1' });
    const changed = await change(contract.id, [
      { id: contract.items[0].id, quantity: '2', taxRateKind: 'reduced', name: 'Zeitschrift (ermäßigt)' },
    ]);
    expect(
      changed.pendingCharges.map((c: { kind: string; amount: number; name: string }) => [
        c.kind,
        c.amount,
        c.name,
      ]),
    ).toEqual([
      ['proration_credit', -100, 'Zeitschrift'],
      ['proration_charge', 200, 'Zeitschrift (ermäßigt)'],
    ]);
    const lines = (await dryRun(contract.id)).invoices.flatMap((i: { lines: object[] }) => i.lines);
    expect(lines.map((l: { netAmount: number; taxRate: string }) => [l.netAmount, l.taxRate])).toEqual([
      [-100, '19'],
      [200, '7'],
    ]);
  });
});

describe('item errors', () => {
  it('an unknown article is reported on articleId only, not as a free-text item without a name', async () => {
    const res = await t.api({
      method: 'POST',
      url: '/v1/contracts',
      body: { contactId: contact.id, items: [{ articleId: 'art_01JD3Y8WQ4XK0R5N6S7T8V9W0A' }] },
    });
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e: { path: string; code: string }) => [e.path, e.code])).toEqual([
      ['items.0.articleId', 'article_not_found'],
    ]);
  });
});
