import { createHash, randomBytes } from 'node:crypto';
import { buildApp } from '@fakturo/api';
import { fixedClock, secrets } from '@fakturo/domain';
import { companyInput, createTestApp, personInput } from '@fakturo/testing';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bytes, contact, draft, finalize, get, line, ok, post, readySeller } from './documents.support';
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

    // the first view is recorded once, with its event (a HEAD, as link checkers send, is none)
    const viewed = await ok(get(t, `/v1/invoices/${invoice.id}`));
    expect(viewed.viewedAt).toBe('2026-03-15T10:00:00.000Z');
    expect((await open(`/portal/${token}`)).statusCode).toBe(200);
    const views = await ok(get(t, '/v1/events?type=invoice.viewed'));
    expect(
      views.data.filter((e: { data: { object: { id: string } } }) => e.data.object.id === invoice.id),
    ).toHaveLength(1);
    expect((await ok(get(t, `/v1/invoices/${invoice.id}`))).version).toBe(viewed.version);

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
    expect((await t.app.inject({ method: 'HEAD', url: `/portal/${token}` })).statusCode).toBe(200);
    expect((await ok(get(t, `/v1/invoices/${invoice.id}`))).viewedAt).toBeNull();
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

  it('offers the XRechnung the mail carried for download, and nothing it would have to render', async () => {
    const publicBuyer = await contact(
      t,
      companyInput({
        companyName: 'Stadt Musterstadt',
        buyerReference: '04011000-12345-67',
        eInvoiceFormat: 'xrechnung-cii',
      }),
    );
    const invoice = await issued(publicBuyer.id);
    const token = await sentLink('invoices', invoice.id, publicBuyer.emails[0]!.email);
    const html = (await open(`/portal/${token}`)).body;
    expect(html).toContain(`href="/portal/${token}/e-invoice/xrechnung-cii">E-Rechnung (XRechnung CII)</a>`);
    expect(html).not.toContain('xrechnung-ubl');

    const xml = await open(`/portal/${token}/e-invoice/xrechnung-cii`);
    expect(xml.statusCode).toBe(200);
    expect(xml.headers['content-type']).toBe('application/xml');
    expect(xml.headers['content-disposition']).toBe(`attachment; filename="${invoice.number}-cii.xml"`);
    expect(xml.headers['cache-control']).toBe('no-store');
    const served = await bytes(t, `/v1/invoices/${invoice.id}/e-invoice?format=xrechnung-cii`);
    expect(Buffer.compare(xml.rawPayload, served.body)).toBe(0);
    // not stored (so not rendered for a visitor), or no e-invoice at all: not found
    for (const kind of ['xrechnung-ubl', 'zugferd', 'pdf', '..%2Fpdf']) {
      const res = await open(`/portal/${token}/e-invoice/${kind}`);
      expect(res.statusCode, kind).toBe(404);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    }
  });

  it('a credit note names the invoice it credits; an invoice settled by it says credited, not paid', async () => {
    const invoice = await issued(german.id);
    const invoiceToken = await sentLink('invoices', invoice.id, german.emails[0]!.email);
    const created = await ok(post(t, '/v1/credit-notes', { invoiceId: invoice.id }), 201);
    const note = await finalize(t, created.id, undefined, 'credit-notes');
    const token = await sentLink('credit-notes', note.id, german.emails[0]!.email);

    const html = (await open(`/portal/${token}`)).body;
    expect(html).toContain(`<h1>Gutschrift ${note.number}</h1>`);
    expect(html).toContain(`<p class="sub">Bezug: Rechnung ${invoice.number} vom 15.03.2026</p>`);
    expect(html).toContain('<span class="badge issued">Ausgestellt</span>');
    expect(html).toContain('Der Betrag wird Ihnen gutgeschrieben.');
    expect(html).not.toContain('<form');

    const credited = (await open(`/portal/${invoiceToken}`)).body;
    expect(credited).toContain('<span class="badge credited">Gutgeschrieben</span>');
    expect(credited).toContain('<td>Gutgeschrieben</td><td class="num">238,00 €</td>');
    expect(credited).toContain(
      'Die Rechnung wurde Ihnen vollständig gutgeschrieben; Sie brauchen nichts zu bezahlen.',
    );
    expect(credited).not.toContain('Vielen Dank');
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
    expect(sessions[0]!.success_url).toMatch(new RegExp(`/portal/${token}\\?from=checkout$`));
    // back before the provider's callback: the page says the payment is being confirmed
    const back = (await open(`/portal/${token}?from=checkout`)).body;
    expect(back).toContain('bestätigt der Zahlungsanbieter sie in Kürze');
    expect((await open(`/portal/${token}`)).body).not.toContain('bestätigt der Zahlungsanbieter');
    // pressed twice: the same checkout
    expect((await pay(token)).headers.location).toBe(first.headers.location);

    const paid = await stripe.deliver(
      appUrl,
      stripe.event('checkout.session.completed', sessions[0]!.id, { payment_status: 'paid' }),
      { secret: WEBHOOK_SECRET },
    );
    expect(paid.status).toBe(200);
    const after = (await open(`/portal/${token}?from=checkout`)).body;
    expect(after).toContain('<span class="badge paid">Bezahlt</span>');
    expect(after).not.toContain('bestätigt der Zahlungsanbieter');
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

describe('accepting a quote in the portal', () => {
  // a 1 × 1 PNG, as a canvas would send a (tiny) drawing
  const PNG = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
    'base64',
  );
  const accept = (token: string, fields: Record<string, string>) =>
    t.app.inject({
      method: 'POST',
      url: `/portal/${token}/accept`,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'user-agent': 'Mozilla/5.0 (portal test)',
      },
      payload: new URLSearchParams(fields).toString(),
    });

  async function sentQuote() {
    const created = await ok(post(t, '/v1/quotes', { contactId: german.id, lines: [line()] }), 201);
    const quote = await finalize(t, created.id, undefined, 'quotes');
    return { quote, token: await sentLink('quotes', quote.id, german.emails[0]!.email) };
  }

  it('records the signer, the browser and the drawn signature with the quote; the page then says accepted', async () => {
    const { quote, token } = await sentQuote();
    const page = await open(`/portal/${token}`);
    expect(page.body).toContain(`<form method="post" action="/portal/${token}/accept" id="accept">`);
    const nonce = /<script nonce="([^"]+)">/.exec(page.body)?.[1];
    expect(nonce).toBeDefined();
    expect(page.headers['content-security-policy']).toContain(`script-src 'nonce-${nonce}'`);

    // refused attempts write nothing and say what to fix, keeping what was typed
    const unnamed = await accept(token, { signerName: '  ', signature: '' });
    expect(unnamed.statusCode).toBe(422);
    expect(unnamed.body).toContain('Bitte geben Sie Ihren Namen an');
    const scribbled = await accept(token, {
      signerName: 'Erika Muster',
      signature: 'data:image/png;base64,AAAA',
    });
    expect(scribbled.statusCode).toBe(422);
    expect(scribbled.body).toContain('Die Unterschrift konnte nicht gelesen werden');
    expect(scribbled.body).toContain('value="Erika Muster"');
    expect((await ok(get(t, `/v1/quotes/${quote.id}`))).status).toBe('sent');
    expect(await t.db('quote_signatures').where('document_id', quote.id)).toHaveLength(0);

    const accepted = await accept(token, {
      signerName: 'Erika Muster',
      signature: `data:image/png;base64,${PNG.toString('base64')}`,
    });
    expect(accepted.statusCode, accepted.body).toBe(303);
    expect(accepted.headers.location).toBe(`/portal/${token}`);

    const read = await ok(get(t, `/v1/quotes/${quote.id}`));
    expect(read.status).toBe('accepted');
    expect(read.decision).toEqual({
      at: '2026-03-15T10:00:00.000Z',
      signerName: 'Erika Muster',
      reason: null,
      documentSha256: read.pdfSha256,
      ip: '127.0.0.1',
      userAgent: 'Mozilla/5.0 (portal test)',
      signatureSha256: createHash('sha256').update(PNG).digest('hex'),
    });
    const signature = await bytes(t, `/v1/quotes/${quote.id}/signature`);
    expect(Buffer.compare(signature.body, PNG)).toBe(0);
    const events = await ok(get(t, '/v1/events?type=quote.accepted'));
    expect(events.data.map((e: { data: { object: { id: string } } }) => e.data.object.id)).toContain(
      quote.id,
    );

    const after = (await open(`/portal/${token}`)).body;
    expect(after).toContain('<span class="badge accepted">Angenommen</span>');
    expect(after).toContain('Angenommen von Erika Muster.');
    expect(after).not.toContain('<form');
    expect(after).not.toContain('<script');
    // a second press: back to the page; the first answer stays, the evidence is written once
    expect((await accept(token, { signerName: 'Someone Else' })).statusCode).toBe(303);
    expect((await ok(get(t, `/v1/quotes/${quote.id}`))).decision.signerName).toBe('Erika Muster');
    await expect(
      t.db('quote_signatures').where('document_id', quote.id).update({ sha256: 'x' }),
    ).rejects.toThrow(/append-only/);
  });

  it('limits each client address to its budget of portal requests; the API’s keys are not counted against it', async () => {
    const { token } = await sentQuote();
    const limited = await buildApp({
      db: t.db,
      clockFor: () => clock,
      portalRateLimit: { max: 3, timeWindowMs: 60_000 },
    });
    try {
      const visit = (url: string, remoteAddress = '198.51.100.7') =>
        limited.inject({ method: 'GET', url, remoteAddress });
      // pages, files and unknown links all count
      expect((await visit(`/portal/${token}`)).statusCode).toBe(200);
      expect((await visit(`/portal/${token}/pdf`)).statusCode).toBe(200);
      expect((await visit('/portal/fkp_unknown')).statusCode).toBe(404);
      const refused = await visit(`/portal/${token}`);
      expect(refused.statusCode).toBe(429);
      expect(refused.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      expect(refused.body).toContain('Zu viele Anfragen');
      expect(refused.body).toContain('Too many requests');
      // another address has its own budget; the API's requests are limited per key, not here
      expect((await visit(`/portal/${token}`, '198.51.100.8')).statusCode).toBe(200);
      const api = await limited.inject({
        method: 'GET',
        url: '/v1/organization',
        remoteAddress: '198.51.100.7',
        headers: { authorization: `Bearer ${t.main.apiKey}` },
      });
      expect(api.statusCode).toBe(200);
    } finally {
      await limited.close();
    }
  });

  it('behind a trusted proxy, the address recorded is the client’s it forwards, not the proxy’s', async () => {
    const { quote, token } = await sentQuote();
    const proxied = await buildApp({ db: t.db, clockFor: () => clock, trustProxy: ['127.0.0.1'] });
    try {
      const res = await proxied.inject({
        method: 'POST',
        url: `/portal/${token}/accept`,
        remoteAddress: '127.0.0.1',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'x-forwarded-for': '203.0.113.9',
        },
        payload: 'signerName=Erika+Muster',
      });
      expect(res.statusCode, res.body).toBe(303);
    } finally {
      await proxied.close();
    }
    expect((await ok(get(t, `/v1/quotes/${quote.id}`))).decision.ip).toBe('203.0.113.9');
    // the test app trusts no proxy: a forwarded address is not believed
    const { quote: other, token: otherToken } = await sentQuote();
    await t.app.inject({
      method: 'POST',
      url: `/portal/${otherToken}/accept`,
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': '203.0.113.9' },
      payload: 'signerName=Erika+Muster',
    });
    expect((await ok(get(t, `/v1/quotes/${other.id}`))).decision.ip).toBe('127.0.0.1');
  });

  it('declines with a reason; the page then says declined and offers nothing more', async () => {
    const { quote, token } = await sentQuote();
    expect((await open(`/portal/${token}`)).body).toContain(`action="/portal/${token}/decline"`);
    const decline = (fields: Record<string, string>) =>
      t.app.inject({
        method: 'POST',
        url: `/portal/${token}/decline`,
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'user-agent': 'Mozilla/5.0 (portal test)',
        },
        payload: new URLSearchParams(fields).toString(),
      });
    const tooLong = await decline({ reason: 'x'.repeat(2001) });
    expect(tooLong.statusCode).toBe(422);
    expect(tooLong.body).toContain('Die Begründung darf höchstens 2.000 Zeichen lang sein');
    // a control character (a NUL would break the stored JSON) is refused by the API's text check, as anywhere,
    // and a body beyond the form limit too: a page for the person, with the way back, and nothing written
    for (const [refusal, status] of [
      [await decline({ reason: 'zu\u0000teuer' }), 400],
      [await decline({ reason: 'x'.repeat(400_001) }), 413],
    ] as const) {
      expect(refusal.statusCode).toBe(status);
      expect(refusal.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(refusal.headers['content-security-policy']).toContain("default-src 'none'");
      expect(refusal.headers['cache-control']).toBe('no-store');
      expect(refusal.body).toContain('Ihre Eingabe wurde nicht angenommen');
      expect(refusal.body).toContain('Your input was not accepted');
      expect(refusal.body).toContain(`href="/portal/${token}"`);
      expect(refusal.body).toContain(`Status ${status} · ${refusal.headers['x-request-id']}`);
    }
    expect((await ok(get(t, `/v1/quotes/${quote.id}`))).status).toBe('sent');

    expect((await decline({ reason: 'Zu teuer', signerName: 'Erika Muster' })).statusCode).toBe(303);
    const read = await ok(get(t, `/v1/quotes/${quote.id}`));
    expect(read.status).toBe('declined');
    expect(read.decision).toMatchObject({
      signerName: 'Erika Muster',
      reason: 'Zu teuer',
      ip: '127.0.0.1',
      userAgent: 'Mozilla/5.0 (portal test)',
      signatureSha256: null,
    });
    const page = (await open(`/portal/${token}`)).body;
    expect(page).toContain('<span class="badge declined">Abgelehnt</span>');
    expect(page).toContain('Abgelehnt von Erika Muster.');
    expect(page).not.toContain('<form');
    const events = await ok(get(t, '/v1/events?type=quote.declined'));
    expect(events.data.map((e: { data: { object: { id: string } } }) => e.data.object.id)).toContain(
      quote.id,
    );
  });

  it('a quote accepted through the API has no portal evidence and no signature', async () => {
    const created = await ok(post(t, '/v1/quotes', { contactId: german.id, lines: [line()] }), 201);
    const quote = await finalize(t, created.id, undefined, 'quotes');
    const accepted = await ok(post(t, `/v1/quotes/${quote.id}/accept`, { signerName: 'Per Telefon' }));
    expect(accepted.decision).toMatchObject({ ip: null, userAgent: null, signatureSha256: null });
    const missing = await get(t, `/v1/quotes/${quote.id}/signature`);
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('quote_signature_not_found');
  });

  it('in a browser: the name typed and the signature drawn on the pad are what is stored', {
    timeout: 60_000,
  }, async () => {
    const { quote, token } = await sentQuote();
    const appUrl = await listening(t);
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    try {
      const page = await browser.newPage();
      const blocked: string[] = [];
      page.on('console', (m) => m.type() === 'error' && blocked.push(m.text()));
      await page.goto(`${appUrl}/portal/${token}`);
      await page.fill('#signerName', 'Erika Muster');
      // the pad shows only when the page's script runs (its nonce matched the CSP)
      const pad = page.locator('#pad');
      await expect(pad.isVisible()).resolves.toBe(true);
      await pad.scrollIntoViewIfNeeded();
      const box = (await pad.boundingBox())!;
      await page.mouse.move(box.x + 20, box.y + box.height / 2);
      await page.mouse.down();
      for (let i = 1; i <= 20; i++)
        await page.mouse.move(box.x + 20 + i * 12, box.y + box.height / 2 + (i % 2 ? 15 : -15));
      await page.mouse.up();
      await Promise.all([
        page.waitForURL(`${appUrl}/portal/${token}`),
        page.click('#accept button[type=submit]'),
      ]);
      expect(await page.locator('.badge').textContent()).toBe('Angenommen');
      expect(blocked).toEqual([]);
    } finally {
      await browser.close();
    }
    const read = await ok(get(t, `/v1/quotes/${quote.id}`));
    expect(read.decision.signerName).toBe('Erika Muster');
    expect(read.decision.userAgent).toContain('HeadlessChrome');
    const png = (await bytes(t, `/v1/quotes/${quote.id}/signature`)).body;
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    // the pad's size, drawn on
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([600, 180]);
    expect(png.length).toBeGreaterThan(500);
  });
});
