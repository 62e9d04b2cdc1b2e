import { fixedClock } from '@fakturo/domain';
import type { TestTenant } from '@fakturo/testing';
import { companyInput, createTestApp } from '@fakturo/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createArticle,
  createContact,
  createContract,
  post,
  readyToBill,
  sandboxTenant,
  worker,
} from './billing.support';
import { draft, finalize, get, line, ok } from './documents.support';

// Test clocks (issue 4, item 5): a sandbox moves its own time, and billing, the daily run and due dates
// follow it. The scenario: a year of monthly billing, month by month, in seconds.
const clock = fixedClock('2026-01-10T07:00:00Z'); // real time of this test file
const t = await createTestApp({ clock });
const w = worker(t, { clock });

let sandbox: TestTenant;
beforeAll(async () => {
  sandbox = await sandboxTenant(t, clock);
  await readyToBill(t, sandbox);
});

describe('the test clock endpoints', () => {
  it('only a sandbox has a test clock (409 otherwise)', async () => {
    for (const [method, url, body] of [
      ['GET', '/v1/test-clock', undefined],
      ['POST', '/v1/test-clock/advance', { days: 1 }],
    ] as const) {
      const res = await t.api({ method, url, body });
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('test_clock_not_sandbox');
    }
  });

  it('reads the clock; refuses bad or backward moves', async () => {
    const before = await t.api({ method: 'GET', url: '/v1/test-clock' }, sandbox);
    expect(before.body).toEqual({
      now: '2026-01-10T07:00:00.000Z',
      today: '2026-01-10',
      timezone: 'Europe/Berlin',
      frozen: false,
    });
    const two = await t.api(
      { method: 'POST', url: '/v1/test-clock/advance', body: { days: 1, months: 1 } },
      sandbox,
    );
    expect(two.status).toBe(400);
    const none = await t.api({ method: 'POST', url: '/v1/test-clock/advance', body: {} }, sandbox);
    expect(none.status).toBe(400);
    const back = await t.api(
      { method: 'POST', url: '/v1/test-clock/advance', body: { to: '2025-12-31T00:00:00Z' } },
      sandbox,
    );
    expect(back.status).toBe(422);
    expect(back.body.code).toBe('test_clock_backwards');
    expect(back.body.errors).toEqual([expect.objectContaining({ path: 'to', code: 'test_clock_backwards' })]);
    expect((await t.api({ method: 'GET', url: '/v1/test-clock' }, sandbox)).body.frozen).toBe(false);
  });
});

describe('a year of billing on a test clock', () => {
  it('advancing month by month bills exactly 12 monthly invoices per contract, each period once', async () => {
    const article = await createArticle(
      t,
      { name: 'Abo', priceModel: { kind: 'flat', amount: 2900 } },
      sandbox,
    );
    const contacts = [
      await createContact(t, companyInput(), sandbox),
      await createContact(t, companyInput(), sandbox),
    ];
    const contracts = [
      await createContract(
        t,
        { contactId: contacts[0]!.id, startDate: '2026-02-01', items: [{ articleId: article.id }] },
        sandbox,
      ),
      await createContract(
        t,
        {
          contactId: contacts[1]!.id,
          startDate: '2026-01-31',
          items: [
            { articleId: article.id, quantity: '2', priceModel: { kind: 'per_unit', unitAmount: '2900' } },
          ],
        },
        sandbox,
      ),
    ];
    const runs: string[] = [];
    for (let month = 1; month <= 12; month++) {
      const moved = await post(t, '/v1/test-clock/advance', { months: 1 }, sandbox, 200);
      expect(moved.frozen).toBe(true);
      expect(moved.billingRunIds).toHaveLength(1);
      runs.push(moved.billingRunIds[0]);
      await w.run();
    }
    const now = (await t.api({ method: 'GET', url: '/v1/test-clock' }, sandbox)).body;
    expect(now).toMatchObject({ now: '2027-01-10T07:00:00.000Z', today: '2027-01-10', frozen: true });

    // the daily runs were started for the clock's dates and completed
    const runRows = await t.db('billing_runs').whereIn('id', runs).orderBy('as_of');
    expect(runRows.map((r) => [r.as_of, r.trigger, r.status])).toEqual(
      Array.from({ length: 12 }, (_, i) => [
        `${i === 11 ? 2027 : 2026}-${String(((i + 1) % 12) + 1).padStart(2, '0')}-10`,
        'schedule',
        'completed',
      ]),
    );

    const invoices = await t
      .db('documents')
      .where('organization_id', sandbox.organizationId)
      .orderBy(['contact_id', 'service_period_start']);
    const periods = (contactId: string) =>
      invoices
        .filter((i) => i.contact_id === contactId)
        .map((i) => `${i.service_period_start}..${i.service_period_end}`);
    expect(periods(contacts[0]!.id)).toEqual([
      '2026-02-01..2026-02-28',
      '2026-03-01..2026-03-31',
      '2026-04-01..2026-04-30',
      '2026-05-01..2026-05-31',
      '2026-06-01..2026-06-30',
      '2026-07-01..2026-07-31',
      '2026-08-01..2026-08-31',
      '2026-09-01..2026-09-30',
      '2026-10-01..2026-10-31',
      '2026-11-01..2026-11-30',
      '2026-12-01..2026-12-31',
      '2027-01-01..2027-01-31',
    ]);
    // the Jan 31 anchor keeps its day (Feb 28, then the 31st again); its first period was due on Jan 31
    expect(periods(contacts[1]!.id)).toEqual([
      '2026-01-31..2026-02-27',
      '2026-02-28..2026-03-30',
      '2026-03-31..2026-04-29',
      '2026-04-30..2026-05-30',
      '2026-05-31..2026-06-29',
      '2026-06-30..2026-07-30',
      '2026-07-31..2026-08-30',
      '2026-08-31..2026-09-29',
      '2026-09-30..2026-10-30',
      '2026-10-31..2026-11-29',
      '2026-11-30..2026-12-30',
      '2026-12-31..2027-01-30',
    ]);
    // issued on the clock's dates, due 14 days later; the amounts of each contract
    expect(
      invoices
        .filter((i) => i.contact_id === contacts[0]!.id)
        .map((i) => [i.issue_date, i.due_date, i.gross_total])[0],
    ).toEqual(['2026-02-10', '2026-02-24', 3451]);
    expect(
      new Set(invoices.filter((i) => i.contact_id === contacts[1]!.id).map((i) => i.gross_total)),
    ).toEqual(new Set([6902]));
    // created at the sandbox's time, and announced by one invoice.created event each
    expect(invoices[0]!.created_at.toISOString()).toMatch(/^2026-0[23]-10T07:00:00/);
    const events = await t
      .db('events')
      .where({ organization_id: sandbox.organizationId, type: 'invoice.created' });
    expect(events).toHaveLength(24);
    expect(new Set(events.map((e) => e.resource_id))).toEqual(new Set(invoices.map((i) => i.id)));
    const keys = await t.db('billed_periods').whereIn(
      'contract_id',
      contracts.map((c) => c.id),
    );
    expect(keys).toHaveLength(24);

    // moving on without a month passing (a day): nothing new is due, and nothing is billed twice
    await post(t, '/v1/test-clock/advance', { days: 1 }, sandbox, 200);
    await w.run();
    expect(await t.db('documents').where('organization_id', sandbox.organizationId)).toHaveLength(24);
  });

  it('the organisation’s other API calls see the sandbox time too', async () => {
    const contact = await createContact(t, companyInput(), sandbox);
    const article = await createArticle(
      t,
      { name: 'Heute', priceModel: { kind: 'flat', amount: 100 } },
      sandbox,
    );
    // no startDate: today on the sandbox clock, not the real one
    const contract = await createContract(
      t,
      { contactId: contact.id, items: [{ articleId: article.id }] },
      sandbox,
    );
    expect(contract.startDate).toBe('2027-01-11');
    expect(contract.createdAt).toBe('2027-01-11T07:00:00.000Z');
    // the other tenant is untouched
    const own = await createContract(t, {
      contactId: (await createContact(t, companyInput())).id,
      items: [{ name: 'Real', priceModel: { kind: 'flat', amount: 1 } }],
    });
    expect(own.startDate).toBe('2026-01-10');
  });
});

describe('what the crons do follows the advance at once', () => {
  it('an invoice past its due date turns overdue, and the day’s dunning run starts', async () => {
    const buyer = await createContact(t, companyInput(), sandbox);
    const invoice = await finalize(
      t,
      (await draft(t, { contactId: buyer.id, lines: [line()] }, sandbox)).id,
      sandbox,
    );
    // due in 14 days; 20 days on it is overdue, and 6 days past due nothing is dunned yet — but the run starts
    const advanced = await post(t, '/v1/test-clock/advance', { days: 20 }, sandbox, 200);
    expect(advanced.dunningRunIds).toHaveLength(1);
    // the overdue sweep was queued by the advance: running the queue is enough, no cron has to fire
    await w.run(['invoices_mark_overdue']);
    expect((await ok(get(t, `/v1/invoices/${invoice.id}`, sandbox))).status).toBe('overdue');
  });
});
