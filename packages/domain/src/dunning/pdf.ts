import PDFDocument from 'pdfkit';
import { formatAmount, formatDate, formatIban, formatRate, LABELS, LOCALES } from '../documents/labels';
import { letterLayout as L } from '../documents/pdf';
import type { BuyerSnapshot, DocumentLanguage, SellerSnapshot } from '../documents/types';
import type { Branding } from '../organizations/types';
import { DUNNING_WORDS, type DunningWords } from './labels';
import type { CustomerType, DunningNoticeInvoice } from './types';

/**
 * The dunning letter as PDF, on the same letterhead as the organisation's invoices (documents/pdf.ts:
 * fonts, DIN 5008 form B address window, colours, footer columns). Everything printed comes from
 * `DunningLetterData`, frozen on the notice when it is issued, so rendering it again gives the same bytes
 * (the CreationDate is the notice's creation instant; no other clock or random source is involved).
 */

/** What a letter shows, frozen when the notice is issued. */
export interface DunningLetterData {
  noticeId: string;
  level: number;
  title: string;
  /** The letter's date (YYYY-MM-DD). */
  issueDate: string;
  /** The instant it was issued: the PDF's CreationDate. */
  issuedAt: string;
  payBy: string;
  currency: string;
  language: DocumentLanguage;
  customerType: CustomerType;
  seller: SellerSnapshot;
  buyer: BuyerSnapshot;
  branding: Branding;
  invoices: DunningNoticeInvoice[];
  fee: number;
  interestTotal: number;
  openTotal: number;
  total: number;
}

type Doc = InstanceType<typeof PDFDocument>;

interface Ctx {
  doc: Doc;
  data: DunningLetterData;
  w: DunningWords;
  t: (typeof LABELS)[DocumentLanguage];
  primary: string;
  onPrimary: string;
  accent: string;
  money: (minor: number) => string;
  date: (d: string) => string;
}

// drawing and the footer are the invoices' own (documents/pdf.ts), so every letter looks the same
const { text, height, rule } = L;

/** "1. Mahnung · 20.03.2026": the PDF's title. */
export function letterTitle(data: Pick<DunningLetterData, 'title' | 'issueDate' | 'language'>): string {
  return `${data.title} · ${formatDate(data.issueDate, data.language)}`;
}

/** The file name of the letter, e.g. `1-Mahnung-2026-03-20.pdf`. */
export function letterFilename(data: Pick<DunningLetterData, 'title' | 'issueDate'>): string {
  const slug = data.title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `${slug || 'Dunning'}-${data.issueDate}.pdf`;
}

/** Renders the letter as an A4 PDF/A-3b in its language. The result depends on `data` alone. */
export function renderDunningPdf(data: DunningLetterData): Promise<Buffer> {
  const { regular, semibold } = L.loadFonts();
  const title = letterTitle(data);
  const info = {
    Title: title,
    Author: data.seller.legalName,
    Subject: title,
    Creator: 'Fakturo',
    Producer: 'Fakturo',
    CreationDate: new Date(data.issuedAt),
  };
  const doc = new PDFDocument({
    size: 'A4',
    margin: 0,
    bufferPages: true,
    autoFirstPage: false,
    pdfVersion: '1.7',
    lang: LOCALES[data.language],
    displayTitle: true,
    font: null,
    info,
    subset: 'PDF/A-3b',
  } as unknown as PDFKit.PDFDocumentOptions);
  // as for invoices: Info and XMP must stay equal and escaped (PDF/A 6.6.2.3)
  (doc as unknown as { _addInfo: () => void })._addInfo = () => doc.appendXML(L.xmpInfo(info));
  doc.registerFont('regular', regular as never);
  doc.registerFont('semibold', semibold as never);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const primary = L.validColor(data.branding.primaryColor) ?? L.DEFAULT_PRIMARY;
  const ctx: Ctx = {
    doc,
    data,
    w: DUNNING_WORDS[data.language],
    t: LABELS[data.language],
    primary,
    onPrimary: L.luminance(primary) > 0.55 ? L.INK : '#ffffff',
    accent: L.luminance(primary) > 0.18 ? L.INK : primary,
    money: (minor) => formatAmount(minor, data.currency, data.language),
    date: (d) => formatDate(d, data.language),
  };

  doc.addPage();
  let y = letterhead(ctx);
  y = intro(ctx, y);
  y = invoiceTable(ctx, y);
  y = totals(ctx, y);
  y = interestBlock(ctx, y);
  y = paymentBlock(ctx, y);
  closing(ctx, y);
  L.finishPages(ctx);
  doc.end();
  return done;
}

// ——— first page: logo, sender line, address window, information block, title ———

function letterhead(ctx: Ctx): number {
  const { doc, data, w } = ctx;
  const { seller, buyer } = data;
  const logo = L.logoImage(data.branding.logo);
  let placed = false;
  if (logo) {
    try {
      doc.image(logo, L.RIGHT - 60 * L.MM, 12 * L.MM, { fit: [60 * L.MM, 22 * L.MM], align: 'right' });
      placed = true;
    } catch {
      // an unreadable logo must not stop the letter: the name stands instead
    }
  }
  if (!placed) {
    text(ctx, seller.legalName, L.RIGHT - 90 * L.MM, 14 * L.MM, {
      font: 'semibold',
      size: 15,
      color: ctx.accent,
      width: 90 * L.MM,
      align: 'right',
    });
  }
  for (const [at, len] of [
    [105, 5],
    [148.5, 7],
    [210, 5],
  ] as const) {
    rule(ctx, at * L.MM, '#9ca3af', 3.5 * L.MM, (3.5 + len) * L.MM, 0.4);
  }
  const senderLine = [
    seller.legalName,
    seller.address.line1,
    `${seller.address.postalCode} ${seller.address.city}`,
  ]
    .filter(Boolean)
    .join(' · ');
  text(ctx, senderLine, L.LEFT, 57.5 * L.MM, { size: 6.5, color: L.MUTED, width: 80 * L.MM, lineGap: 0 });
  rule(ctx, 61 * L.MM, L.RULE, L.LEFT, L.LEFT + 80 * L.MM, 0.4);
  let ay = 63.5 * L.MM;
  for (const [i, line] of [
    buyer.name,
    ...(buyer.addressee ? [buyer.addressee] : []),
    ...L.addressLines(buyer.address, seller.address.country, data.language),
  ].entries()) {
    ay += text(ctx, line, L.LEFT, ay, {
      size: 9.5,
      font: i === 0 ? 'semibold' : 'regular',
      width: 80 * L.MM,
      lineGap: 0.6,
    });
  }

  const rows: [string, string][] = [[w.info.date, ctx.date(data.issueDate)]];
  if (buyer.customerNumber) rows.push([w.info.customerNumber, buyer.customerNumber]);
  rows.push([w.info.payBy, ctx.date(data.payBy)]);
  let iy = 50 * L.MM;
  const labelX = 125 * L.MM;
  const valueX = 150 * L.MM;
  for (const [label, value] of rows) {
    text(ctx, label, labelX, iy, { size: 8, color: L.MUTED, width: valueX - labelX - 4 });
    const h = text(ctx, value, valueX, iy, { size: 8, width: L.RIGHT - valueX, align: 'right' });
    iy += Math.max(h, 11);
  }
  const ty = Math.max(100 * L.MM, iy + 6 * L.MM);
  text(ctx, data.title, L.LEFT, ty, { font: 'semibold', size: 15, color: ctx.accent });
  return ty + 26;
}

function intro(ctx: Ctx, startY: number): number {
  const { data, w } = ctx;
  let y = startY;
  y += text(ctx, w.salutation, L.LEFT, y, { size: 9.5, width: L.WIDTH }) + 6;
  const payBy = ctx.date(data.payBy);
  const request = data.level <= 1 ? w.reminderIntro(payBy) : w.dunningIntro(ctx.money(data.total), payBy);
  const paragraph = `${request} ${w.alreadyPaid}`;
  y += text(ctx, paragraph, L.LEFT, y, { size: 9.5, width: L.WIDTH }) + 10;
  return y;
}

function newPage(ctx: Ctx): number {
  ctx.doc.addPage();
  text(ctx, ctx.data.seller.legalName, L.LEFT, 14 * L.MM, { font: 'semibold', size: 9, color: ctx.accent });
  text(ctx, letterTitle(ctx.data), L.LEFT, 14 * L.MM, {
    size: 9,
    color: L.MUTED,
    width: L.WIDTH,
    align: 'right',
  });
  rule(ctx, 20 * L.MM);
  return 25 * L.MM;
}

// ——— the table of overdue invoices ———

type ColumnKey = keyof DunningWords['columns'];
const COLUMNS: { key: ColumnKey; width: number; align: 'left' | 'right' }[] = [
  { key: 'invoice', width: 0, align: 'left' },
  { key: 'issueDate', width: 68, align: 'right' },
  { key: 'dueDate', width: 68, align: 'right' },
  { key: 'daysOverdue', width: 54, align: 'right' },
  { key: 'openAmount', width: 68, align: 'right' },
  { key: 'interest', width: 54, align: 'right' },
  { key: 'total', width: 68, align: 'right' },
];
const PAD = 5;

function columns() {
  const fixed = COLUMNS.reduce((s, c) => s + c.width, 0);
  return COLUMNS.map((c) => (c.key === 'invoice' ? { ...c, width: L.WIDTH - fixed } : c));
}

function tableHeader(ctx: Ctx, y: number): number {
  const cols = columns();
  const labels = cols.map((c) => ctx.w.columns[c.key]);
  const h =
    Math.max(
      ...cols.map((c, i) => height(ctx, labels[i]!, { font: 'semibold', size: 8, width: c.width - 2 * PAD })),
    ) + 10;
  ctx.doc.rect(L.LEFT, y, L.WIDTH, h).fill(ctx.primary);
  let x = L.LEFT;
  for (const [i, col] of cols.entries()) {
    text(ctx, labels[i]!, x + PAD, y + 5, {
      font: 'semibold',
      size: 8,
      color: ctx.onPrimary,
      width: col.width - 2 * PAD,
      align: col.align,
    });
    x += col.width;
  }
  return y + h;
}

function invoiceTable(ctx: Ctx, startY: number): number {
  const cols = columns();
  let y = startY;
  if (y + 60 > L.BODY_BOTTOM) y = newPage(ctx);
  y = tableHeader(ctx, y);
  for (const invoice of ctx.data.invoices) {
    const cells: Record<ColumnKey, string> = {
      invoice: invoice.number,
      issueDate: ctx.date(invoice.issueDate),
      dueDate: ctx.date(invoice.dueDate),
      daysOverdue: String(invoice.daysOverdue),
      openAmount: ctx.money(invoice.openAmount),
      interest: ctx.money(invoice.interest),
      total: ctx.money(invoice.openAmount + invoice.interest),
    };
    const rowHeight =
      Math.max(...cols.map((c) => height(ctx, cells[c.key], { size: 9, width: c.width - 2 * PAD }))) +
      2 * PAD;
    if (y + rowHeight > L.BODY_BOTTOM) y = tableHeader(ctx, newPage(ctx));
    let x = L.LEFT;
    for (const col of cols) {
      text(ctx, cells[col.key], x + PAD, y + PAD, {
        size: 9,
        font: col.key === 'invoice' ? 'semibold' : 'regular',
        width: col.width - 2 * PAD,
        align: col.align,
      });
      x += col.width;
    }
    y += rowHeight;
    rule(ctx, y);
  }
  return y;
}

// ——— totals: open amounts, interest, fee (no VAT), total ———

function totals(ctx: Ctx, startY: number): number {
  const { data, w } = ctx;
  const rows: [string, number, boolean][] = [[w.openTotal, data.openTotal, false]];
  if (data.interestTotal > 0) rows.push([w.interestTotal, data.interestTotal, false]);
  if (data.fee > 0) rows.push([w.fee, data.fee, false]);
  rows.push([w.total, data.total, true]);
  const rowH = 15;
  let y = startY + 10;
  if (y + rows.length * (rowH + 3) > L.BODY_BOTTOM) y = newPage(ctx);
  const top = y;
  const sw = 80 * L.MM;
  const sx = L.RIGHT - sw;
  for (const [label, amount, strong] of rows) {
    if (strong) ctx.doc.rect(sx, y - 3, sw, rowH + 3).fill(ctx.primary);
    const color = strong ? ctx.onPrimary : L.INK;
    const font = strong ? 'semibold' : 'regular';
    text(ctx, label, sx + 4, y, { size: 9, font, color, width: sw * 0.6 - 6 });
    text(ctx, ctx.money(amount), sx + sw * 0.6, y, {
      size: 9,
      font,
      color,
      width: sw * 0.4 - 4,
      align: 'right',
    });
    y += rowH + (strong ? 3 : 0);
  }
  // beside the costs it explains; a free reminder without interest claims no costs and needs no note
  let noteBottom = top;
  if (data.fee > 0 || data.interestTotal > 0) {
    noteBottom += text(ctx, w.noVat, L.LEFT, top, {
      size: 7.5,
      color: L.MUTED,
      width: sx - L.LEFT - 8 * L.MM,
    });
  }
  return Math.max(y, noteBottom) + 10;
}

interface Block {
  heading: string;
  paragraphs: { text: string; strong?: boolean; muted?: boolean; size?: number }[];
  rows?: [string, string][];
}

function blockHeight(ctx: Ctx, block: Block): number {
  let h = block.heading ? 16 : 0;
  for (const p of block.paragraphs) h += height(ctx, p.text, { width: L.WIDTH, size: p.size ?? 9 }) + 4;
  return h + (block.rows?.length ?? 0) * 12;
}

function drawBlock(ctx: Ctx, block: Block, startY: number): number {
  let y = startY;
  if (y + blockHeight(ctx, block) > L.BODY_BOTTOM) y = newPage(ctx);
  if (block.heading) {
    text(ctx, block.heading, L.LEFT, y, { font: 'semibold', size: 9.5, color: ctx.accent });
    y += 15;
  }
  for (const p of block.paragraphs) {
    y +=
      text(ctx, p.text, L.LEFT, y, {
        size: p.size ?? 9,
        width: L.WIDTH,
        font: p.strong ? 'semibold' : 'regular',
        color: p.muted ? L.MUTED : L.INK,
      }) + 4;
  }
  for (const [label, value] of block.rows ?? []) {
    text(ctx, label, L.LEFT, y, { size: 9, color: L.MUTED, width: 35 * L.MM });
    text(ctx, value, L.LEFT + 35 * L.MM, y, { size: 9, font: 'semibold', width: L.WIDTH - 35 * L.MM });
    y += 12;
  }
  return y + 8;
}

/** How the interest was reckoned, invoice by invoice and stretch by stretch, so the debtor can check it. */
function interestBlock(ctx: Ctx, y: number): number {
  const { data, w } = ctx;
  const lines = data.invoices.flatMap((invoice) =>
    invoice.interestPeriods.map((p) => ({
      text: w.interestLine(
        invoice.number,
        ctx.money(invoice.openAmount),
        formatRate(p.rate, data.language),
        formatRate(p.baseRate, data.language),
        ctx.date(p.from),
        ctx.date(p.to),
        p.days,
      ),
      size: 8.5,
    })),
  );
  if (lines.length === 0) return y;
  const points = data.invoices.find((i) => i.interestPeriods.length > 0)!.interestPeriods[0]!.points;
  return drawBlock(
    ctx,
    {
      heading: w.interestHeading,
      paragraphs: [{ text: w.interestBasis(data.customerType, points), muted: true, size: 8.5 }, ...lines],
    },
    y,
  );
}

function paymentBlock(ctx: Ctx, y: number): number {
  const { data, w, t } = ctx;
  const amount = ctx.money(data.total);
  const payBy = ctx.date(data.payBy);
  const bank = data.seller.bankAccount;
  if (!bank)
    return drawBlock(
      ctx,
      { heading: w.payment, paragraphs: [{ text: w.payWithoutAccount(amount, payBy) }] },
      y,
    );
  // one line for the account: the letter stays on one page for the usual one to three invoices
  const account = [formatIban(bank.iban), bank.bic ? `${t.bic} ${bank.bic}` : null, bank.bankName]
    .filter(Boolean)
    .join(' · ');
  const rows: [string, string][] = [
    [t.accountHolder, bank.accountHolder ?? data.seller.legalName],
    [t.iban, account],
    [t.reference, data.invoices.map((i) => i.number).join(', ')],
  ];
  return drawBlock(ctx, { heading: w.payment, paragraphs: [{ text: w.transfer(amount, payBy) }], rows }, y);
}

function closing(ctx: Ctx, y: number): number {
  const { data, w } = ctx;
  return drawBlock(
    ctx,
    {
      heading: '',
      paragraphs: [
        { text: `${w.closing}\n${data.seller.legalName}` },
        // the notice's id: what the customer quotes when calling about the letter
        { text: `${w.info.reference}: ${data.noticeId}`, muted: true, size: 7.5 },
      ],
    },
    y + 4,
  );
}
