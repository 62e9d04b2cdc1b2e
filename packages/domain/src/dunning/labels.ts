import type { DocumentLanguage } from '../documents/types';
import type { CustomerType } from './types';

/**
 * The words of a dunning letter and its e-mail, German and English, in the register German dunning practice
 * uses: level 1 assumes an oversight, later levels state the default and its costs. Shared labels (page
 * numbers, bank rows) come from documents/labels.ts so every letter reads alike.
 */
export interface DunningWords {
  info: { date: string; customerNumber: string; reference: string; payBy: string };
  salutation: string;
  /** Level 1: the friendly reminder. */
  reminderIntro: (payBy: string) => string;
  /** Level 2 and later: the dunning notice. */
  dunningIntro: (total: string, payBy: string) => string;
  columns: {
    invoice: string;
    issueDate: string;
    dueDate: string;
    daysOverdue: string;
    openAmount: string;
    interest: string;
    total: string;
  };
  openTotal: string;
  interestTotal: string;
  fee: string;
  total: string;
  interestHeading: string;
  interestBasis: (type: CustomerType, points: string) => string;
  interestLine: (
    invoice: string,
    amount: string,
    rate: string,
    baseRate: string,
    from: string,
    to: string,
    days: number,
  ) => string;
  payment: string;
  transfer: (amount: string, payBy: string) => string;
  payWithoutAccount: (amount: string, payBy: string) => string;
  noVat: string;
  alreadyPaid: string;
  closing: string;
  mail: {
    subject: (title: string, seller: string) => string;
    greeting: string;
    intro: (title: string, date: string) => string;
    invoiceLine: (number: string, dueDate: string, open: string) => string;
    total: (amount: string, payBy: string) => string;
    attached: string;
  };
}

export const DUNNING_WORDS: Record<DocumentLanguage, DunningWords> = {
  de: {
    info: { date: 'Datum', customerNumber: 'Kundennr.', reference: 'Vorgang', payBy: 'Zahlbar bis' },
    salutation: 'Sehr geehrte Damen und Herren,',
    reminderIntro: (payBy) =>
      `sicher ist es Ihrer Aufmerksamkeit entgangen: Für die folgenden Rechnungen konnten wir bis heute keinen vollständigen Zahlungseingang feststellen. Bitte überweisen Sie den offenen Betrag bis zum ${payBy}.`,
    dunningIntro: (total, payBy) =>
      `trotz Fälligkeit konnten wir für die folgenden Rechnungen bis heute keinen vollständigen Zahlungseingang feststellen. Bitte überweisen Sie den Gesamtbetrag von ${total} bis zum ${payBy}.`,
    columns: {
      // the table's columns are narrow: long German words break where a person would break them
      invoice: 'Rechnung',
      issueDate: 'Rechnungs-\ndatum',
      dueDate: 'Fällig am',
      daysOverdue: 'Tage\nüberfällig',
      openAmount: 'Offener\nBetrag',
      interest: 'Zinsen',
      total: 'Summe',
    },
    openTotal: 'Offene Rechnungsbeträge',
    interestTotal: 'Verzugszinsen',
    fee: 'Mahngebühr',
    total: 'Gesamtbetrag',
    interestHeading: 'Verzugszinsen',
    interestBasis: (type, points) =>
      type === 'business'
        ? `Verzugszinsen nach § 288 Abs. 2 BGB: ${points} Prozentpunkte über dem Basiszinssatz (§ 247 BGB), berechnet taggenau (act/365) ab dem Tag nach Fälligkeit.`
        : `Verzugszinsen nach § 288 Abs. 1 BGB: ${points} Prozentpunkte über dem Basiszinssatz (§ 247 BGB), berechnet taggenau (act/365) ab dem Tag nach Fälligkeit.`,
    interestLine: (invoice, amount, rate, baseRate, from, to, days) =>
      `${invoice}: ${amount} × ${rate} % p. a. (Basiszinssatz ${baseRate} %) vom ${from} bis ${to}, ${days} Tage`,
    payment: 'Zahlung',
    transfer: (amount, payBy) => `Bitte überweisen Sie ${amount} bis zum ${payBy} auf das folgende Konto.`,
    payWithoutAccount: (amount, payBy) => `Bitte begleichen Sie ${amount} bis zum ${payBy}.`,
    noVat:
      'Mahngebühren und Verzugszinsen sind Schadensersatz und unterliegen nicht der Umsatzsteuer. Dieses Schreiben ist keine Rechnung.',
    alreadyPaid:
      'Sollten Sie die Zahlung inzwischen veranlasst haben, betrachten Sie dieses Schreiben bitte als gegenstandslos.',
    closing: 'Mit freundlichen Grüßen',
    mail: {
      subject: (title, seller) => `${title} von ${seller}`,
      greeting: 'Guten Tag,',
      // „Schreiben“ names any title without a German article to agree with (Mahnung, Zahlungserinnerung …)
      intro: (title, date) =>
        `anbei erhalten Sie unser Schreiben „${title}“ vom ${date} zu folgenden offenen Rechnungen:`,
      invoiceLine: (number, dueDate, open) => `- Rechnung ${number}, fällig am ${dueDate}: ${open} offen`,
      total: (amount, payBy) => `Bitte überweisen Sie den Gesamtbetrag von ${amount} bis zum ${payBy}.`,
      attached: 'Das Schreiben mit allen Einzelheiten finden Sie als PDF im Anhang.',
    },
  },
  en: {
    info: { date: 'Date', customerNumber: 'Customer no.', reference: 'Reference', payBy: 'Pay by' },
    salutation: 'Dear Sir or Madam,',
    reminderIntro: (payBy) =>
      `this may have escaped your attention: we have not yet received full payment for the invoices below. Please transfer the outstanding amount by ${payBy}.`,
    dunningIntro: (total, payBy) =>
      `although the invoices below are due, we have not yet received full payment for them. Please transfer the total of ${total} by ${payBy}.`,
    columns: {
      invoice: 'Invoice',
      issueDate: 'Invoice\ndate',
      dueDate: 'Due date',
      daysOverdue: 'Days\noverdue',
      openAmount: 'Open\namount',
      interest: 'Interest',
      total: 'Total',
    },
    openTotal: 'Open invoice amounts',
    interestTotal: 'Default interest',
    fee: 'Dunning fee',
    total: 'Total',
    interestHeading: 'Default interest',
    interestBasis: (type, points) =>
      type === 'business'
        ? `Default interest under § 288(2) BGB (German Civil Code): ${points} percentage points above the base rate (§ 247 BGB), by the day (act/365) from the day after the due date.`
        : `Default interest under § 288(1) BGB (German Civil Code): ${points} percentage points above the base rate (§ 247 BGB), by the day (act/365) from the day after the due date.`,
    interestLine: (invoice, amount, rate, baseRate, from, to, days) =>
      `${invoice}: ${amount} × ${rate} % p.a. (base rate ${baseRate} %) from ${from} to ${to}, ${days} days`,
    payment: 'Payment',
    transfer: (amount, payBy) => `Please transfer ${amount} by ${payBy} to the following account.`,
    payWithoutAccount: (amount, payBy) => `Please pay ${amount} by ${payBy}.`,
    noVat:
      'Dunning fees and default interest are damages and not subject to VAT. This letter is not an invoice.',
    alreadyPaid: 'If you have paid in the meantime, please disregard this letter.',
    closing: 'Kind regards',
    mail: {
      subject: (title, seller) => `${title} from ${seller}`,
      greeting: 'Hello,',
      intro: (title, date) =>
        `please find attached our letter “${title}” of ${date} about these open invoices:`,
      invoiceLine: (number, dueDate, open) => `- Invoice ${number}, due ${dueDate}: ${open} open`,
      total: (amount, payBy) => `Please transfer the total of ${amount} by ${payBy}.`,
      attached: 'The letter with all details is attached as a PDF.',
    },
  },
};
