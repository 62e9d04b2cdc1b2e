import { formatAmount, formatDate } from '../documents/labels';
import { escapeHtml } from '../html';
import type { MailText } from '../sending/message';
import { DUNNING_WORDS } from './labels';
import type { DunningLetterData } from './pdf';

/**
 * Subject, plain text and HTML of the mail that carries a dunning letter, in the letter's language. Pure: the
 * same letter gives the same mail, so a retry sends the same words. The PDF attached says everything; the
 * mail names the invoices and the total so the customer sees at a glance what it is about.
 */
export function composeDunningMail(data: DunningLetterData): MailText {
  const { language } = data;
  const w = DUNNING_WORDS[language].mail;
  const money = (minor: number) => formatAmount(minor, data.currency, language);
  const date = (d: string) => formatDate(d, language);
  const intro = w.intro(data.title, date(data.issueDate));
  const lines = data.invoices.map((i) => w.invoiceLine(i.number, date(i.dueDate), money(i.openAmount)));
  const total = w.total(money(data.total), date(data.payBy));
  const closing = DUNNING_WORDS[language].closing;
  const seller = data.seller.legalName;
  const text = [w.greeting, '', intro, ...lines, '', total, w.attached, '', closing, seller, ''].join('\n');
  const html = [
    '<!doctype html>',
    `<html lang="${language}"><body style="font-family: sans-serif; line-height: 1.5">`,
    `<p>${escapeHtml(w.greeting)}</p>`,
    `<p>${escapeHtml(intro)}</p>`,
    `<ul>${data.invoices
      .map((_, i) => `<li>${escapeHtml(lines[i]!.replace(/^- /, ''))}</li>`)
      .join('')}</ul>`,
    `<p>${escapeHtml(total)} ${escapeHtml(w.attached)}</p>`,
    `<p>${escapeHtml(closing)}<br>${escapeHtml(seller)}</p>`,
    '</body></html>',
  ].join('\n');
  return { subject: w.subject(data.title, seller), text, html };
}
