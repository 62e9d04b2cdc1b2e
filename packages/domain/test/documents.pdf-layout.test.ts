import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderPdf } from '../src/documents/pdf';
import { buildDocument } from '../src/documents/totals';
import { baseInput, domesticInvoice, seller } from './documents.fixtures';

// Where each word lands, read back with poppler's `pdftotext -bbox` (Debian package poppler-utils).
const dir = mkdtempSync(join(tmpdir(), 'fakturo-pdf-layout-'));
let counter = 0;
interface Word {
  page: number;
  text: string;
  yMin: number;
  yMax: number;
}
function words(pdf: Buffer): Word[] {
  const file = join(dir, `doc-${++counter}.pdf`);
  writeFileSync(file, pdf);
  const html = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const out: Word[] = [];
  for (const [i, page] of html.split('<page ').slice(1).entries()) {
    for (const m of page.matchAll(
      /<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g,
    )) {
      out.push({ page: i + 1, yMin: Number(m[1]), yMax: Number(m[2]), text: m[3]! });
    }
  }
  return out;
}

const MM = 72 / 25.4;
/** Where the body of a page ends: below it stand only the page number and the footer (pdf.ts). */
const BODY_BOTTOM = 262 * MM;

describe('PDF layout of long content', { timeout: 60_000 }, () => {
  it('splits a line whose description is taller than a page across pages, above the footer, amounts beside its name', async () => {
    // 5,000 characters, what the API accepts: ~1.5 pages of the narrow item column.
    const description = `${'Wartung Betrieb Überwachung '.repeat(178)}Ende`.slice(0, 5000);
    const expected = description.split(' ').filter((w) => w === 'Überwachung').length;
    const data = buildDocument(
      baseInput({
        lines: [
          {
            name: 'Kurz davor',
            quantity: '1',
            unitCode: 'C62',
            unitAmount: 100,
            taxCategory: 'S',
            taxRate: '19',
          },
          {
            name: 'Langtext-Position',
            description,
            quantity: '1',
            unitCode: 'C62',
            unitAmount: 98765,
            taxCategory: 'S',
            taxRate: '19',
          },
          {
            name: 'Danach',
            quantity: '1',
            unitCode: 'C62',
            unitAmount: 100,
            taxCategory: 'S',
            taxRate: '19',
          },
        ],
      }),
    );
    const all = words(await renderPdf(data));
    const detail = all.filter((w) => w.text === 'Überwachung');
    // nothing lost, nothing printed into the footer or off the page
    expect(detail).toHaveLength(expected);
    for (const w of detail) expect(w.yMax).toBeLessThanOrEqual(BODY_BOTTOM);
    // the line's amount stands on the page of its name
    const name = all.find((w) => w.text === 'Langtext-Position')!;
    const amount = all.find((w) => w.text === '987,65')!;
    expect(amount.page).toBe(name.page);
    // every page it continues on repeats the table header
    const pages = [...new Set(detail.map((w) => w.page))];
    expect(pages.length).toBeGreaterThanOrEqual(2);
    for (const page of pages) {
      expect(all.some((w) => w.page === page && w.text === 'Einzelpreis')).toBe(true);
    }
    // and the next line follows below the last part
    const last = Math.max(...detail.map((w) => w.page));
    const next = all.find((w) => w.text === 'Danach')!;
    const lastDetail = detail.filter((w) => w.page === last).at(-1)!;
    expect(next.page > last || (next.page === last && next.yMin > lastDetail.yMax)).toBe(true);
  });

  it('breaks notes longer than a page between paragraphs, never into the footer', async () => {
    const notes = Array.from(
      { length: 20 },
      (_, i) => `Hinweis${i + 1} ${'Lieferbedingungen gelten '.repeat(79)}`,
    );
    const all = words(await renderPdf(domesticInvoice({ notes })));
    for (let i = 1; i <= 20; i++) expect(all.filter((w) => w.text === `Hinweis${i}`)).toHaveLength(1);
    const body = all.filter((w) => w.text === 'Lieferbedingungen');
    expect(body).toHaveLength(20 * 79);
    for (const w of body) expect(w.yMax).toBeLessThanOrEqual(BODY_BOTTOM);
  });

  it('keeps a sender line too long for one line above the rule of the address window', async () => {
    const data = domesticInvoice({
      seller: {
        ...seller,
        legalName: 'Müller & Söhne Softwareentwicklung und Beratung GmbH',
        address: { ...seller.address, line1: 'Königsallee 12', postalCode: '40212', city: 'Düsseldorf' },
      },
    });
    const all = words(await renderPdf(data));
    const city = all.find((w) => w.page === 1 && w.text === 'Düsseldorf' && w.yMax < 70 * MM)!;
    expect(city).toBeDefined();
    // the rule under the sender line is at 61 mm; the recipient starts at 63.5 mm
    expect(city.yMax).toBeLessThanOrEqual(61 * MM);
    expect(all.find((w) => w.text === 'Müller')!.yMin).toBeGreaterThanOrEqual(45 * MM);
  });
});
