import { randomBytes } from 'node:crypto';
import { fixedClock, secrets } from '@fakturo/domain';
import { companyInput, createTestApp, personInput } from '@fakturo/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bytes, contact, draft, finalize, line, ok, post, readySeller } from './documents.support';
import { listening, startFakeStripe } from './psp.support';
import { sendingWorker, startMailServer } from './sending.support';

// The link every sent mail carries (API.md: GET /portal/{token}, /portal/{token}/pdf): the customer opens the
// document without an API key, sees what it is for and whether it is paid, and downloads the PDF the mail had.

// paying online goes through Stripe: a local stand-in speaking its API, driven by the official SDK
secrets.setEncryptionKey(randomBytes(32));
const stripe = await startFakeStripe();
process.env.FAKTURO_STRIPE_API_BASE = stripe.url;
afterAll(() => stripe.close());

const clock = fixedClock('2026-03-15T10:00:00Z');
const t = await createTestApp({ clock });
const mail = await startMailServer();
const worker = sendingWorker(t, mail, clock);

let german: { id: string; emails: { email: string }[] };
let english: { id: string; emails: { email: string }[] };

beforeAll(async () => {
  await readySeller(t);
  german = await contact(t, companyInput({ companyName: 'Stadtwerke Musterstadt' }));
  english = await contact(t, personInput({ language: 'en' }));
});

/** Sends the document and returns the token of the link in its mail. */
async function sentLink(resource: string, id: string, to: string): Promise<string> {
  const before = mail.messages.length;
  await ok(post(t, `/v1/${resource}/${id}/send`, {}), 202);
  await worker.run();
  const message = mail.messages.slice(before).find((m) => JSON.stringify(m.to).includes(to));
  const token = /\/portal\/(fkp_[A-Za-z0-9_-]{43})/.exec(message?.text ?? '')?.[1];
  expect(token, message?.text).toBeDefined();
  return token!;
}

/** Opens a portal URL as a browser would: no API key. Amounts are printed with no-break spaces ("238,00 €"). */
const open = async (url: string) => {
  const res = await t.app.inject({ method: 'GET', url });
  return Object.assign(res, { body: res.body.replaceAll('\u00a0', ' ') });
};

async function issued(contactId: string, extra: Record<string, unknown> = {}) {
  return finalize(t, (await draft(t, { contactId, lines: [line()], ...extra })).id);
}

describe('the portal page of a sent invoice', () => {
  it('shows the invoice, what is open and how to pay it, with the PDF the mail carried; no API key needed', async () => {
    const invoice = await issued(german.id, {
      lines: [line({ name: 'Wartung <script>alert(1)</script>', description: 'März & April' })],
    });
    const token = await sentLink('invoices', invoice.id, german.emails[0]!.email);

    const page = await open(`/portal/${token}`);
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    // the token is in the URL: not passed on, cached, indexed, framed; the page runs no scripts
    expect(page.headers).toMatchObject({
      'cache-control': 'no-store',
      'referrer-policy': 'no-referrer',
      'x-robots-tag': 'noindex, nofollow',
    });
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    const html = page.body;
    expect(html).toContain('<html lang="de">');
    expect(html).toContain(`<h1>Rechnung ${invoice.number}</h1>`);
    expect(html).toContain('Von: Nordlicht Software GmbH');
    expect(html).toContain('<span class="badge open">Offen</span>');
    expect(html).toContain('<dt>Fällig am</dt><dd>29.03.2026</dd>');
    expect(html).toContain('Stadtwerke Musterstadt');
    // 2 hours at 100.00 € + 19 % VAT
    expect(html).toContain('<td>Gesamtbetrag</td><td class="num">238,00 €</td>');
    expect(html).toContain('<td>Offener Betrag</td><td class="num">238,00 €</td>');
    expect(html).toContain('Bitte überweisen Sie 238,00 € bis zum 29.03.2026 auf das folgende Konto.');
    expect(html).toContain('<dt>IBAN</dt><dd>DE89 3704 0044 0532 0130 00</dd>');
    expect(html).toContain(`<dt>Verwendungszweck</dt><dd>${invoice.number}</dd>`);
    // no payment provider connected (yet): nothing to pay online with
    expect(html).not.toContain('<form');
    // what the seller wrote is text, never markup
    expect(html).toContain('Wartung &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('März &amp; April');
    expect(html).not.toContain('<script');

    expect(html).toContain(`href="/portal/${token}/pdf"`);
    const pdf = await open(`/portal/${token}/pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['cache-control']).toBe('no-store');
    const served = await bytes(t, `/v1/invoices/${invoice.id}/pdf`);
    expect(Buffer.compare(pdf.rawPayload, served.body)).toBe(0);
    const attachment = mail.messages.at(-1)!.attachments.find((a) => a.contentType === 'application/pdf');
    expect(Buffer.compare(pdf.rawPayload, attachment!.content)).toBe(0);
  });

  it('says when it is paid, and when it was cancelled; in English for an English contact', async () => {
    const invoice = await issued(english.id);
    const token = await sentLink('invoices', invoice.id, english.emails[0]!.email);
    const before = (await open(`/portal/${token}`)).body;
    expect(before).toContain('<html lang="en">');
    expect(before).toContain(`<h1>Invoice ${invoice.number}</h1>`);
    expect(before).toContain('<span class="badge open">Open</span>');

    await ok(post(t, '/v1/payments', { invoiceId: invoice.id, amount: 10000, method: 'bank_transfer' }), 201);
    const partly = (await open(`/portal/${token}`)).body;
    expect(partly).toContain('<span class="badge partially_paid">Partially paid</span>');
    expect(partly).toContain('<td>Paid</td><td class="num">€100.00</td>');
    expect(partly).toContain('<td>Amount open</td><td class="num">€138.00</td>');
    expect(partly).toContain('Please transfer €138.00');

    await ok(post(t, '/v1/payments', { invoiceId: invoice.id, amount: 13800, method: 'bank_transfer' }), 201);
    const paid = (await open(`/portal/${token}`)).body;
    expect(paid).toContain('<span class="badge paid">Paid</span>');
    expect(paid).toContain('This amount has been paid in full. Thank you!');
    expect(paid).not.toContain('Please transfer');

    const other = await issued(german.id);
    const otherToken = await sentLink('invoices', other.id, german.emails[0]!.email);
    await ok(post(t, `/v1/invoices/${other.id}/cancel`, {}));
    const cancelled = (await open(`/portal/${otherToken}`)).body;
    expect(cancelled).toContain('<span class="badge cancelled">Storniert</span>');
    expect(cancelled).toContain('Diese Rechnung wurde storniert; Sie brauchen sie nicht zu bezahlen.');
    expect(cancelled).not.toContain('Bitte überweisen');
  });

  it('shows a quote with the date it holds until and that it awaits an answer', async () => {
    const quote = await finalize(
      t,
      (await ok(post(t, '/v1/quotes', { contactId: german.id, lines: [line()] }), 201)).id,
      undefined,
      'quotes',
    );
    const token = await sentLink('quotes', quote.id, german.emails[0]!.email);
    const html = (await open(`/portal/${token}`)).body;
    expect(html).toContain(`<h1>Angebot ${quote.number}</h1>`);
    expect(html).toContain('<span class="badge quote_open">Wartet auf Ihre Antwort</span>');
    expect(html).toContain(`<dt>Gültig bis</dt><dd>`);
    expect(html).not.toContain('Offener Betrag');
  });
});

describe('links that open nothing', () => {
  it('an unknown or malformed token gets a page saying so, in both languages, and no PDF', async () => {
    for (const url of [
      `/portal/fkp_${'A'.repeat(43)}`,
      `/portal/fkp_${'A'.repeat(43)}/pdf`,
      '/portal/not-a-token',
    ]) {
      const res = await open(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.body).toContain('Dieser Link ist ungültig');
      expect(res.body).toContain('This link is not valid');
      expect(res.headers['cache-control']).toBe('no-store');
    }
  });

  it('an expired or revoked link says it expired, in the document’s language, and serves no PDF', async () => {
    const invoice = await issued(english.id);
    const token = await sentLink('invoices', invoice.id, english.emails[0]!.email);
    expect((await open(`/portal/${token}`)).statusCode).toBe(200);

    // expired on the organisation's clock (the link lives 180 days; arranged in SQL)
    await t
      .db('document_access_tokens')
      .where('document_id', invoice.id)
      .update({ expires_at: new Date('2026-03-15T09:59:59Z') });
    for (const url of [`/portal/${token}`, `/portal/${token}/pdf`]) {
      const res = await open(url);
      expect(res.statusCode, url).toBe(410);
      expect(res.body).toContain('This link has expired');
      expect(res.body).not.toContain(invoice.number);
    }

    await t
      .db('document_access_tokens')
      .where('document_id', invoice.id)
      .update({ expires_at: new Date('2026-06-01T00:00:00Z'), revoked_at: new Date('2026-03-15T09:00:00Z') });
    expect((await open(`/portal/${token}`)).statusCode).toBe(410);
  });

  it('a link opens its own document only: it is no key to the API', async () => {
    const invoice = await issued(german.id);
    const token = await sentLink('invoices', invoice.id, german.emails[0]!.email);
    const res = await t.app.inject({
      method: 'GET',
      url: `/v1/invoices/${invoice.id}`,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.statusCode).toBe(401);
  });
});

describe('paying online from the portal', () => {
  const SECRET_KEY = `sk_test_51${'Portal'.repeat(8)}4242`;
  const WEBHOOK_SECRET = `whsec_${randomBytes(24).toString('hex')}`;
  let appUrl: string;

  beforeAll(async () => {
    stripe.keys.add(SECRET_KEY);
    appUrl = await listening(t);
    await ok(
      t.api({
        method: 'PUT',
        url: '/v1/payment-providers/stripe',
        body: {
          secretKey: SECRET_KEY,
          webhookSigningSecret: WEBHOOK_SECRET,
          returnUrl: 'https://shop.example/danke',
        },
      }),
      201,
    );
  });

  const pay = (token: string) =>
    t.app.inject({
      method: 'POST',
      url: `/portal/${token}/pay`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: '',
    });

  it('the pay button sends the customer to the checkout for what is open, and back to the page, which then says paid', async () => {
    const invoice = await issued(german.id);
    const token = await sentLink('invoices', invoice.id, german.emails[0]!.email);
    const html = (await open(`/portal/${token}`)).body;
    expect(html).toContain(`<form method="post" action="/portal/${token}/pay">`);
    expect(html).toContain('Jetzt online bezahlen (238,00 €)');
    expect(html).toContain('Oder per Überweisung:');

    const first = await pay(token);
    expect(first.statusCode, first.body).toBe(303);
    expect(first.headers['cache-control']).toBe('no-store');
    const sessions = [...stripe.sessions.values()].filter(
      (s) => s.metadata?.fakturo_invoice_id === invoice.id,
    );
    expect(sessions).toHaveLength(1);
    expect(first.headers.location).toBe(sessions[0]!.url);
    expect(sessions[0]).toMatchObject({ amount_total: 23800, currency: 'eur' });
    // back to this page, not to the shop's page of the provider settings
    expect(sessions[0]!.success_url).toMatch(new RegExp(`/portal/${token}$`));
    // pressed twice: the same checkout
    expect((await pay(token)).headers.location).toBe(first.headers.location);

    const paid = await stripe.deliver(
      appUrl,
      stripe.event('checkout.session.completed', sessions[0]!.id, { payment_status: 'paid' }),
      { secret: WEBHOOK_SECRET },
    );
    expect(paid.status).toBe(200);
    const after = (await open(`/portal/${token}`)).body;
    expect(after).toContain('<span class="badge paid">Bezahlt</span>');
    expect(after).not.toContain('<form');
    // an old tab's button: back to the page, no new checkout
    const again = await pay(token);
    expect(again.statusCode).toBe(303);
    expect(again.headers.location).toBe(`/portal/${token}`);
  });

  it('offers nothing to pay on a pro-forma; a provider that refuses gets a page, not an error', async () => {
    const proForma = await issued(german.id, { type: 'pro_forma' });
    const proFormaToken = await sentLink('invoices', proForma.id, german.emails[0]!.email);
    const proFormaPage = (await open(`/portal/${proFormaToken}`)).body;
    expect(proFormaPage).toContain('<span class="badge issued">Ausgestellt</span>');
    expect(proFormaPage).not.toContain('<form');
    expect(proFormaPage).not.toContain('Bitte überweisen');

    const invoice = await issued(english.id);
    const token = await sentLink('invoices', invoice.id, english.emails[0]!.email);
    stripe.keys.delete(SECRET_KEY); // Stripe now answers 401 to our key
    try {
      const refused = await pay(token);
      expect(refused.statusCode).toBeGreaterThanOrEqual(400);
      expect(refused.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(refused.body).toContain('Online payment is not possible right now');
      expect(refused.body).toContain(`href="/portal/${token}"`);
    } finally {
      stripe.keys.add(SECRET_KEY);
    }
  });
});
