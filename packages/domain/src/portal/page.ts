import {
  formatAmount,
  formatDate,
  formatDecimal,
  formatIban,
  formatRate,
  LABELS,
  maskIban,
  unitName,
} from '../documents/labels';
import type { Document } from '../documents/resource';
import type { DocumentLanguage } from '../documents/types';
import { escapeHtml } from '../html';

/**
 * The customer portal's pages: a document as its recipient sees it — what it is, what it is for, its status
 * now (paid, open, overdue, cancelled; a quote's answer), how to pay, and its PDF. Pure HTML without scripts or
 * outside resources, in the document's language; every value is escaped.
 */

interface Words {
  status: {
    open: string;
    partially_paid: string;
    paid: string;
    overdue: string;
    cancelled: string;
    issued: string;
    credited: string;
    quote_open: string;
    accepted: string;
    declined: string;
    expired: string;
  };
  from: string;
  to: string;
  pdf: string;
  eInvoice: (format: string) => string;
  paid: string;
  credited: string;
  open: string;
  settled: string;
  creditedInFull: string;
  creditNote: string;
  cancelled: string;
  quoteAnswered: (date: string) => string;
  payOnline: string;
  orTransfer: string;
  confirming: string;
  accept: {
    title: string;
    name: string;
    signature: string;
    clear: string;
    submit: string;
    note: string;
    signedBy: (name: string) => string;
    errors: Record<'signerName' | 'signature' | 'quote' | 'reason', string>;
  };
  decline: {
    title: string;
    reason: string;
    name: string;
    submit: string;
    declinedBy: (name: string) => string;
  };
  back: string;
  paymentUnavailable: { title: string; text: string };
  expiredLink: { title: string; text: string };
}

const WORDS: Record<DocumentLanguage, Words> = {
  de: {
    status: {
      open: 'Offen',
      partially_paid: 'Teilweise bezahlt',
      paid: 'Bezahlt',
      overdue: 'Überfällig',
      cancelled: 'Storniert',
      issued: 'Ausgestellt',
      credited: 'Gutgeschrieben',
      quote_open: 'Wartet auf Ihre Antwort',
      accepted: 'Angenommen',
      declined: 'Abgelehnt',
      expired: 'Abgelaufen',
    },
    from: 'Von',
    to: 'An',
    pdf: 'PDF herunterladen',
    eInvoice: (format) => `E-Rechnung (${format})`,
    paid: 'Bezahlt',
    credited: 'Gutgeschrieben',
    open: 'Offener Betrag',
    settled: 'Der Betrag ist vollständig beglichen. Vielen Dank!',
    creditedInFull: 'Die Rechnung wurde Ihnen vollständig gutgeschrieben; Sie brauchen nichts zu bezahlen.',
    creditNote: 'Der Betrag wird Ihnen gutgeschrieben.',
    cancelled: 'Diese Rechnung wurde storniert; Sie brauchen sie nicht zu bezahlen.',
    quoteAnswered: (date) => `Beantwortet am ${date}.`,
    payOnline: 'Jetzt online bezahlen',
    orTransfer: 'Oder per Überweisung:',
    confirming:
      'Vielen Dank! Wenn Sie die Zahlung eben abgeschlossen haben, bestätigt der Zahlungsanbieter sie in Kürze; diese Seite zeigt die Rechnung dann als bezahlt.',
    accept: {
      title: 'Angebot annehmen',
      name: 'Ihr Name',
      signature: 'Unterschrift (optional): mit Maus, Finger oder Stift zeichnen',
      clear: 'Löschen',
      submit: 'Angebot verbindlich annehmen',
      note: 'Mit der Annahme speichern wir Ihren Namen, die Uhrzeit, Ihre IP-Adresse und Ihren Browser zusammen mit dem angenommenen Dokument.',
      signedBy: (name) => `Angenommen von ${name}.`,
      errors: {
        signerName: 'Bitte geben Sie Ihren Namen an (höchstens 200 Zeichen).',
        signature: 'Die Unterschrift konnte nicht gelesen werden; bitte zeichnen Sie sie noch einmal.',
        quote: 'Dieses Dokument ist kein Angebot.',
        reason: 'Die Begründung darf höchstens 2.000 Zeichen lang sein.',
      },
    },
    decline: {
      title: 'Angebot ablehnen',
      reason: 'Begründung (optional)',
      name: 'Ihr Name (optional)',
      submit: 'Angebot ablehnen',
      declinedBy: (name) => `Abgelehnt von ${name}.`,
    },
    back: 'Zurück zum Dokument',
    paymentUnavailable: {
      title: 'Online-Zahlung gerade nicht möglich',
      text: 'Bitte versuchen Sie es später noch einmal, oder überweisen Sie den Betrag wie auf dem Dokument angegeben.',
    },
    expiredLink: {
      title: 'Dieser Link ist abgelaufen',
      text: 'Bitte wenden Sie sich an den Absender, wenn Sie das Dokument noch einmal brauchen.',
    },
  },
  en: {
    status: {
      open: 'Open',
      partially_paid: 'Partially paid',
      paid: 'Paid',
      overdue: 'Overdue',
      cancelled: 'Cancelled',
      issued: 'Issued',
      credited: 'Credited',
      quote_open: 'Awaiting your answer',
      accepted: 'Accepted',
      declined: 'Declined',
      expired: 'Expired',
    },
    from: 'From',
    to: 'To',
    pdf: 'Download PDF',
    eInvoice: (format) => `E-invoice (${format})`,
    paid: 'Paid',
    credited: 'Credited',
    open: 'Amount open',
    settled: 'This amount has been paid in full. Thank you!',
    creditedInFull: 'This invoice has been credited to you in full; there is nothing to pay.',
    creditNote: 'The amount will be credited to you.',
    cancelled: 'This invoice has been cancelled; there is nothing to pay.',
    quoteAnswered: (date) => `Answered on ${date}.`,
    payOnline: 'Pay online now',
    orTransfer: 'Or by bank transfer:',
    confirming:
      'Thank you! If you have just completed the payment, the payment provider confirms it shortly; this page then shows the invoice as paid.',
    accept: {
      title: 'Accept the quote',
      name: 'Your name',
      signature: 'Signature (optional): draw it with a mouse, finger or pen',
      clear: 'Clear',
      submit: 'Accept the quote (binding)',
      note: 'With your acceptance we store your name, the time, your IP address and your browser together with the document accepted.',
      signedBy: (name) => `Accepted by ${name}.`,
      errors: {
        signerName: 'Please give your name (at most 200 characters).',
        signature: 'The signature could not be read; please draw it again.',
        quote: 'This document is not a quote.',
        reason: 'The reason may be at most 2,000 characters long.',
      },
    },
    decline: {
      title: 'Decline the quote',
      reason: 'Reason (optional)',
      name: 'Your name (optional)',
      submit: 'Decline the quote',
      declinedBy: (name) => `Declined by ${name}.`,
    },
    back: 'Back to the document',
    paymentUnavailable: {
      title: 'Online payment is not possible right now',
      text: 'Please try again later, or transfer the amount as the document says.',
    },
    expiredLink: {
      title: 'This link has expired',
      text: 'Please contact the sender if you need the document again.',
    },
  },
};

const STYLE = `
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2328;background:#f6f7f9;margin:0;line-height:1.45}
main{max-width:760px;margin:2rem auto;background:#fff;border:1px solid #d8dde3;border-radius:8px;padding:2rem}
h1{font-size:1.5rem;margin:.2rem 0 1rem}
.seller{color:#57606a;font-size:.95rem}
.badge{display:inline-block;padding:.15rem .6rem;border-radius:999px;font-size:.85rem;font-weight:600;background:#eef1f4}
.badge.paid,.badge.accepted,.badge.credited{background:#dcf5e3;color:#116329}
.badge.overdue,.badge.declined{background:#ffe1de;color:#a40e26}
.badge.cancelled,.badge.expired{background:#eceff1;color:#57606a}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:1rem 0}
dt{color:#57606a}dd{margin:0}
table{width:100%;border-collapse:collapse;margin:1.2rem 0}
th,td{padding:.45rem .3rem;border-bottom:1px solid #e5e8eb;vertical-align:top;text-align:left}
th{font-size:.85rem;color:#57606a;font-weight:600}
.num{text-align:right;white-space:nowrap}
.sub{color:#57606a;font-size:.9rem}
.totals td{border:none;padding:.2rem .3rem}.totals .strong td{font-weight:700;border-top:1px solid #1f2328}
.box{background:#f6f7f9;border-radius:6px;padding:1rem;margin:1rem 0}
a.button,button{display:inline-block;background:#0b57d0;color:#fff;text-decoration:none;padding:.6rem 1.1rem;border-radius:6px;font-weight:600;border:0;font:inherit;cursor:pointer}
form{margin:0 0 1rem}
label{display:block;margin:.6rem 0 .3rem;font-weight:600}
textarea{font:inherit;padding:.45rem .6rem;border:1px solid #b8c0c8;border-radius:6px;width:min(100%,36rem);min-height:4rem}
details{margin:1rem 0}summary{cursor:pointer;color:#57606a}
input[type=text]{font:inherit;padding:.45rem .6rem;border:1px solid #b8c0c8;border-radius:6px;width:min(100%,24rem)}
canvas{display:block;width:100%;max-width:600px;aspect-ratio:10/3;border:1px dashed #8c959f;border-radius:6px;background:#fff;touch-action:none}
button.secondary,a.button.secondary{background:#eef1f4;color:#1f2328;margin:.4rem 0 1rem}
.error{color:#a40e26;font-weight:600}
footer{color:#57606a;font-size:.85rem;margin-top:2rem}
`;

function layout(
  language: DocumentLanguage,
  title: string,
  body: string,
  script?: { nonce: string; code: string },
) {
  return [
    '<!doctype html>',
    `<html lang="${language}"><head><meta charset="utf-8">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="robots" content="noindex, nofollow">',
    `<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>`,
    `<body><main>${body}</main>`,
    script ? `<script nonce="${escapeHtml(script.nonce)}">${script.code}</script>` : '',
    '</body></html>',
  ].join('\n');
}

/**
 * The signature pad: drawing on the canvas with any pointer; on submit the drawing goes into the hidden field as
 * a PNG data: URL (nothing when nothing was drawn). Without scripts the pad stays hidden and the form works
 * with the name alone.
 */
const SIGNATURE_PAD = `(() => {
  const pad = document.getElementById('pad');
  const box = document.getElementById('signature-box');
  const field = document.getElementById('signature');
  const form = document.getElementById('accept');
  if (!pad || !box || !field || !form) return;
  box.hidden = false;
  const ctx = pad.getContext('2d');
  ctx.lineWidth = 2.5; ctx.lineCap = 'round'; ctx.lineJoin = 'round'; ctx.strokeStyle = '#1f2328';
  let drawing = false, drawn = false;
  const at = (e) => {
    const r = pad.getBoundingClientRect();
    return [((e.clientX - r.left) * pad.width) / r.width, ((e.clientY - r.top) * pad.height) / r.height];
  };
  pad.addEventListener('pointerdown', (e) => {
    drawing = true; pad.setPointerCapture(e.pointerId);
    const [x, y] = at(e); ctx.beginPath(); ctx.moveTo(x, y);
  });
  pad.addEventListener('pointermove', (e) => {
    if (!drawing) return;
    const [x, y] = at(e); ctx.lineTo(x, y); ctx.stroke(); drawn = true;
  });
  const stop = () => { drawing = false; };
  pad.addEventListener('pointerup', stop);
  pad.addEventListener('pointercancel', stop);
  document.getElementById('clear').addEventListener('click', () => {
    ctx.clearRect(0, 0, pad.width, pad.height); drawn = false;
  });
  form.addEventListener('submit', () => { field.value = drawn ? pad.toDataURL('image/png') : ''; });
})();`;

/** The badge: a status word and its class. */
function badge(doc: Document, w: Words, today?: string): { key: string; text: string } {
  if (doc.type === 'quote') {
    const lapsed = today !== undefined && doc.validUntil !== null && doc.validUntil < today;
    const key =
      lapsed && (doc.status === 'finalized' || doc.status === 'sent')
        ? 'expired'
        : doc.status === 'accepted' || doc.status === 'converted'
          ? 'accepted'
          : doc.status === 'declined' || doc.status === 'expired'
            ? doc.status
            : 'quote_open';
    return { key, text: w.status[key as keyof Words['status']] };
  }
  if (doc.status === 'cancelled') return { key: 'cancelled', text: w.status.cancelled };
  // a pro-forma asks for nothing (its amountOpen is 0); credit notes and cancellations owe the customer
  if (doc.type === 'pro_forma' || doc.amountDue <= 0) return { key: 'issued', text: w.status.issued };
  if (creditedInFull(doc)) return { key: 'credited', text: w.status.credited };
  if (doc.status === 'paid' || doc.amountOpen <= 0) return { key: 'paid', text: w.status.paid };
  if (doc.status === 'overdue') return { key: 'overdue', text: w.status.overdue };
  if (doc.status === 'partially_paid') return { key: 'partially_paid', text: w.status.partially_paid };
  return { key: 'open', text: w.status.open };
}

function addressLines(address: { line1: string; line2?: string | null; postalCode: string; city: string }) {
  return [address.line1, address.line2, `${address.postalCode} ${address.city}`].filter(Boolean) as string[];
}

/** Settled by credit notes alone, nothing paid: "paid" would be wrong. */
function creditedInFull(doc: Document): boolean {
  return doc.amountOpen <= 0 && doc.amountPaid === 0 && doc.amountCredited > 0;
}

/** What the customer still has to do about the money, if anything. */
function paymentBlock(doc: Document, w: Words, payAction: string | null, fromCheckout = false): string {
  const language = doc.language;
  const l = LABELS[language];
  const money = (minor: number) => formatAmount(minor, doc.currency, language);
  if (doc.type === 'credit_note') return `<div class="box">${escapeHtml(w.creditNote)}</div>`;
  if (doc.type === 'quote' || doc.type === 'pro_forma' || doc.amountDue <= 0) return '';
  if (doc.status === 'cancelled') return `<div class="box">${escapeHtml(w.cancelled)}</div>`;
  if (doc.amountOpen <= 0)
    return `<div class="box">${escapeHtml(creditedInFull(doc) ? w.creditedInFull : w.settled)}</div>`;
  const means = doc.paymentMeans;
  if (means?.kind === 'sepa_debit') {
    const date = means.collectionDate ?? doc.dueDate ?? doc.issueDate!;
    const text = l.debit(money(doc.amountOpen), formatDate(date, language), maskIban(means.debtorIban));
    return `<div class="box">${escapeHtml(text)}</div>`;
  }
  const transfer = l.transfer(money(doc.amountOpen), doc.dueDate ? formatDate(doc.dueDate, language) : null);
  const confirming = fromCheckout ? `<p><strong>${escapeHtml(w.confirming)}</strong></p>` : '';
  const pay = payAction
    ? `${confirming}<form method="post" action="${escapeHtml(payAction)}"><button type="submit">${escapeHtml(w.payOnline)} (${escapeHtml(money(doc.amountOpen))})</button></form><p>${escapeHtml(w.orTransfer)}</p>`
    : '';
  if (means?.kind !== 'transfer') return `<div class="box">${pay}${escapeHtml(transfer)}</div>`;
  const rows: [string, string | null][] = [
    [l.accountHolder, means.accountHolder ?? doc.seller?.legalName ?? null],
    [l.iban, formatIban(means.iban)],
    [l.bic, means.bic],
    [l.bank, means.bankName],
    [l.reference, doc.number],
  ];
  return [
    `<div class="box">${pay}<p>${escapeHtml(transfer)}</p><dl>`,
    ...rows
      .filter((r): r is [string, string] => Boolean(r[1]))
      .map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`),
    '</dl></div>',
  ].join('');
}

/**
 * The page of an issued document: `pdfHref` is where its PDF is, `payAction` where its pay button posts (null:
 * no online payment).
 */
export interface PageOptions {
  pdfHref: string;
  /** The invoice a credit note, cancellation or corrected invoice refers to. */
  preceding?: { number: string; issueDate: string } | null;
  /** Stored XRechnung files to download: their label and where. */
  eInvoices?: { format: string; href: string }[];
  /** Where the pay button posts; null: no online payment. */
  payAction: string | null;
  /** Back from the provider's checkout (`?from=checkout`): an invoice still open says it is being confirmed. */
  fromCheckout?: boolean;
  /** The organisation's today: a quote valid until before it is shown as expired. */
  today?: string;
  /** An open quote's acceptance form: where it posts, the script nonce, and a refused attempt's errors. */
  accept?: {
    action: string;
    declineAction: string;
    nonce: string;
    signerName?: string;
    reason?: string;
    errors?: string[];
  } | null;
}

/** The form that accepts an open quote: the signer's name and, with scripts, a signature pad. */
function acceptForm(w: Words, accept: NonNullable<PageOptions['accept']>): string {
  const a = w.accept;
  const errors = (accept.errors ?? []).map(
    (path) => `<p class="error">${escapeHtml(a.errors[path as keyof typeof a.errors] ?? path)}</p>`,
  );
  return [
    `<div class="box"><h2>${escapeHtml(a.title)}</h2>`,
    ...errors,
    `<form method="post" action="${escapeHtml(accept.action)}" id="accept">`,
    `<label for="signerName">${escapeHtml(a.name)}</label>`,
    `<input type="text" id="signerName" name="signerName" required maxlength="200" autocomplete="name" value="${escapeHtml(accept.signerName ?? '')}">`,
    '<div id="signature-box" hidden>',
    `<label for="pad">${escapeHtml(a.signature)}</label>`,
    '<canvas id="pad" width="600" height="180"></canvas>',
    `<button type="button" class="secondary" id="clear">${escapeHtml(a.clear)}</button>`,
    '</div>',
    '<input type="hidden" id="signature" name="signature" value="">',
    `<p class="sub">${escapeHtml(a.note)}</p>`,
    `<button type="submit">${escapeHtml(a.submit)}</button>`,
    '</form>',
    `<details${accept.reason ? ' open' : ''}><summary>${escapeHtml(w.decline.title)}</summary>`,
    `<form method="post" action="${escapeHtml(accept.declineAction)}" id="decline">`,
    `<label for="reason">${escapeHtml(w.decline.reason)}</label>`,
    `<textarea id="reason" name="reason" maxlength="2000">${escapeHtml(accept.reason ?? '')}</textarea>`,
    `<label for="declinerName">${escapeHtml(w.decline.name)}</label>`,
    `<input type="text" id="declinerName" name="signerName" maxlength="200" autocomplete="name">`,
    `<p><button type="submit" class="secondary">${escapeHtml(w.decline.submit)}</button></p>`,
    '</form></details></div>',
  ].join('\n');
}

export function documentPage(doc: Document, links: PageOptions): string {
  const language = doc.language;
  const w = WORDS[language];
  const l = LABELS[language];
  const money = (minor: number) => formatAmount(minor, doc.currency, language);
  const date = (d: string) => formatDate(d, language);
  const title = `${l.title[doc.type]} ${doc.number ?? ''}`.trim();
  const seller = doc.seller!;
  const buyer = doc.buyer!;
  const status = badge(doc, w, links.today);

  const facts: [string, string][] = [[l.issueDate, date(doc.issueDate!)]];
  if (doc.servicePeriod)
    facts.push([l.servicePeriod, `${date(doc.servicePeriod.start)} – ${date(doc.servicePeriod.end)}`]);
  else if (doc.serviceDate) facts.push([l.serviceDate, date(doc.serviceDate)]);
  if (doc.type === 'quote' && doc.validUntil) facts.push([l.validUntil, date(doc.validUntil)]);
  else if (doc.dueDate && doc.amountDue > 0) facts.push([l.dueDate, date(doc.dueDate)]);
  if (buyer.customerNumber) facts.push([l.customerNumber, buyer.customerNumber]);
  if (buyer.buyerReference) facts.push([l.buyerReference, buyer.buyerReference]);
  facts.push([w.to, [buyer.name, ...addressLines(buyer.address)].join(', ')]);

  const lines = doc.lines.map((line) => {
    const detail = [
      line.description,
      line.period ? `${l.period}: ${date(line.period.start)} – ${date(line.period.end)}` : null,
    ].filter(Boolean) as string[];
    return [
      '<tr>',
      `<td>${line.position}</td>`,
      `<td>${escapeHtml(line.name)}${detail.map((d) => `<div class="sub">${escapeHtml(d)}</div>`).join('')}</td>`,
      `<td class="num">${escapeHtml(`${formatDecimal(line.quantity, language)} ${unitName(line.unitCode, language)}`)}</td>`,
      `<td class="num">${escapeHtml(formatAmount(line.unitAmountDecimal, doc.currency, language))}</td>`,
      `<td class="num">${escapeHtml(money(line.netAmount))}</td>`,
      '</tr>',
    ].join('');
  });

  const totals: [string, string, boolean?][] = [[l.taxBasisTotal, money(doc.taxBasisTotal)]];
  for (const entry of doc.taxBreakdown) {
    const name =
      entry.category === 'S' ? l.standardRate(formatRate(entry.rate, language)) : l.category[entry.category];
    totals.push([name, money(entry.tax)]);
  }
  totals.push([l.grossTotal, money(doc.grossTotal), true]);
  if (doc.prepaidAmount !== 0) totals.push([l.prepaid, money(doc.prepaidAmount)]);
  if (doc.amountPaid !== 0) totals.push([w.paid, money(doc.amountPaid)]);
  if (doc.amountCredited !== 0) totals.push([w.credited, money(doc.amountCredited)]);
  if (doc.amountDue > 0 && doc.type !== 'quote' && doc.type !== 'pro_forma' && doc.status !== 'cancelled')
    totals.push([w.open, money(doc.amountOpen), true]);

  const sellerLines = [seller.legalName, ...addressLines(seller.address)];
  const sellerIds = [
    seller.vatId ? `${l.sellerVatId} ${seller.vatId}` : null,
    seller.taxNumber ? `${l.sellerTaxNumber} ${seller.taxNumber}` : null,
    seller.registrationId ?? null,
  ].filter(Boolean) as string[];

  const body = [
    `<div class="seller">${escapeHtml(w.from)}: ${escapeHtml(seller.legalName)}</div>`,
    `<h1>${escapeHtml(title)}</h1>`,
    links.preceding
      ? `<p class="sub">${escapeHtml(l.precedingDocument(links.preceding.number, date(links.preceding.issueDate)))}</p>`
      : '',
    `<span class="badge ${status.key}">${escapeHtml(status.text)}</span>`,
    doc.decision && doc.type === 'quote'
      ? ` <span class="sub">${escapeHtml(w.quoteAnswered(date(doc.decision.at.slice(0, 10))))}${
          doc.decision.signerName
            ? ` ${escapeHtml((doc.status === 'declined' ? w.decline.declinedBy : w.accept.signedBy)(doc.decision.signerName))}`
            : ''
        }</span>`
      : '',
    '<dl>',
    ...facts.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`),
    '</dl>',
    '<table><thead><tr>',
    `<th>${escapeHtml(l.columns.position)}</th><th>${escapeHtml(l.columns.item)}</th>`,
    `<th class="num">${escapeHtml(l.columns.quantity)}</th><th class="num">${escapeHtml(l.columns.unitPrice)}</th>`,
    `<th class="num">${escapeHtml(l.columns.amount)}</th>`,
    `</tr></thead><tbody>${lines.join('')}</tbody></table>`,
    '<table class="totals"><tbody>',
    ...totals.map(
      ([k, v, strong]) =>
        `<tr${strong ? ' class="strong"' : ''}><td>${escapeHtml(k)}</td><td class="num">${escapeHtml(v)}</td></tr>`,
    ),
    '</tbody></table>',
    paymentBlock(doc, w, links.payAction, links.fromCheckout),
    links.accept ? acceptForm(w, links.accept) : '',
    `<p><a class="button" href="${escapeHtml(links.pdfHref)}">${escapeHtml(w.pdf)}</a>${(
      links.eInvoices ?? []
    )
      .map(
        (e) =>
          ` <a class="button secondary" href="${escapeHtml(e.href)}">${escapeHtml(w.eInvoice(e.format))}</a>`,
      )
      .join('')}</p>`,
    `<footer>${[...sellerLines, ...sellerIds].map(escapeHtml).join(' · ')}</footer>`,
  ].join('\n');
  return layout(
    language,
    `${title} – ${seller.legalName}`,
    body,
    links.accept ? { nonce: links.accept.nonce, code: SIGNATURE_PAD } : undefined,
  );
}

/** When the provider cannot make a checkout (unreachable, or no longer connected): try later, or transfer. */
export function paymentUnavailablePage(language: DocumentLanguage, backHref: string): string {
  const w = WORDS[language];
  return layout(
    language,
    w.paymentUnavailable.title,
    `<h1>${escapeHtml(w.paymentUnavailable.title)}</h1><p>${escapeHtml(w.paymentUnavailable.text)}</p>` +
      `<p><a class="button" href="${escapeHtml(backHref)}">${escapeHtml(w.back)}</a></p>`,
  );
}

/** The page of a link that expired or was revoked, in the document's language. */
export function expiredPage(language: DocumentLanguage): string {
  const { title, text } = WORDS[language].expiredLink;
  return layout(language, title, `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p>`);
}

/**
 * The page of a portal request that could not be taken: a form with a character the API refuses or too large
 * to accept (4xx), or a failure on our side (5xx). Both languages, since the document may not have been read;
 * `backHref` leads back to the document's page.
 */
export function requestFailedPage(status: number, backHref: string | null, requestId: string): string {
  if (status === 429) {
    return layout(
      'de',
      'Zu viele Anfragen / Too many requests',
      [
        '<h1 lang="de">Zu viele Anfragen</h1><p lang="de">Bitte warten Sie eine Minute und versuchen Sie es dann noch einmal.</p>',
        '<h1 lang="en">Too many requests</h1><p lang="en">Please wait a minute, then try again.</p>',
        `<p class="sub">${escapeHtml(`Status ${status} · ${requestId}`)}</p>`,
      ].join('\n'),
    );
  }
  const ours = status >= 500;
  const back = backHref ? `<p><a class="button" href="${escapeHtml(backHref)}">Zurück / Back</a></p>` : '';
  return layout(
    'de',
    ours ? 'Fehler / Error' : 'Eingabe nicht angenommen / Input not accepted',
    [
      ours
        ? '<h1 lang="de">Etwas ist schiefgegangen</h1><p lang="de">Bitte versuchen Sie es später noch einmal.</p>'
        : '<h1 lang="de">Ihre Eingabe wurde nicht angenommen</h1><p lang="de">Sie enthielt ein Zeichen, das wir nicht verarbeiten können, oder war zu groß. Es wurde nichts gespeichert; bitte versuchen Sie es noch einmal.</p>',
      ours
        ? '<h1 lang="en">Something went wrong</h1><p lang="en">Please try again later.</p>'
        : '<h1 lang="en">Your input was not accepted</h1><p lang="en">It held a character we cannot process, or it was too large. Nothing was saved; please try again.</p>',
      `<p class="sub">${escapeHtml(`Status ${status} · ${requestId}`)}</p>`,
      back,
    ].join('\n'),
  );
}

/** The page of a link that opens nothing: both languages, since the document (and its language) is unknown. */
export function notFoundPage(): string {
  return layout(
    'de',
    'Link ungültig / Link not valid',
    [
      '<h1 lang="de">Dieser Link ist ungültig</h1>',
      '<p lang="de">Bitte prüfen Sie, ob Sie ihn vollständig aus der E-Mail übernommen haben.</p>',
      '<h1 lang="en">This link is not valid</h1>',
      '<p lang="en">Please check that it was copied from the e-mail in full.</p>',
    ].join('\n'),
  );
}
