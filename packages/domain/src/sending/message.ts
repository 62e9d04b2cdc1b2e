import { formatAmount, formatDate, LABELS, maskIban } from '../documents/labels';
import type { DocumentData, DocumentLanguage } from '../documents/types';
import { escapeHtml } from '../html';

/**
 * The text of a document's e-mail, in the document's language (German or English, as the document itself).
 * Pure: the same document, link and attachments give the same mail, so a retry sends the same words.
 */

export interface MailText {
  subject: string;
  text: string;
  html: string;
}

export interface MailTextInput {
  document: Pick<
    DocumentData,
    'type' | 'number' | 'issueDate' | 'dueDate' | 'currency' | 'language' | 'precedingDocument' | 'totals'
  > &
    Partial<Pick<DocumentData, 'paymentMeans'>> & { seller: { legalName: string } };
  /** The customer portal link of this mail. */
  portalUrl: string;
  /** What is attached: the plain PDF, a Factur-X PDF, and/or an XRechnung XML. */
  eInvoice: 'xrechnung' | 'zugferd' | null;
  /**
   * What the customer still owes on the document when the mail goes out (payments/rules.openAmount); the
   * document's amount due when not given. An invoice paid meanwhile must not ask to be paid again.
   */
  amountOpen?: number;
  /**
   * The day the mail goes out (the organisation's calendar day). A due date before it is past: the mail says
   * when the amount was due instead of asking to pay "by" a day gone (an overdue invoice sent again).
   */
  today?: string;
  /**
   * A quote the buyer has accepted: the day they did (the organisation's calendar day). Sent again, its mail
   * says so instead of offering it "until" a date, as if it were still waiting for an answer.
   */
  acceptedOn?: string | null;
}

interface Words {
  subject: (title: string, number: string, seller: string) => string;
  greeting: string;
  attached: (what: string, number: string, date: string, amount: string) => string;
  payBy: (date: string) => string;
  payRest: (amount: string, date: string) => string;
  overdue: (amount: string, date: string) => string;
  debit: (date: string, iban: string) => string;
  validUntil: (date: string) => string;
  accepted: (date: string) => string;
  refers: (number: string, date: string) => string;
  credit: string;
  files: Record<'pdf' | 'xrechnung' | 'zugferd', string>;
  online: string;
  closing: string;
}

// "unsere Rechnung", "unser Angebot": the possessive follows the German noun's gender
const GERMAN_NEUTER = new Set(['quote']);

const WORDS: Record<DocumentLanguage, Words> = {
  de: {
    subject: (title, number, seller) => `${title} ${number} von ${seller}`,
    greeting: 'Guten Tag,',
    attached: (what, number, date, amount) =>
      `anbei erhalten Sie ${what} ${number} vom ${date} über ${amount}.`,
    payBy: (date) => `Bitte begleichen Sie den Betrag bis zum ${date}.`,
    payRest: (amount, date) => `Davon sind noch ${amount} offen; bitte begleichen Sie sie bis zum ${date}.`,
    overdue: (amount, date) =>
      `Der offene Betrag von ${amount} war am ${date} fällig; bitte begleichen Sie ihn umgehend.`,
    debit: (date, iban) =>
      `Der Betrag wird am ${date} per SEPA-Lastschrift von Ihrem Konto ${iban} eingezogen; Sie brauchen nichts zu überweisen.`,
    validUntil: (date) => `Das Angebot gilt bis zum ${date}.`,
    accepted: (date) => `Sie haben das Angebot am ${date} angenommen.`,
    refers: (number, date) => `Sie bezieht sich auf die Rechnung ${number} vom ${date}.`,
    credit: 'Der Betrag wird Ihnen gutgeschrieben.',
    files: {
      pdf: 'Das Dokument finden Sie als PDF im Anhang.',
      xrechnung: 'Im Anhang finden Sie das Dokument als PDF und als E-Rechnung (XRechnung).',
      zugferd:
        'Im Anhang finden Sie das Dokument als E-Rechnung im ZUGFeRD-Format (PDF mit eingebetteten XML-Daten).',
    },
    online: 'Online ansehen:',
    closing: 'Mit freundlichen Grüßen',
  },
  en: {
    subject: (title, number, seller) => `${title} ${number} from ${seller}`,
    greeting: 'Hello,',
    attached: (what, number, date, amount) =>
      `please find attached ${what} ${number} of ${date} for ${amount}.`,
    payBy: (date) => `Please pay the amount by ${date}.`,
    payRest: (amount, date) => `Of this, ${amount} is still open; please pay it by ${date}.`,
    overdue: (amount, date) =>
      `The open amount of ${amount} was due on ${date}; please pay it without delay.`,
    debit: (date, iban) =>
      `The amount will be collected by SEPA direct debit from your account ${iban} on ${date}; there is no need to transfer it.`,
    validUntil: (date) => `The offer is valid until ${date}.`,
    accepted: (date) => `You accepted this offer on ${date}.`,
    refers: (number, date) => `It refers to invoice ${number} of ${date}.`,
    credit: 'The amount will be credited to you.',
    files: {
      pdf: 'The document is attached as a PDF.',
      xrechnung: 'The document is attached as a PDF and as an e-invoice (XRechnung).',
      zugferd: 'The document is attached as a ZUGFeRD e-invoice (a PDF with the XML data embedded).',
    },
    online: 'View it online:',
    closing: 'Kind regards',
  },
};

/** "unsere Rechnung" / "our invoice": the document named as the sender's. */
function possessive(language: DocumentLanguage, type: string, title: string): string {
  if (language === 'de') return `${GERMAN_NEUTER.has(type) ? 'unser' : 'unsere'} ${title}`;
  return `our ${title.charAt(0).toLowerCase()}${title.slice(1)}`;
}

/** Subject, plain text and HTML of the mail that carries one document. */
export function composeMail(input: MailTextInput): MailText {
  const { document: doc, portalUrl } = input;
  const language = doc.language;
  const w = WORDS[language];
  const title = LABELS[language].title[doc.type];
  // credit notes and cancellations carry negative totals: the mail names the amount, the sign is in the words
  const amount = formatAmount(Math.abs(doc.totals.grossTotal), doc.currency, language);
  const paragraphs: string[] = [
    w.attached(
      possessive(language, doc.type, title),
      doc.number,
      formatDate(doc.issueDate, language),
      amount,
    ),
  ];
  const facts: string[] = [];
  if (doc.precedingDocument) {
    facts.push(w.refers(doc.precedingDocument.number, formatDate(doc.precedingDocument.issueDate, language)));
  }
  if (doc.type === 'quote' && input.acceptedOn)
    facts.push(w.accepted(formatDate(input.acceptedOn, language)));
  else if (doc.type === 'quote' && doc.dueDate) facts.push(w.validUntil(formatDate(doc.dueDate, language)));
  else if (doc.type === 'credit_note') facts.push(w.credit);
  else if (doc.totals.amountDue > 0 && (input.amountOpen ?? doc.totals.amountDue) <= 0) {
    facts.push(LABELS[language].settled);
  } else if (doc.totals.amountDue > 0 && doc.paymentMeans?.kind === 'sepa_debit') {
    // the PDF pre-notifies the collection (documents/pdf.ts paymentBlock): asking for a transfer as well would
    // have the customer pay twice
    const means = doc.paymentMeans;
    const date = means.collectionDate ?? doc.dueDate ?? doc.issueDate;
    facts.push(w.debit(formatDate(date, language), maskIban(means.debtorIban)));
  } else if (doc.dueDate && doc.totals.amountDue > 0) {
    const open = input.amountOpen ?? doc.totals.amountDue;
    const due = formatDate(doc.dueDate, language);
    if (input.today && doc.dueDate < input.today)
      facts.push(w.overdue(formatAmount(open, doc.currency, language), due));
    else
      facts.push(
        open < doc.totals.amountDue
          ? w.payRest(formatAmount(open, doc.currency, language), due)
          : w.payBy(due),
      );
  }
  if (facts.length > 0) paragraphs[0] = `${paragraphs[0]} ${facts.join(' ')}`;
  paragraphs.push(w.files[input.eInvoice ?? 'pdf']);

  const seller = doc.seller.legalName;
  const text = [
    w.greeting,
    '',
    ...paragraphs.flatMap((p) => [p, '']),
    w.online,
    portalUrl,
    '',
    w.closing,
    seller,
    '',
  ].join('\n');
  const html = [
    '<!doctype html>',
    `<html lang="${language}"><body style="font-family: sans-serif; line-height: 1.5">`,
    `<p>${escapeHtml(w.greeting)}</p>`,
    ...paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
    `<p>${escapeHtml(w.online)} <a href="${escapeHtml(portalUrl)}">${escapeHtml(portalUrl)}</a></p>`,
    `<p>${escapeHtml(w.closing)}<br>${escapeHtml(seller)}</p>`,
    '</body></html>',
  ].join('\n');
  return { subject: w.subject(title, doc.number, seller), text, html };
}
