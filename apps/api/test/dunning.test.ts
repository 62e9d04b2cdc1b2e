import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { type DunningNotice, type DunningRunPreview, type FieldError, fixedClock } from '@fakturo/domain';
import type { TestTenant } from '@fakturo/testing';
import { companyInput, createTestApp, personInput } from '@fakturo/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { sandboxTenant } from './billing.support';
import {
  bytes,
  contact,
  draft,
  finalize,
  get,
  line,
  ok,
  post,
  readySeller,
  tempFile,
} from './documents.support';
import { sendingWorker, startMailServer } from './sending.support';

// Dunning (DOMAIN.md §10, issue 5 item 8): a sandbox organisation moves its test clock past +7, +14 and +28
// days after the due date; each run issues the letters of the level reached — PDF, e-mail, one
// `dunning.level_reached` per invoice — never the same level twice, with fees (no VAT) and default interest to
// the cent, and payment ends the dunning of an invoice.

const clock = fixedClock('2026-03-02T08:00:00Z'); // real time of this test file
const t = await createTestApp({ clock });
const mail = await startMailServer();
const worker = sendingWorker(t, mail, clock);
const TASKS = ['dunning_runs_daily', 'dunning_run', 'dunning_notice_send'];

let sandbox: TestTenant;
let business: { id: string; emails: { email: string }[] };
let consumer: { id: string; emails: { email: string }[] };
let bouncing: { id: string };
/** Invoices: A 1,190.00 and B 238.00 to the business, C 595.00 to the consumer, X 119.00 to a bouncing address. */
const inv: Record<
  'A' | 'B' | 'C' | 'X',
  { id: string; number: string; dueDate: string; grossTotal: number }
> = {} as never;

const advance = (days: number) => ok(post(t, '/v1/test-clock/advance', { days }, sandbox));
/** Advances the clock; the day's dunning run starts with it, as the daily cron would start it. */
async function advanceAndRun(days: number, tasks = TASKS) {
  const advanced = await advance(days);
  expect(advanced.dunningRunIds).toHaveLength(1);
  await worker.run(tasks);
  return ok(get(t, `/v1/dunning-runs/${advanced.dunningRunIds[0]}`, sandbox));
}
const notices = async (query = '') =>
  (await ok(get(t, `/v1/dunning-notices?limit=100${query ? `&${query}` : ''}`, sandbox)))
    .data as DunningNotice[];
const pay = (invoiceId: string, amount: number) =>
  ok(post(t, '/v1/payments', { invoiceId, amount, method: 'bank_transfer' }, sandbox), 201);

/** The event `dunning.level_reached`: the letter, and the invoice that reached its level. */
type LevelReached = { data: { object: DunningNotice & { invoiceId: string } } };

/** The letter's text in reading order, whitespace folded (poppler's pdftotext), so wrapped sentences read whole. */
const pdfText = (pdf: Buffer) =>
  execFileSync('pdftotext', [tempFile('letter.pdf', pdf), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');

/** Starts a run through the API and lets the worker work it (and mail the letters unless told otherwise). */
async function run(body: Record<string, unknown> = {}, tasks = TASKS) {
  const started = await ok(post(t, '/v1/dunning-runs', body, sandbox), 202);
  await worker.run(tasks);
  return ok(get(t, `/v1/dunning-runs/${started.id}`, sandbox));
}

beforeAll(async () => {
  sandbox = await sandboxTenant(t, clock);
  await readySeller(t, sandbox);
  business = await contact(t, companyInput({ companyName: 'Kunde Nord GmbH' }), sandbox);
  consumer = await contact(t, personInput({ language: 'en' }), sandbox);
  bouncing = await contact(
    t,
    companyInput({ emails: [{ email: 'buchhaltung@bounce.test', type: 'billing' }] }),
    sandbox,
  );
  const issue = async (contactId: string, unitAmount: number) => {
    const created = await draft(t, { contactId, lines: [line({ quantity: '1', unitAmount })] }, sandbox);
    return finalize(t, created.id, sandbox);
  };
  inv.A = await issue(business.id, 100000);
  inv.B = await issue(business.id, 20000);
  inv.C = await issue(consumer.id, 50000);
  inv.X = await issue(bouncing.id, 10000);
});

describe('dunning levels', () => {
  it('the defaults of DOMAIN.md §10 until the organisation saves its own', async () => {
    const res = await get(t, '/v1/dunning-levels', sandbox);
    expect(res.status).toBe(200);
    expect(res.headers.etag).toBe('"1"');
    expect(res.body).toMatchObject({
      isDefault: true,
      version: 1,
      currency: 'EUR',
      baseRates: [],
      updatedAt: null,
    });
    expect(res.body.levels).toEqual([
      {
        level: 1,
        name: null,
        daysAfterDue: 7,
        fee: 0,
        interest: false,
        titles: { de: 'Zahlungserinnerung', en: 'Payment reminder' },
      },
      {
        level: 2,
        name: null,
        daysAfterDue: 14,
        fee: 500,
        interest: false,
        titles: { de: '1. Mahnung', en: 'First dunning notice' },
      },
      {
        level: 3,
        name: null,
        daysAfterDue: 28,
        fee: 1000,
        interest: true,
        titles: { de: '2. Mahnung', en: 'Second dunning notice' },
      },
    ]);
  });

  it('a bad configuration answers 422 naming every field, and nothing is written', async () => {
    const other = await t.tenant('Einstellungen GmbH');
    const bad = await t.api(
      {
        method: 'PUT',
        url: '/v1/dunning-levels',
        body: {
          levels: [
            { level: 1, daysAfterDue: 14, fee: 0, interest: false },
            { level: 2, daysAfterDue: 7, fee: -100, interest: true },
            { level: 4, daysAfterDue: 30, fee: 1000, interest: true, name: '' },
          ],
          baseRates: [{ validFrom: '2026-05-01', rate: '1.27' }],
        },
      },
      other,
    );
    expect(bad.status).toBe(422);
    expect(bad.body.code).toBe('validation_failed');
    expect(bad.body.errors.map((e: { path: string; code: string }) => [e.path, e.code])).toEqual([
      ['levels.1.daysAfterDue', 'days_after_due_not_increasing'],
      ['levels.1.fee', 'fee_invalid'],
      ['levels.2.level', 'level_sequence_invalid'],
      ['levels.2.name', 'name_invalid'],
      ['baseRates.0.validFrom', 'base_rate_date_invalid'],
    ]);
    // a malformed body (a fee as text) is a 400 naming the field
    const malformed = await t.api(
      {
        method: 'PUT',
        url: '/v1/dunning-levels',
        body: { levels: [{ level: 1, daysAfterDue: 7, fee: '5', interest: false }] },
      },
      other,
    );
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors).toEqual([expect.objectContaining({ path: 'levels.0.fee' })]);
    // nothing written: still the defaults, no settings rows, no audit entry
    expect((await ok(get(t, '/v1/dunning-levels', other))).isDefault).toBe(true);
    expect(await t.db('dunning_settings').where('organization_id', other.organizationId)).toHaveLength(0);
    expect(await t.db('dunning_levels').where('organization_id', other.organizationId)).toHaveLength(0);
    expect(
      await t
        .db('audit_log')
        .where({ organization_id: other.organizationId, resource_type: 'dunning_settings' }),
    ).toHaveLength(0);
  });

  it('saves levels as a whole with If-Match, audited; a stale version answers 412', async () => {
    const other = await t.tenant('Stufen GmbH');
    const levels = [
      { level: 1, daysAfterDue: 5, fee: 0, interest: false, name: 'Freundliche Erinnerung' },
      { level: 2, daysAfterDue: 21, fee: 750, interest: true },
    ];
    const saved = await t.api(
      {
        method: 'PUT',
        url: '/v1/dunning-levels',
        body: { levels, baseRates: [{ validFrom: '2026-07-01', rate: '1.1' }] },
        headers: { 'if-match': '"1"' },
      },
      other,
    );
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.headers.etag).toBe('"2"');
    expect(saved.body).toMatchObject({
      isDefault: false,
      version: 2,
      baseRates: [{ validFrom: '2026-07-01', rate: '1.10' }],
    });
    expect(saved.body.levels.map((l: { titles: { de: string; en: string } }) => l.titles)).toEqual([
      { de: 'Freundliche Erinnerung', en: 'Freundliche Erinnerung' },
      { de: '1. Mahnung', en: 'First dunning notice' },
    ]);
    const stale = await t.api(
      { method: 'PUT', url: '/v1/dunning-levels', body: { levels: [] }, headers: { 'if-match': '"1"' } },
      other,
    );
    expect(stale.status).toBe(412);
    expect((await ok(get(t, '/v1/dunning-levels', other))).levels).toHaveLength(2);
    const entries = await t
      .db('audit_log')
      .where({ organization_id: other.organizationId, action: 'dunning_settings.updated' });
    expect(entries).toHaveLength(1);
    expect(entries[0]!.before.isDefault).toBe(true);
    expect(entries[0]!.after.levels[1].fee).toBe(750);
    // GraphQL reads the same settings
    const gql = await t.api(
      {
        method: 'POST',
        url: '/graphql',
        body: { query: '{ dunningSettings { version levels { level fee interest } } }' },
      },
      other,
    );
    expect(gql.body.data.dunningSettings).toEqual({
      version: 2,
      levels: [
        { level: 1, fee: 0, interest: false },
        { level: 2, fee: 750, interest: true },
      ],
    });
  });
});

describe('a dunning scenario on a test clock', () => {
  it('invoices issued today are due in 14 days; nothing is dunned before +7', async () => {
    for (const i of Object.values(inv)) expect(i.dueDate).toBe('2026-03-16');
    expect([inv.A.grossTotal, inv.B.grossTotal, inv.C.grossTotal, inv.X.grossTotal]).toEqual([
      119000, 23800, 59500, 11900,
    ]);
    // 2026-03-22: 6 days overdue — the advance starts the day's run, which finds nothing to issue
    const r = await advanceAndRun(20);
    expect(r).toMatchObject({
      asOf: '2026-03-22',
      status: 'completed',
      trigger: 'schedule',
      contactsTotal: 0,
      noticesCreated: 0,
    });
    expect(await notices()).toEqual([]);
  });

  let reminderA: DunningNotice;

  it('+7: a payment reminder per contact, free of charge, covering all its overdue invoices', async () => {
    const advanced = await advance(1); // 2026-03-23
    // a dry run says what will be issued and writes nothing (the day's run is queued, not run yet)
    const preview = await ok(post(t, '/v1/dunning-runs', { dryRun: true }, sandbox));
    expect(preview.noticeCount).toBe(3);
    expect(await t.db('dunning_runs').where('organization_id', sandbox.organizationId)).toHaveLength(2);

    await worker.run(TASKS);
    const r = await ok(get(t, `/v1/dunning-runs/${advanced.dunningRunIds[0]}`, sandbox));
    expect(r).toMatchObject({
      trigger: 'schedule',
      status: 'completed',
      contactsTotal: 3,
      contactsProcessed: 3,
      contactsFailed: 0,
      noticesCreated: 3,
      invoicesDunned: 4,
    });
    const issued = await notices(`runId=${r.id}`);
    reminderA = issued.find((n) => n.contactId === business.id)!;
    expect(reminderA).toMatchObject({
      level: 1,
      title: 'Zahlungserinnerung',
      status: 'open',
      language: 'de',
      customerType: 'business',
      issueDate: '2026-03-23',
      payBy: '2026-03-30',
      fee: 0,
      interestTotal: 0,
      openTotal: 142800, // 1,190.00 + 238.00
      total: 142800,
    });
    expect(reminderA.invoices.map((i) => [i.number, i.openAmount, i.daysOverdue, i.interest])).toEqual([
      [inv.A.number, 119000, 7, 0],
      [inv.B.number, 23800, 7, 0],
    ]);
    // the preview named exactly these letters
    expect((preview as DunningRunPreview).notices.map((n) => [n.contactId, n.level, n.total]).sort()).toEqual(
      issued.map((n) => [n.contactId, n.level, n.total]).sort(),
    );
    const english = issued.find((n) => n.contactId === consumer.id)!;
    expect(english).toMatchObject({
      title: 'Payment reminder',
      language: 'en',
      customerType: 'consumer',
      total: 59500,
    });

    // one event per invoice and level, carrying the letter
    const events = (await ok(get(t, '/v1/events?type=dunning.level_reached&limit=100', sandbox))).data;
    expect(events).toHaveLength(4);
    expect((events as LevelReached[]).map((e) => e.data.object.invoiceId).sort()).toEqual(
      [inv.A.id, inv.B.id, inv.C.id, inv.X.id].sort(),
    );
    const aEvent = (events as LevelReached[]).find((e) => e.data.object.invoiceId === inv.A.id)!;
    expect(aEvent.data.object).toMatchObject({ id: reminderA.id, level: 1, contactId: business.id });

    // the letter went out by e-mail with the stored PDF; the bouncing address failed for good
    const letters = mail.messages.filter(
      (m) => m.headers.get('x-fakturo-dunning-notice-id') === reminderA.id,
    );
    expect(letters).toHaveLength(1);
    expect(letters[0]!.subject).toBe('Zahlungserinnerung von Nordlicht Software GmbH');
    // Intl puts a no-break space between amount and currency sign
    expect(letters[0]!.text!.replaceAll('\u00a0', ' ')).toContain(
      `Rechnung ${inv.A.number}, fällig am 16.03.2026: 1.190,00 € offen`,
    );
    const attachment = letters[0]!.attachments[0]!;
    expect(attachment.filename).toBe('Zahlungserinnerung-2026-03-23.pdf');
    expect(createHash('sha256').update(attachment.content).digest('hex')).toBe(reminderA.pdfSha256);
    const sent = await ok(get(t, `/v1/dunning-notices/${reminderA.id}`, sandbox));
    expect(sent.email).toMatchObject({
      status: 'sent',
      recipients: [business.emails[0]!.email],
      attempts: 1,
    });
    const bounced = issued.find((n) => n.contactId === bouncing.id)!;
    expect((await ok(get(t, `/v1/dunning-notices/${bounced.id}`, sandbox))).email).toMatchObject({
      status: 'failed',
      lastErrorCode: 'smtp_rejected',
    });

    // the PDF: the stored bytes, their SHA-256 in the headers, the words a reader sees
    const file = await bytes(t, `/v1/dunning-notices/${reminderA.id}/pdf`, sandbox);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['x-content-sha256']).toBe(reminderA.pdfSha256);
    expect(createHash('sha256').update(file.body).digest('hex')).toBe(reminderA.pdfSha256);
    const text = pdfText(file.body);
    for (const expected of [
      'Zahlungserinnerung',
      'Kunde Nord GmbH',
      inv.A.number,
      inv.B.number,
      '16.03.2026',
      '1.190,00 €',
      '238,00 €',
      '1.428,00 €',
      'bis zum 30.03.2026',
      'DE89 3704 0044 0532 0130 00',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('Mahngebühr'); // the reminder is free
  });

  it('the same level is never issued twice: a second run the same day finds nothing', async () => {
    const r = await run();
    expect(r).toMatchObject({ status: 'completed', noticesCreated: 0, invoicesDunned: 0 });
    expect(await notices()).toHaveLength(3);
    // nor can the database be made to: an invoice's level is unique
    await expect(
      t.db('dunning_notice_items').insert({
        organization_id: sandbox.organizationId,
        notice_id: reminderA.id,
        document_id: inv.A.id,
        level: 1,
        position: 9,
        open_amount: 1,
        days_overdue: 7,
        interest: 0,
      }),
    ).rejects.toThrow(/duplicate key/);
  });

  it('+14: the 1st dunning notice with its fee (no VAT); a paid invoice is not dunned again', async () => {
    await pay(inv.B.id, 23800);
    await pay(inv.X.id, 11900);
    await advance(7); // 2026-03-30: the advance starts the day's run; the daily cron, firing twice, adds none
    await t.db.raw(`SELECT graphile_worker.add_job('dunning_runs_daily', '{}'::json)`);
    await worker.run(TASKS);
    await t.db.raw(`SELECT graphile_worker.add_job('dunning_runs_daily', '{}'::json)`);
    await worker.run(TASKS);
    const daily = await t
      .db('dunning_runs')
      .where({ organization_id: sandbox.organizationId, trigger: 'schedule' })
      .orderBy('as_of');
    expect(daily.map((r) => [r.as_of, r.status, r.notices_created])).toEqual([
      ['2026-03-22', 'completed', 0],
      ['2026-03-23', 'completed', 3],
      ['2026-03-30', 'completed', 2],
    ]);

    const level2 = await notices('level=2');
    const a = level2.find((n) => n.contactId === business.id)!;
    // 1,190.00 open + 5.00 fee = 1,195.00; B (paid) is not on it
    expect(a).toMatchObject({
      title: '1. Mahnung',
      fee: 500,
      interestTotal: 0,
      openTotal: 119000,
      total: 119500,
    });
    expect(a.invoices.map((i) => [i.number, i.daysOverdue])).toEqual([[inv.A.number, 14]]);
    const c = level2.find((n) => n.contactId === consumer.id)!;
    expect(c).toMatchObject({ title: 'First dunning notice', fee: 500, total: 60000 });
    expect(level2.some((n) => n.contactId === bouncing.id)).toBe(false);
    // the reminder of A and B stays open (A is still owed); X's reminder closed: its dunning ended
    expect((await ok(get(t, `/v1/dunning-notices/${reminderA.id}`, sandbox))).status).toBe('open');
    const xReminder = (await notices(`invoiceId=${inv.X.id}`))[0];
    expect(xReminder).toMatchObject({ level: 1, status: 'closed' });

    const text = pdfText((await bytes(t, `/v1/dunning-notices/${a.id}/pdf`, sandbox)).body);
    for (const expected of [
      '1. Mahnung',
      inv.A.number,
      'Mahngebühr',
      '5,00 €',
      '1.195,00 €',
      'unterliegen nicht der Umsatzsteuer',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain(inv.B.number);
  });

  it('+28: the 2nd dunning notice with default interest to the cent, + 9 points B2B and + 5 points B2C', async () => {
    // 2026-04-13: 28 days after the due date. Letters are written, the mail not sent yet; meanwhile the
    // consumer pays
    const r = await advanceAndRun(14, ['dunning_run']);
    expect(r).toMatchObject({ asOf: '2026-04-13', noticesCreated: 2, invoicesDunned: 2 });
    const level3 = await notices('level=3');
    const a = level3.find((n) => n.contactId === business.id)!;
    const c = level3.find((n) => n.contactId === consumer.id)!;
    // business: base rate 1.27 % (since 2025-07-01, still on 2026-01-01) + 9 = 10.27 % for 28 days (03-17 … 04-13):
    // 119000 × 10.27 % × 28 / 365 = 342196.4 / 365 = 937.52… → 9.38 EUR; total 1,190.00 + 9.38 + 10.00 = 1,209.38
    expect(a).toMatchObject({
      title: '2. Mahnung',
      fee: 1000,
      interestTotal: 938,
      openTotal: 119000,
      total: 120938,
    });
    expect(a.invoices[0].interestPeriods).toEqual([
      { from: '2026-03-17', to: '2026-04-13', days: 28, baseRate: '1.27', points: '9', rate: '10.27' },
    ]);
    // consumer: 1.27 + 5 = 6.27 %: 59500 × 6.27 % × 28 / 365 = 104458.2 / 365 = 286.19 → 2.86 EUR; 595.00 + 2.86 + 10.00
    expect(c).toMatchObject({
      title: 'Second dunning notice',
      customerType: 'consumer',
      fee: 1000,
      interestTotal: 286,
      total: 60786,
    });
    expect(c.invoices[0].interestPeriods[0]).toMatchObject({ points: '5', rate: '6.27', days: 28 });

    const de = pdfText((await bytes(t, `/v1/dunning-notices/${a.id}/pdf`, sandbox)).body);
    for (const expected of [
      '2. Mahnung',
      'Verzugszinsen',
      '9,38 €',
      '10,00 €',
      '1.209,38 €',
      '§ 288 Abs. 2 BGB: 9 Prozentpunkte',
      '10,27 % p. a.',
      'Basiszinssatz 1,27 %',
      '17.03.2026 bis 13.04.2026, 28 Tage',
    ]) {
      expect(de).toContain(expected);
    }
    const en = pdfText((await bytes(t, `/v1/dunning-notices/${c.id}/pdf`, sandbox)).body);
    for (const expected of [
      'Second dunning notice',
      '€595.00',
      '€2.86',
      '€10.00',
      '€607.86',
      '§ 288(1) BGB',
      '5 percentage points',
      '6.27 % p.a.',
      'not subject to VAT',
    ]) {
      expect(en).toContain(expected);
    }

    // the consumer pays before the mail goes out: the letter is not mailed, its dunning ended
    await pay(inv.C.id, 59500);
    const before = mail.messages.length;
    await worker.run(['dunning_notice_send']);
    expect((await ok(get(t, `/v1/dunning-notices/${c.id}`, sandbox))).email).toMatchObject({
      status: 'cancelled',
      lastErrorCode: 'invoices_settled',
    });
    expect((await ok(get(t, `/v1/dunning-notices/${c.id}`, sandbox))).status).toBe('closed');
    expect((await ok(get(t, `/v1/dunning-notices/${a.id}`, sandbox))).email.status).toBe('sent');
    expect(mail.messages.length - before).toBe(1);
    expect(mail.messages.at(-1)!.subject).toBe('2. Mahnung von Nordlicht Software GmbH');
  });

  it('payment stops dunning: once A is paid, no more letters and every letter of it is closed', async () => {
    await pay(inv.A.id, 119000);
    // nothing is past due any more: the advance starts no run, and one asked for finds nothing
    expect((await advance(30)).dunningRunIds).toEqual([]);
    const r = await run();
    expect(r).toMatchObject({ status: 'completed', contactsTotal: 0, noticesCreated: 0 });
    expect(await notices('status=open')).toEqual([]);
    const all = await notices();
    expect(all).toHaveLength(7); // 3 reminders (A+B, C, X), 2 first and 2 second dunning notices (A, C)
    expect(all.every((n) => n.status === 'closed' && n.closedAt)).toBe(true);
    // by invoice: A was dunned at each level once
    expect((await notices(`invoiceId=${inv.A.id}`)).map((n) => n.level).sort()).toEqual([1, 2, 3]);
    // GraphQL lists the same letters with their contacts
    const gql = await t.api(
      {
        method: 'POST',
        url: '/graphql',
        body: {
          query: `{ dunningNotices(invoiceId: "${inv.A.id}") { data { level total contact { id } } } }`,
        },
      },
      sandbox,
    );
    expect(
      (gql.body.data.dunningNotices.data as { level: number; total: number; contact: { id: string } }[]).map(
        (n) => [n.level, n.total, n.contact.id],
      ),
    ).toEqual([
      [3, 120938, business.id],
      [2, 119500, business.id],
      [1, 142800, business.id],
    ]);
    // and its mutations call the same service: a dry run finds nothing left to dun, a bad level is refused
    const mutation = await t.api(
      {
        method: 'POST',
        url: '/graphql',
        body: {
          query: `mutation {
            updateDunningSettings(input: { levels: [{ level: 2, daysAfterDue: 7, fee: 0, interest: false }] }) { version }
          }`,
        },
      },
      sandbox,
    );
    expect(mutation.body.errors[0].extensions).toMatchObject({
      code: 'validation_failed',
      errors: [expect.objectContaining({ path: 'levels.0.level', code: 'level_sequence_invalid' })],
    });
    const dry = await t.api(
      {
        method: 'POST',
        url: '/graphql',
        body: { query: 'mutation { startDunningRun(input: { dryRun: true }) { run { id } preview } }' },
      },
      sandbox,
    );
    expect(dry.body.data.startDunningRun).toMatchObject({
      run: null,
      preview: { dryRun: true, asOf: '2026-05-13', noticeCount: 0 },
    });
  });
});

describe('dunning runs: input and tenancy', () => {
  it('refuses a future asOf and unknown contacts, naming the fields', async () => {
    const res = await post(t, '/v1/dunning-runs', { asOf: '2099-01-01', contactIds: ['con_nope'] }, sandbox);
    expect(res.status).toBe(422);
    expect((res.body.errors as FieldError[]).map((e) => [e.path, e.code])).toEqual([
      ['asOf', 'as_of_in_future'],
      ['contactIds.0', 'contact_not_found'],
    ]);
  });

  it('another organisation’s runs, letters and PDFs are not found (404), nor listed', async () => {
    const other = await t.tenant('Fremd GmbH');
    const [letter] = await notices();
    const runId = letter.runId;
    for (const url of [
      `/v1/dunning-notices/${letter.id}`,
      `/v1/dunning-notices/${letter.id}/pdf`,
      `/v1/dunning-runs/${runId}`,
    ]) {
      const res = await get(t, url, other);
      expect(res.status, url).toBe(404);
      expect(res.body.code).toMatch(/^dunning_(notice|run)_not_found$/);
    }
    expect((await ok(get(t, `/v1/dunning-notices?invoiceId=${inv.A.id}`, other))).data).toEqual([]);
    expect((await ok(get(t, '/v1/dunning-runs', other))).data).toEqual([]);
    const foreign = await post(t, '/v1/dunning-runs', { contactIds: [business.id] }, other);
    expect(foreign.status).toBe(422);
    expect(foreign.body.errors).toEqual([
      expect.objectContaining({ path: 'contactIds.0', code: 'contact_not_found' }),
    ]);
    const gql = await t.api(
      { method: 'POST', url: '/graphql', body: { query: `{ dunningNotice(id: "${letter.id}") { id } }` } },
      other,
    );
    expect(gql.body.data.dunningNotice).toBeNull();
  });
});
