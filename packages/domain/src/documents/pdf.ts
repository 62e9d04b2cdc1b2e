import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';
import PDFDocument from 'pdfkit';
import type { Branding } from '../organizations/types';
import {
  countryName,
  formatAmount,
  formatDate,
  formatDecimal,
  formatIban,
  formatRate,
  LABELS,
  LOCALES,
  maskIban,
  unitName,
} from './labels';
import type {
  DocumentData,
  DocumentLanguage,
  DocumentLine,
  SellerSnapshot,
  TaxBreakdownEntry,
} from './types';

/*
 * PDF rendering with PDFKit. Why PDFKit and not pdf-lib: an invoice is flowing text — wrapped item
 * descriptions, a table that breaks across pages with its header repeated — and PDFKit lays out and
 * wraps text, measures heights, subsets and embeds TrueType fonts through fontkit, and writes PDF/A-3b
 * metadata; pdf-lib only places glyphs at coordinates. pdf-lib (the @cantoo fork inside
 * @e-invoice-eu/core) is still what attaches the Factur-X XML afterwards (einvoice.ts).
 *
 * Determinism (GoBD: re-rendering an issued document gives the identical data set): the CreationDate
 * comes from the document, PDFKit derives the file ID from the info dictionary and names font subsets
 * after their order of use, and no other clock or random source is involved. Same data → same bytes.
 */

const require = createRequire(import.meta.url);

// Inter (SIL OFL 1.1), shipped as .ttf by @expo-google-fonts/inter. Parsed once per process: parsing the
// OpenType tables costs far more than laying out a whole invoice, and PDFKit only reads the parsed font
// (each document keeps its own subset and layout cache).
let fonts: { regular: fontkit.Font; semibold: fontkit.Font } | null = null;
function loadFonts() {
  const load = (path: string) => withSharedLayoutCache(fontkit.create(readFileSync(require.resolve(path))));
  fonts ??= {
    regular: load('@expo-google-fonts/inter/400Regular/Inter_400Regular.ttf'),
    semibold: load('@expo-google-fonts/inter/600SemiBold/Inter_600SemiBold.ttf'),
  };
  return fonts;
}

interface GlyphRun {
  glyphs: unknown[];
  positions: Record<string, number>[];
}

/**
 * OpenType shaping (Inter's contextual GSUB/GPOS lookups) dominates rendering time, and PDFKit's own
 * cache lives only as long as one document. Invoices repeat the same words, labels and amounts, so the
 * shaped runs are cached per process. PDFKit scales the positions it gets in place, so every caller
 * receives fresh position objects; glyphs are only read. Same text → same glyphs, so output is unchanged.
 */
function withSharedLayoutCache(font: fontkit.Font): fontkit.Font {
  const cache = new Map<string, GlyphRun>();
  const shaped = Object.create(font) as fontkit.Font;
  shaped.layout = (text: string, ...rest: unknown[]) => {
    const key = rest.length && rest[0] !== undefined ? `${JSON.stringify(rest)}\u0000${text}` : text;
    let run = cache.get(key);
    if (!run) {
      const fresh = (font.layout as (t: string, ...r: unknown[]) => GlyphRun)(text, ...rest);
      run = { glyphs: fresh.glyphs, positions: fresh.positions.map((p) => ({ ...p })) };
      if (cache.size > 50_000) cache.clear();
      cache.set(key, run);
    }
    const positions = run.positions.map((p) => ({ ...p }));
    return {
      glyphs: run.glyphs,
      positions,
      get advanceWidth() {
        return positions.reduce((sum, p) => sum + (p.xAdvance ?? 0), 0);
      },
    };
  };
  return shaped;
}

const MM = 72 / 25.4;
// DIN 5008 form B: text from 25 mm to 20 mm before the right edge; address field 45 mm from the top,
// 85 mm wide (window at 20 mm), its first 17.7 mm the "Zusatz- und Vermerkzone" holding the sender line;
// information block at 125 mm from the left and 50 mm from the top; folding marks at 105 and 210 mm.
const LEFT = 25 * MM;
const RIGHT = 190 * MM;
const WIDTH = RIGHT - LEFT;
const BODY_BOTTOM = 262 * MM;
const FOOTER_TOP = 268 * MM;

const INK = '#1f2328';
const MUTED = '#6b7280';
const RULE = '#d9dde3';
const DEFAULT_PRIMARY = '#1f4e79';

export interface RenderOptions {
  /** PDF/A-3b conformance metadata (default true): archivable and ready to carry a Factur-X attachment. */
  pdfA?: boolean;
}

type Doc = InstanceType<typeof PDFDocument>;

interface Ctx {
  doc: Doc;
  data: DocumentData;
  lang: DocumentLanguage;
  t: (typeof LABELS)[DocumentLanguage];
  /** Brand colour for fills and rules. */
  primary: string;
  /** Text on a brand-colour fill: black or white, whichever reads. */
  onPrimary: string;
  /** Brand colour for text on white; a light brand colour (yellow, pastel) falls back to ink. */
  accent: string;
  money: (minor: number | string) => string;
  date: (d: string) => string;
}

/** The title a document carries in the PDF metadata, e.g. "Rechnung RE-2026-00017". */
export function documentTitle(data: DocumentData): string {
  return `${LABELS[data.language].title[data.type]} ${data.number}`;
}

/** The instant the PDF says it was created: the finalize time, else the issue date at midnight UTC. */
export function creationDate(data: DocumentData): Date {
  const issued = data.issuedAt ? new Date(data.issuedAt) : null;
  return issued && !Number.isNaN(issued.getTime()) ? issued : new Date(`${data.issueDate}T00:00:00Z`);
}

/**
 * Renders the document as an A4 PDF: branding, DIN 5008 form B address window, every UStG §14(4)
 * field, line table with page breaks, per-rate tax table, totals, payment instructions and legal
 * notes, in the document's language. The result depends on `data` alone.
 */
export function renderPdf(data: DocumentData, options: RenderOptions = {}): Promise<Buffer> {
  const { regular, semibold } = loadFonts();
  const lang = data.language;
  const title = documentTitle(data);
  const info = {
    Title: title,
    Author: data.seller.legalName,
    Subject: title,
    Creator: 'Fakturo',
    Producer: 'Fakturo',
    CreationDate: creationDate(data),
  };
  const doc = new PDFDocument({
    size: 'A4',
    margin: 0,
    bufferPages: true,
    autoFirstPage: false,
    pdfVersion: '1.7',
    lang: LOCALES[lang],
    displayTitle: true,
    // No default font: PDFKit would parse Helvetica's metrics for every document only to never use it.
    font: null,
    info,
    ...(options.pdfA === false ? {} : { subset: 'PDF/A-3b' as const }),
    // `font: null` is accepted by PDFKit 0.20 but missing from @types/pdfkit 0.17.
  } as unknown as PDFKit.PDFDocumentOptions);
  // PDFKit copies the info values into the XMP packet without escaping them ("Müller & Söhne" would
  // break the XML); write that part of the packet ourselves so Info and XMP stay equal (PDF/A 6.6.2.3).
  (doc as unknown as { _addInfo: () => void })._addInfo = () => doc.appendXML(xmpInfo(info));
  doc.registerFont('regular', regular as never);
  doc.registerFont('semibold', semibold as never);

  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const primary = validColor(data.branding.primaryColor) ?? DEFAULT_PRIMARY;
  const ctx: Ctx = {
    doc,
    data,
    lang,
    t: LABELS[lang],
    primary,
    onPrimary: luminance(primary) > 0.55 ? INK : '#ffffff',
    // WCAG contrast ≥ 4.5 against white needs a luminance ≤ ~0.18.
    accent: luminance(primary) > 0.18 ? INK : primary,
    money: (minor) => formatAmount(minor, data.currency, lang),
    date: (d) => formatDate(d, lang),
  };

  doc.addPage();
  let y = firstPageHeader(ctx);
  y = lineTable(ctx, y);
  y = summary(ctx, y);
  y = closing(ctx, y);
  finishPages(ctx);
  doc.end();
  return done;
}

// ——— drawing helpers ———

/** What drawing needs of a context: the page. */
interface PageCtx {
  doc: Doc;
}

/** What the footer needs: a letter of any kind (invoice, dunning notice) with its seller and branding. */
interface LetterCtx extends PageCtx {
  data: { seller: SellerSnapshot; branding: Branding };
  t: (typeof LABELS)[DocumentLanguage];
  primary: string;
}

export interface TextStyle {
  font?: 'regular' | 'semibold';
  size?: number;
  color?: string;
  width?: number;
  align?: 'left' | 'right' | 'center';
  lineGap?: number;
}

function text(ctx: PageCtx, value: string, x: number, y: number, style: TextStyle = {}): number {
  const { doc } = ctx;
  doc
    .font(style.font ?? 'regular')
    .fontSize(style.size ?? 9)
    .fillColor(style.color ?? INK);
  const options = {
    width: style.width,
    align: style.align ?? 'left',
    lineGap: style.lineGap ?? 1.5,
    lineBreak: style.width !== undefined,
  };
  doc.text(value, x, y, options);
  return doc.heightOfString(value, options);
}

function height(ctx: PageCtx, value: string, style: TextStyle & { width: number }): number {
  return ctx.doc
    .font(style.font ?? 'regular')
    .fontSize(style.size ?? 9)
    .heightOfString(value, { width: style.width, lineGap: style.lineGap ?? 1.5 });
}

function rule(ctx: PageCtx, y: number, color = RULE, x1 = LEFT, x2 = RIGHT, width = 0.6) {
  ctx.doc.moveTo(x1, y).lineTo(x2, y).lineWidth(width).strokeColor(color).stroke();
}

function validColor(value: string | null | undefined): string | null {
  return value && /^#[0-9a-fA-F]{6}$/.test(value) ? value.toLowerCase() : null;
}

/** Relative luminance (WCAG) to pick readable text on the brand colour. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function logoImage(dataUrl: string | null | undefined): Buffer | null {
  const match = dataUrl?.match(/^data:image\/(png|jpeg|jpg);base64,([A-Za-z0-9+/=\s]+)$/);
  return match ? Buffer.from(match[2]!, 'base64') : null;
}

function xmlEscape(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The XMP counterpart of the Info dictionary, escaped (see renderPdf). */
function xmpInfo(info: {
  Title: string;
  Author: string;
  Subject: string;
  Creator: string;
  Producer: string;
  CreationDate: Date;
}) {
  const date = `${info.CreationDate.toISOString().split('.')[0]}Z`;
  return `
        <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
            <xmp:CreateDate>${date}</xmp:CreateDate>
            <xmp:CreatorTool>${xmlEscape(info.Creator)}</xmp:CreatorTool>
        </rdf:Description>
        <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
            <dc:title><rdf:Alt><rdf:li xml:lang="x-default">${xmlEscape(info.Title)}</rdf:li></rdf:Alt></dc:title>
            <dc:creator><rdf:Seq><rdf:li>${xmlEscape(info.Author)}</rdf:li></rdf:Seq></dc:creator>
            <dc:description><rdf:Alt><rdf:li xml:lang="x-default">${xmlEscape(info.Subject)}</rdf:li></rdf:Alt></dc:description>
        </rdf:Description>
        <rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
            <pdf:Producer>${xmlEscape(info.Producer)}</pdf:Producer>
        </rdf:Description>`;
}

function addressLines(
  address: DocumentData['buyer']['address'],
  sellerCountry: string,
  lang: DocumentLanguage,
): string[] {
  const lines = [address.line1];
  if (address.line2) lines.push(address.line2);
  // the region (US state, Canadian province …) is part of a full address there (§14(4) no. 1 UStG)
  const region = address.region?.trim();
  lines.push(`${address.postalCode} ${address.city}${region ? `, ${region}` : ''}`.trim());
  // DIN 5008: a foreign destination ends with the country name in capitals.
  if (address.country !== sellerCountry) lines.push(countryName(address.country, lang));
  return lines;
}

// ——— first page: header, sender line, address window, information block, title ———

function firstPageHeader(ctx: Ctx): number {
  const { doc, data, t } = ctx;
  const { seller, buyer } = data;

  // Logo top right; without one the seller's name stands there in the brand colour.
  const logo = logoImage(data.branding.logo);
  let placed = false;
  if (logo) {
    try {
      doc.image(logo, RIGHT - 60 * MM, 12 * MM, { fit: [60 * MM, 22 * MM], align: 'right' });
      placed = true;
    } catch {
      // An unreadable image must not stop an issued document from rendering; the name stands instead.
    }
  }
  if (!placed) {
    text(ctx, seller.legalName, RIGHT - 90 * MM, 14 * MM, {
      font: 'semibold',
      size: 15,
      color: ctx.accent,
      width: 90 * MM,
      align: 'right',
    });
  }

  // Folding marks (105 mm, 210 mm) and hole mark (148.5 mm) of DIN 5008 form B.
  for (const [at, len] of [
    [105, 5],
    [148.5, 7],
    [210, 5],
  ] as const) {
    rule(ctx, at * MM, '#9ca3af', 3.5 * MM, (3.5 + len) * MM, 0.4);
  }

  // Sender line at the foot of the "Zusatz- und Vermerkzone", visible through the window.
  const senderLine = [
    seller.legalName,
    seller.address.line1,
    `${seller.address.postalCode} ${seller.address.city}`,
  ]
    .filter(Boolean)
    .join(' · ');
  // A line too long for the window's width wraps upwards into the zone, never across the rule below it.
  const senderStyle = { size: 6.5, color: MUTED, width: 80 * MM, lineGap: 0 };
  const extraLines = height(ctx, senderLine, senderStyle) - height(ctx, 'X', senderStyle);
  text(ctx, senderLine, LEFT, 57.5 * MM - extraLines, senderStyle);
  rule(ctx, 61 * MM, RULE, LEFT, LEFT + 80 * MM, 0.4);

  // Recipient in the "Anschriftzone" (62.7 mm – 90 mm); 9.5 pt keeps six lines (name, addressee, two
  // street lines, city, country) inside its 27.3 mm.
  let y = 63.5 * MM;
  for (const [i, line] of [
    buyer.name,
    ...(buyer.addressee ? [buyer.addressee] : []),
    ...addressLines(buyer.address, seller.address.country, ctx.lang),
  ].entries()) {
    y += text(ctx, line, LEFT, y, {
      size: 9.5,
      font: i === 0 ? 'semibold' : 'regular',
      width: 80 * MM,
      lineGap: 0.6,
    });
  }

  // Information block: UStG §14(4) no. 3, 4, 6 and the VAT ids §14a requires for AE and K.
  const rows: [string, string][] = [
    [t.number[data.type], data.number],
    [t.issueDate, ctx.date(data.issueDate)],
  ];
  if (data.servicePeriod) {
    rows.push([
      t.servicePeriod,
      `${ctx.date(data.servicePeriod.start)} – ${ctx.date(data.servicePeriod.end)}`,
    ]);
  } else if (data.serviceDate) {
    rows.push([t.serviceDate, ctx.date(data.serviceDate)]);
  }
  if (data.dueDate && data.type !== 'cancellation' && data.type !== 'credit_note') {
    rows.push([data.type === 'quote' ? t.validUntil : t.dueDate, ctx.date(data.dueDate)]);
  }
  if (buyer.customerNumber) rows.push([t.customerNumber, buyer.customerNumber]);
  if (buyer.buyerReference) rows.push([t.buyerReference, buyer.buyerReference]);
  if (buyer.vatId) rows.push([t.buyerVatId, buyer.vatId]);
  if (seller.vatId) rows.push([t.sellerVatId, seller.vatId]);
  else if (seller.taxNumber) rows.push([t.sellerTaxNumber, seller.taxNumber]);

  let iy = 50 * MM;
  const labelX = 125 * MM;
  const valueX = 153 * MM;
  for (const [label, value] of rows) {
    text(ctx, label, labelX, iy, { size: 8, color: MUTED, width: valueX - labelX - 4 });
    const h = text(ctx, value, valueX, iy, { size: 8, width: RIGHT - valueX, align: 'right' });
    iy += Math.max(h, 11);
  }

  // Title ("Betreff") below the address field; below the information block when that runs long.
  let ty = Math.max(100 * MM, iy + 6 * MM);
  text(ctx, documentTitle(data), LEFT, ty, { font: 'semibold', size: 15, color: ctx.accent });
  ty += 22;
  if (data.precedingDocument) {
    ty += text(
      ctx,
      t.precedingDocument(data.precedingDocument.number, ctx.date(data.precedingDocument.issueDate)),
      LEFT,
      ty,
      {
        size: 9,
        width: WIDTH,
      },
    );
    ty += 4;
  }
  if (data.type === 'pro_forma') {
    ty += text(ctx, t.proFormaNote, LEFT, ty, { size: 9, color: MUTED, width: WIDTH }) + 4;
  }
  return ty + 6;
}

/** Where a page after the first continues the line table: below its header (25 mm) and the table's (18 pt). */
const CONTINUED_TABLE_TOP = 25 * MM + 18;

/** Header of every page after the first: who, which document, and the table continues. */
function continuationHeader(ctx: Ctx): number {
  const { data } = ctx;
  text(ctx, data.seller.legalName, LEFT, 14 * MM, { font: 'semibold', size: 9, color: ctx.accent });
  text(ctx, documentTitle(data), LEFT, 14 * MM, { size: 9, color: MUTED, width: WIDTH, align: 'right' });
  rule(ctx, 20 * MM);
  return 25 * MM;
}

function newPage(ctx: Ctx): number {
  ctx.doc.addPage();
  return continuationHeader(ctx);
}

// ——— line table ———

interface Column {
  key: 'position' | 'item' | 'quantity' | 'unitPrice' | 'discount' | 'vat' | 'amount';
  width: number;
  align: 'left' | 'right';
}

function columns(ctx: Ctx): Column[] {
  const withDiscount = ctx.data.lines.some((l) => l.discountPercent && Number(l.discountPercent) !== 0);
  const fixed: Column[] = [
    { key: 'quantity', width: 64, align: 'right' },
    { key: 'unitPrice', width: 66, align: 'right' },
    ...(withDiscount ? [{ key: 'discount' as const, width: 48, align: 'right' as const }] : []),
    { key: 'vat', width: 34, align: 'right' },
    { key: 'amount', width: 70, align: 'right' },
  ];
  const position: Column = { key: 'position', width: 30, align: 'left' };
  const used = position.width + fixed.reduce((s, c) => s + c.width, 0);
  return [position, { key: 'item', width: WIDTH - used, align: 'left' }, ...fixed];
}

const PAD = 5;

function tableHeader(ctx: Ctx, cols: Column[], y: number): number {
  const { doc } = ctx;
  const h = 18;
  doc.rect(LEFT, y, WIDTH, h).fill(ctx.primary);
  let x = LEFT;
  for (const col of cols) {
    text(ctx, ctx.t.columns[col.key], x + PAD, y + 5, {
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

function cellTexts(ctx: Ctx, line: DocumentLine): Record<Column['key'], string> {
  const { lang } = ctx;
  return {
    position: String(line.position),
    item: line.name,
    quantity: `${formatDecimal(line.quantity, lang)} ${unitName(line.unitCode, lang)}`,
    unitPrice: ctx.money(line.unitAmount),
    discount:
      line.discountPercent && Number(line.discountPercent) !== 0
        ? `${formatRate(line.discountPercent, lang)} %`
        : '',
    // Lines without VAT show a dash; the tax table and the legal note say why (AE, K, E …).
    vat: line.taxCategory === 'S' || line.taxCategory === 'Z' ? `${formatRate(line.taxRate, lang)} %` : '–',
    amount: ctx.money(line.netAmount),
  };
}

function lineTable(ctx: Ctx, startY: number): number {
  const cols = columns(ctx);
  const item = cols.find((c) => c.key === 'item')!;
  const itemWidth = item.width - 2 * PAD;
  let y = tableHeader(ctx, cols, startY);

  for (const line of ctx.data.lines) {
    const cells = cellTexts(ctx, line);
    const details: string[] = [];
    if (line.description) details.push(line.description);
    if (line.period)
      details.push(`${ctx.t.period}: ${ctx.date(line.period.start)} – ${ctx.date(line.period.end)}`);
    const detail = details.join('\n');
    const nameHeight = height(ctx, cells.item, { font: 'semibold', size: 9, width: itemWidth });
    const detailHeight = detail ? height(ctx, detail, { size: 8, width: itemWidth }) + 1.5 : 0;
    const rowHeight = nameHeight + detailHeight + 2 * PAD;

    if (y + rowHeight > BODY_BOTTOM) {
      // A row taller than a whole page (descriptions may hold 5,000 characters) is split across pages,
      // starting on this one when its name and a few lines of the text still fit.
      if (CONTINUED_TABLE_TOP + rowHeight > BODY_BOTTOM) {
        const start = y + 2 * PAD + nameHeight + 40 <= BODY_BOTTOM ? y : tableHeader(ctx, cols, newPage(ctx));
        y = splitRow(ctx, cols, cells, detail, nameHeight, start);
        rule(ctx, y);
        continue;
      }
      y = tableHeader(ctx, cols, newPage(ctx));
    }
    rowCells(ctx, cols, cells, detail, nameHeight, y);
    y += rowHeight;
    rule(ctx, y);
  }
  return y;
}

/** Draws a row's cells, its name and the first part of its detail text at `y`. */
function rowCells(
  ctx: Ctx,
  cols: Column[],
  cells: Record<Column['key'], string>,
  detail: string,
  nameHeight: number,
  y: number,
) {
  let x = LEFT;
  for (const col of cols) {
    if (col.key === 'item') {
      const width = col.width - 2 * PAD;
      text(ctx, cells.item, x + PAD, y + PAD, { font: 'semibold', size: 9, width });
      if (detail) text(ctx, detail, x + PAD, y + PAD + nameHeight + 1.5, { size: 8, color: MUTED, width });
    } else {
      text(ctx, cells[col.key], x + PAD, y + PAD, { size: 9, width: col.width - 2 * PAD, align: col.align });
    }
    x += col.width;
  }
}

/**
 * A row taller than a page: its detail text is wrapped into lines here and spread over as many pages as it
 * needs, the table header repeated on each; the amounts stand with the name on the first. Returns the y
 * below the row's last part.
 */
function splitRow(
  ctx: Ctx,
  cols: Column[],
  cells: Record<Column['key'], string>,
  detail: string,
  nameHeight: number,
  top: number,
): number {
  const item = cols.find((c) => c.key === 'item')!;
  const x = cols.slice(0, cols.indexOf(item)).reduce((sum, c) => sum + c.width, LEFT) + PAD;
  const width = item.width - 2 * PAD;
  const lines = wrapLines(ctx, detail, { size: 8, width });
  const lineHeight = height(ctx, 'X', { size: 8, width });
  let y = top;
  let offset = nameHeight + 1.5;
  let first = true;
  while (first || lines.length) {
    const fits = Math.max(1, Math.floor((BODY_BOTTOM - y - 2 * PAD - offset) / lineHeight));
    const part = lines.splice(0, fits).join('\n');
    if (first) rowCells(ctx, cols, cells, part, nameHeight, y);
    else text(ctx, part, x, y + PAD, { size: 8, color: MUTED, width });
    y += offset + (part ? height(ctx, part, { size: 8, width }) + (first ? 1.5 : 0) : 0) + 2 * PAD;
    if (!lines.length) break;
    y = tableHeader(ctx, cols, newPage(ctx));
    offset = 0;
    first = false;
  }
  return y;
}

/** Breaks text into lines no wider than `width` (at spaces, else inside a word that is too long). */
function wrapLines(ctx: Ctx, value: string, style: { size: number; width: number }): string[] {
  const { doc } = ctx;
  doc.font('regular').fontSize(style.size);
  // Room for a trailing space, so PDFKit lays out each line exactly as given.
  const fits = (s: string) => doc.widthOfString(`${s} `) <= style.width;
  const out: string[] = [];
  for (const paragraph of value.split('\n')) {
    let line = '';
    for (const word of paragraph.split(' ')) {
      const candidate = line ? `${line} ${word}` : word;
      if (fits(candidate)) {
        line = candidate;
        continue;
      }
      if (line) out.push(line);
      line = '';
      // Code points, not UTF-16 units: an emoji is never cut in half.
      let rest = Array.from(word);
      while (rest.length && !fits(rest.join(''))) {
        let n = 1;
        while (n < rest.length && fits(rest.slice(0, n + 1).join(''))) n++;
        out.push(rest.slice(0, n).join(''));
        rest = rest.slice(n);
      }
      line = rest.join('');
    }
    out.push(line);
  }
  return out;
}

// ——— tax table and totals ———

function categoryLabel(ctx: Ctx, row: TaxBreakdownEntry): string {
  return row.category === 'S'
    ? ctx.t.standardRate(formatRate(row.rate, ctx.lang))
    : ctx.t.category[row.category];
}

function summary(ctx: Ctx, startY: number): number {
  const { data, t } = ctx;
  const totals = data.totals;
  const rowH = 14;

  const totalRows: [string, number, boolean][] = [];
  if (totals.allowanceTotal !== 0 || totals.chargeTotal !== 0) {
    totalRows.push([t.lineNetTotal, totals.lineNetTotal, false]);
    for (const ac of data.allowancesCharges) {
      const label = `${ac.kind === 'allowance' ? t.allowance : t.charge}: ${ac.reason}`;
      totalRows.push([label, ac.kind === 'allowance' ? -ac.amount : ac.amount, false]);
    }
  }
  totalRows.push([t.taxBasisTotal, totals.taxBasisTotal, false]);
  totalRows.push([t.taxTotal, totals.taxTotal, false]);
  const grossIndex = totalRows.length;
  totalRows.push([t.grossTotal, totals.grossTotal, true]);
  if (totals.prepaidAmount !== 0) {
    totalRows.push([t.prepaid, -totals.prepaidAmount, false]);
    totalRows.push([totals.amountDue < 0 ? t.refundDue : t.amountDue, totals.amountDue, true]);
  }

  const taxRows = totals.taxBreakdown.length;
  const sw = 72 * MM;
  const sx = RIGHT - sw;
  const labelWidth = sw * 0.6 - 6;
  // A long allowance reason wraps; each total row is as tall as its label.
  const heights = totalRows.map(([label, , strong]) =>
    Math.max(
      rowH,
      height(ctx, label, { size: 9, font: strong ? 'semibold' : 'regular', width: labelWidth }) + 3,
    ),
  );
  const needed =
    15 +
    Math.max(
      taxRows * rowH,
      heights.reduce((a, b) => a + b + 3, 0),
    ) +
    6;
  let y = startY + 12;
  if (y + needed > BODY_BOTTOM) y = newPage(ctx);

  // Per-rate tax table (UStG §14(4) no. 7 and 8): net and VAT for every rate or exemption.
  const tx = LEFT;
  const tw = 88 * MM;
  const c1 = 32 * MM;
  const c2 = 28 * MM;
  const c3 = tw - c1 - c2;
  text(ctx, t.taxTable.rate, tx, y, { size: 7.5, color: MUTED, width: c1 });
  text(ctx, t.taxTable.basis, tx + c1, y, { size: 7.5, color: MUTED, width: c2, align: 'right' });
  text(ctx, t.taxTable.tax, tx + c1 + c2, y, { size: 7.5, color: MUTED, width: c3, align: 'right' });
  rule(ctx, y + 11, RULE, tx, tx + tw);
  let ty = y + 15;
  for (const row of totals.taxBreakdown) {
    text(ctx, categoryLabel(ctx, row), tx, ty, { size: 8.5, width: c1 });
    text(ctx, ctx.money(row.basis), tx + c1, ty, { size: 8.5, width: c2, align: 'right' });
    text(ctx, ctx.money(row.tax), tx + c1 + c2, ty, { size: 8.5, width: c3, align: 'right' });
    ty += rowH;
  }

  // Totals, right-aligned; the gross total and the amount due stand out in the brand colour.
  // First total on the line of the first tax row, so both tables read as one block.
  let sy = y + 15;
  for (const [i, [label, amount, strong]] of totalRows.entries()) {
    const rowHeight = heights[i]!;
    if (strong && i === grossIndex) {
      ctx.doc.rect(sx, sy - 3, sw, rowHeight + 3).fill(ctx.primary);
    }
    const color = strong && i === grossIndex ? ctx.onPrimary : INK;
    const font = strong ? 'semibold' : 'regular';
    text(ctx, label, sx + 4, sy, { size: 9, font, color, width: labelWidth });
    text(ctx, ctx.money(amount), sx + sw * 0.6, sy, {
      size: 9,
      font,
      color,
      width: sw * 0.4 - 4,
      align: 'right',
    });
    sy += rowHeight + (strong ? 3 : 0);
  }
  return Math.max(ty, sy) + 6;
}

// ——— legal notes, payment, notes ———

interface Block {
  heading: string;
  paragraphs: { text: string; strong?: boolean; muted?: boolean }[];
  /** Key/value rows, e.g. the bank details. */
  rows?: [string, string][];
}

function paymentBlock(ctx: Ctx): Block | null {
  const { data, t } = ctx;
  const due = data.totals.amountDue;
  const paragraphs: Block['paragraphs'] = [];
  let rows: [string, string][] | undefined;
  if (data.type === 'quote') {
    if (data.dueDate) paragraphs.push({ text: t.quoteValidity(ctx.date(data.dueDate)) });
    return paragraphs.length ? { heading: t.validity, paragraphs } : null;
  }
  const means = data.paymentMeans;
  const amount = ctx.money(Math.abs(due));
  if (due === 0) {
    paragraphs.push({ text: t.settled });
  } else if (due < 0) {
    paragraphs.push({
      text:
        means?.kind === 'sepa_debit'
          ? t.refundToAccount(amount, maskIban(means.debtorIban))
          : t.refund(amount),
    });
  } else if (means?.kind === 'sepa_debit') {
    const date = means.collectionDate ?? data.dueDate ?? data.issueDate;
    paragraphs.push({ text: t.debit(amount, ctx.date(date), maskIban(means.debtorIban)) });
    paragraphs.push({ text: t.mandate(means.mandateReference, means.creditorId), strong: true });
    // SEPA rulebook: the debtor is told amount and date before the collection (pre-notification).
    paragraphs.push({ text: t.preNotification, muted: true });
  } else if (means?.kind === 'transfer') {
    paragraphs.push({ text: t.transfer(amount, data.dueDate ? ctx.date(data.dueDate) : null) });
    rows = [];
    if (means.accountHolder) rows.push([t.accountHolder, means.accountHolder]);
    rows.push([t.iban, formatIban(means.iban)]);
    if (means.bic) rows.push([t.bic, means.bic]);
    if (means.bankName) rows.push([t.bank, means.bankName]);
    rows.push([t.reference, data.number]);
  }
  if (data.paymentTerms) paragraphs.push({ text: data.paymentTerms, muted: true });
  return paragraphs.length || rows ? { heading: t.payment, paragraphs, rows } : null;
}

function blockHeight(ctx: Ctx, block: Block): number {
  let h = 16;
  for (const p of block.paragraphs) h += height(ctx, p.text, { width: WIDTH, size: 9 }) + 4;
  h += (block.rows?.length ?? 0) * 12;
  return h;
}

function drawBlock(ctx: Ctx, block: Block, startY: number): number {
  let y = startY;
  if (y + blockHeight(ctx, block) > BODY_BOTTOM) y = newPage(ctx);
  text(ctx, block.heading, LEFT, y, { font: 'semibold', size: 9.5, color: ctx.accent });
  y += 15;
  for (const p of block.paragraphs) {
    // A block longer than a page (20 notes of 2,000 characters) breaks between its paragraphs.
    if (y + height(ctx, p.text, { width: WIDTH, size: 9 }) > BODY_BOTTOM) y = newPage(ctx);
    y +=
      text(ctx, p.text, LEFT, y, {
        size: 9,
        width: WIDTH,
        font: p.strong ? 'semibold' : 'regular',
        color: p.muted ? MUTED : INK,
      }) + 4;
  }
  for (const [label, value] of block.rows ?? []) {
    text(ctx, label, LEFT, y, { size: 9, color: MUTED, width: 35 * MM });
    text(ctx, value, LEFT + 35 * MM, y, { size: 9, font: 'semibold', width: WIDTH - 35 * MM });
    y += 12;
  }
  return y + 8;
}

function closing(ctx: Ctx, startY: number): number {
  const { data, t } = ctx;
  let y = startY + 4;
  // The exemption reason of every category without VAT: §14a(1)/(3)/(5), §19 UStG, §14(4) no. 8.
  const notes = [
    ...new Set(data.totals.taxBreakdown.map((r) => r.exemptionReason).filter((n): n is string => !!n)),
  ];
  if (notes.length) {
    y = drawBlock(
      ctx,
      { heading: t.legalNotes, paragraphs: notes.map((n) => ({ text: n, strong: true })) },
      y,
    );
  }
  const payment = paymentBlock(ctx);
  if (payment) y = drawBlock(ctx, payment, y);
  if (data.notes.length) {
    y = drawBlock(ctx, { heading: t.notes, paragraphs: data.notes.map((n) => ({ text: n })) }, y);
  }
  return y;
}

// ——— footer and page numbers on every page ———

function footerColumns(ctx: LetterCtx): string[][] {
  const { seller } = ctx.data;
  const { t } = ctx;
  const address = [
    seller.legalName,
    seller.address.line1,
    seller.address.line2,
    `${seller.address.postalCode} ${seller.address.city}`,
  ];
  const contact = [
    seller.contact.phone ? `${t.phone} ${seller.contact.phone}` : null,
    seller.contact.email,
    seller.website,
  ];
  const tax = [
    seller.vatId ? `${t.sellerVatId.replace(/^Unsere |^Our /, '')}: ${seller.vatId}` : null,
    seller.taxNumber ? `${t.sellerTaxNumber}: ${seller.taxNumber}` : null,
    seller.registrationId,
  ];
  const bank = seller.bankAccount
    ? [
        seller.bankAccount.bankName,
        `IBAN ${formatIban(seller.bankAccount.iban)}`,
        seller.bankAccount.bic ? `BIC ${seller.bankAccount.bic}` : null,
      ]
    : [];
  return [address, contact, tax, bank].map((col) => col.filter((v): v is string => !!v));
}

/** The footer and page numbers on every page of a letter: seller, contact, tax ids, bank, footer text. */
function finishPages(ctx: LetterCtx) {
  const { doc, data, t } = ctx;
  const range = doc.bufferedPageRange();
  const cols = footerColumns(ctx);
  // Address and contact are short; tax ids and the bank column need room for a full IBAN on one line.
  const shares = [0.22, 0.24, 0.26, 0.28];
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    text(ctx, t.page(i + 1, range.count), LEFT, FOOTER_TOP - 12, {
      size: 7.5,
      color: MUTED,
      width: WIDTH,
      align: 'right',
    });
    rule(ctx, FOOTER_TOP, ctx.primary, LEFT, RIGHT, 0.8);
    let x = LEFT;
    for (const [c, lines] of cols.entries()) {
      const width = WIDTH * shares[c]!;
      if (lines.length) {
        text(ctx, lines.join('\n'), x, FOOTER_TOP + 5, {
          size: 6.8,
          color: MUTED,
          width: width - 6,
          lineGap: 1,
        });
      }
      x += width;
    }
    if (data.branding.footerText) {
      text(ctx, data.branding.footerText, LEFT, 284 * MM, {
        size: 6.8,
        color: MUTED,
        width: WIDTH,
        align: 'center',
      });
    }
  }
}

/**
 * The letterhead toolkit other letters reuse (dunning/pdf.ts): the fonts with their shared shaping cache, the
 * DIN 5008 form B geometry, the colours, the logo and the PDF/A metadata writer — so every letter an
 * organisation sends looks like its invoices.
 */
export const letterLayout = {
  MM,
  LEFT,
  RIGHT,
  WIDTH,
  BODY_BOTTOM,
  FOOTER_TOP,
  INK,
  MUTED,
  RULE,
  DEFAULT_PRIMARY,
  loadFonts,
  validColor,
  luminance,
  logoImage,
  xmpInfo,
  addressLines,
  text,
  height,
  rule,
  finishPages,
} as const;
