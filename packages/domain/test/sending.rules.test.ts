import { describe, expect, it } from 'vitest';
import { FieldErrors } from '../src/errors';
import { composeMail, type MailTextInput } from '../src/sending/message';
import {
  checkRecipients,
  classifySmtpError,
  nextAttemptAt,
  recipientsOf,
  sendRefusal,
  takesEInvoice,
} from '../src/sending/rules';

/** nodemailer's error for a reply, as its SMTP connection builds it. */
function smtpError(response: string, code = 'EENVELOPE', permanent?: boolean) {
  const error = new Error(`Can't send mail - ${response}`) as Error & Record<string, unknown>;
  error.code = code;
  error.response = response;
  error.responseCode = Number(response.slice(0, 3));
  if (permanent !== undefined) error.permanent = permanent;
  return error;
}

describe('judging a failed SMTP attempt', () => {
  it('a 5xx reply is permanent: the mail bounced, with the server’s words kept', () => {
    expect(classifySmtpError(smtpError('550 5.1.1 User unknown'))).toEqual({
      permanent: true,
      code: 'smtp_rejected',
      message: "Can't send mail - 550 5.1.1 User unknown",
      smtpCode: 550,
      smtpResponse: '550 5.1.1 User unknown',
    });
    expect(classifySmtpError(smtpError('552 Message too large', 'EMESSAGE')).permanent).toBe(true);
  });

  it('4xx replies and 503 (bad sequence) are transient', () => {
    expect(classifySmtpError(smtpError('451 4.7.1 Greylisted'))).toMatchObject({
      permanent: false,
      code: 'smtp_deferred',
      smtpCode: 451,
    });
    expect(classifySmtpError(smtpError('421 Service not available', 'ECONNECTION')).permanent).toBe(false);
    expect(classifySmtpError(smtpError('503 Bad sequence', 'EPROTOCOL', false)).permanent).toBe(false);
    expect(classifySmtpError(smtpError('503 Bad sequence', 'EPROTOCOL')).permanent).toBe(false);
  });

  it('no reply at all (refused, timed out) is transient; so is failed authentication, our configuration', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:25'), { code: 'ESOCKET' });
    expect(classifySmtpError(refused)).toMatchObject({
      permanent: false,
      code: 'smtp_unreachable',
      smtpCode: null,
    });
    const timeout = Object.assign(new Error('Greeting never received'), { code: 'ETIMEDOUT' });
    expect(classifySmtpError(timeout).code).toBe('smtp_unreachable');
    expect(classifySmtpError(smtpError('535 5.7.8 Authentication failed', 'EAUTH'))).toMatchObject({
      permanent: false,
      code: 'smtp_auth_failed',
      smtpCode: 535,
    });
    expect(classifySmtpError(new Error('something else'))).toMatchObject({
      permanent: false,
      code: 'send_error',
    });
  });

  it('estimates the next attempt as graphile-worker schedules it: e^attempt seconds, at most e^10', () => {
    const at = new Date('2026-03-15T10:00:00Z');
    expect(nextAttemptAt(at, 1).getTime() - at.getTime()).toBe(2718);
    expect(nextAttemptAt(at, 10).getTime() - at.getTime()).toBe(22026466);
    expect(nextAttemptAt(at, 11)).toEqual(nextAttemptAt(at, 10));
  });
});

describe('who gets a document, and what may be sent', () => {
  it('the billing addresses, else the first address; each once', () => {
    expect(
      recipientsOf([
        { email: 'info@a.example', type: 'general' },
        { email: 'rechnung@a.example', type: 'billing' },
        { email: 'ap@a.example', type: 'billing' },
        { email: 'rechnung@a.example', type: 'billing' },
      ]),
    ).toEqual(['rechnung@a.example', 'ap@a.example']);
    expect(
      recipientsOf([
        { email: 'info@a.example', type: 'general' },
        { email: 'x@a.example', type: 'other' },
      ]),
    ).toEqual(['info@a.example']);
    expect(recipientsOf([])).toEqual([]);
  });

  it('checks every address and the list', () => {
    const errors = new FieldErrors();
    checkRecipients(['ok@a.example', 'nope', 'sp ace@a.example'], errors);
    expect(errors.list.map((e) => [e.path, e.code])).toEqual([
      ['recipients.1', 'email_invalid'],
      ['recipients.2', 'email_invalid'],
    ]);
    const empty = new FieldErrors();
    checkRecipients([], empty);
    expect(empty.list).toEqual([expect.objectContaining({ path: 'recipients', code: 'recipient_missing' })]);
  });

  it('drafts, cancelled invoices and closed quotes are not sent; everything else issued is', () => {
    expect(sendRefusal('invoice', 'draft')?.code).toBe('invoice_not_finalized');
    expect(sendRefusal('invoice', 'cancelled')?.code).toBe('invoice_not_sendable');
    expect(sendRefusal('quote', 'expired')?.code).toBe('quote_not_sendable');
    expect(sendRefusal('quote', 'converted')?.kind).toBe('conflict');
    for (const status of ['finalized', 'sent', 'partially_paid', 'paid', 'overdue'] as const) {
      expect(sendRefusal('invoice', status)).toBeNull();
    }
    expect(sendRefusal('quote', 'accepted')).toBeNull();
    expect(sendRefusal('credit_note', 'finalized')).toBeNull();
    expect(takesEInvoice('invoice') && takesEInvoice('credit_note') && takesEInvoice('cancellation')).toBe(
      true,
    );
    expect(takesEInvoice('quote') || takesEInvoice('pro_forma')).toBe(false);
  });
});

describe('the text of the mail', () => {
  const base: MailTextInput['document'] = {
    type: 'invoice',
    number: 'RE-2026-00042',
    issueDate: '2026-03-15',
    dueDate: '2026-03-29',
    currency: 'EUR',
    language: 'de',
    precedingDocument: null,
    totals: { grossTotal: 23800, amountDue: 23800 } as MailTextInput['document']['totals'],
    seller: { legalName: 'Nordlicht <Software> GmbH' },
  };
  const link = 'https://app.example/portal/fkp_abc';

  it('German: what, how much, by when, the files and the link; HTML escaped', () => {
    const mail = composeMail({ document: base, portalUrl: link, eInvoice: 'xrechnung' });
    expect(mail.subject).toBe('Rechnung RE-2026-00042 von Nordlicht <Software> GmbH');
    expect(mail.text).toContain(
      'anbei erhalten Sie unsere Rechnung RE-2026-00042 vom 15.03.2026 über 238,00\u00a0€. Bitte begleichen Sie den Betrag bis zum 29.03.2026.',
    );
    expect(mail.text).toContain('als PDF und als E-Rechnung (XRechnung)');
    expect(mail.text).toContain(`Online ansehen:\n${link}`);
    expect(mail.html).toContain('Nordlicht &lt;Software&gt; GmbH');
    expect(mail.html).not.toContain('<Software>');
    expect(mail.html).toContain(`<a href="${link}">`);
  });

  it('English credit notes name the amount without its sign and the invoice they refer to', () => {
    const mail = composeMail({
      document: {
        ...base,
        type: 'credit_note',
        number: 'GS-2026-00001',
        language: 'en',
        dueDate: null,
        precedingDocument: { number: 'RE-2026-00042', issueDate: '2026-03-15' },
        totals: { grossTotal: -11900, amountDue: -11900 } as MailTextInput['document']['totals'],
      },
      portalUrl: link,
      eInvoice: null,
    });
    expect(mail.subject).toBe('Credit note GS-2026-00001 from Nordlicht <Software> GmbH');
    expect(mail.text).toContain(
      'please find attached our credit note GS-2026-00001 of 15 Mar 2026 for €119.00. It refers to invoice RE-2026-00042 of 15 Mar 2026. The amount will be credited to you.',
    );
    expect(mail.text).toContain('The document is attached as a PDF.');
  });

  it('an invoice paid by SEPA direct debit announces the collection instead of asking for a transfer', () => {
    // The PDF says "Den Betrag … ziehen wir am … ein" (its pre-notification); a mail asking the customer to
    // pay as well would have them transfer the money and be debited too.
    const sepa = {
      kind: 'sepa_debit',
      mandateReference: 'MANDAT-0001',
      creditorId: 'DE98ZZZ09999999999',
      debtorIban: 'DE89370400440532013000',
      collectionDate: '2026-04-02',
    } as const;
    const de = composeMail({ document: { ...base, paymentMeans: sepa }, portalUrl: link, eInvoice: null });
    expect(de.text).not.toContain('begleichen');
    expect(de.text).toContain(
      'Der Betrag wird am 02.04.2026 per SEPA-Lastschrift von Ihrem Konto DE89\u00a0••••\u00a03000 eingezogen; Sie brauchen nichts zu überweisen.',
    );
    const en = composeMail({
      document: { ...base, language: 'en', paymentMeans: { ...sepa, collectionDate: null } },
      portalUrl: link,
      eInvoice: null,
    });
    expect(en.text).not.toContain('Please pay');
    expect(en.text).toContain(
      'The amount will be collected by SEPA direct debit from your account DE89\u00a0••••\u00a03000 on 29 Mar 2026; there is no need to transfer it.',
    );
  });

  it('an invoice sent again after payment asks for what is open now, or says it is paid', () => {
    // "the customer lost the mail" (docs/sending.md) of an invoice paid meanwhile, or one whose send date
    // came after it was paid: asking for the whole amount again invites paying twice
    const paid = composeMail({ document: base, portalUrl: link, eInvoice: null, amountOpen: 0 });
    expect(paid.text).not.toContain('begleichen Sie');
    expect(paid.text).toContain('über 238,00\u00a0€. Der Betrag ist bereits vollständig beglichen.');
    const part = composeMail({
      document: { ...base, language: 'en' },
      portalUrl: link,
      eInvoice: null,
      amountOpen: 3800,
    });
    expect(part.text).toContain('for €238.00. Of this, €38.00 is still open; please pay it by 29 Mar 2026.');
    const open = composeMail({ document: base, portalUrl: link, eInvoice: null, amountOpen: 23800 });
    expect(open.text).toContain('Bitte begleichen Sie den Betrag bis zum 29.03.2026.');
  });

  it('an overdue invoice sent again says when it was due instead of asking to pay by a day gone', () => {
    const late = composeMail({ document: base, portalUrl: link, eInvoice: null, today: '2026-04-10' });
    expect(late.text).not.toContain('bis zum 29.03.2026');
    expect(late.text).toContain(
      'über 238,00\u00a0€. Der offene Betrag von 238,00\u00a0€ war am 29.03.2026 fällig; bitte begleichen Sie ihn umgehend.',
    );
    const partEn = composeMail({
      document: { ...base, language: 'en' },
      portalUrl: link,
      eInvoice: null,
      amountOpen: 3800,
      today: '2026-03-30',
    });
    expect(partEn.text).toContain(
      'The open amount of €38.00 was due on 29 Mar 2026; please pay it without delay.',
    );
    // on the due date itself it is not late yet
    const dueToday = composeMail({ document: base, portalUrl: link, eInvoice: null, today: '2026-03-29' });
    expect(dueToday.text).toContain('Bitte begleichen Sie den Betrag bis zum 29.03.2026.');
  });

  it('a quote states its validity; a paid-in-advance invoice asks for nothing', () => {
    const quote = composeMail({
      document: { ...base, type: 'quote', number: 'AN-2026-00001' },
      portalUrl: link,
      eInvoice: null,
    });
    expect(quote.text).toContain('unser Angebot AN-2026-00001');
    expect(quote.text).toContain('Das Angebot gilt bis zum 29.03.2026.');
    const settled = composeMail({
      document: {
        ...base,
        totals: { grossTotal: 23800, amountDue: 0 } as MailTextInput['document']['totals'],
      },
      portalUrl: link,
      eInvoice: 'zugferd',
    });
    expect(settled.text).not.toContain('begleichen');
    expect(settled.text).toContain('ZUGFeRD');
  });
});
