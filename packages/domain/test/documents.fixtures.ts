import { crc32, deflateSync } from 'node:zlib';
import { buildDocument, type DocumentInput } from '../src/documents/totals';
import type { BuyerSnapshot, DocumentData, SellerSnapshot } from '../src/documents/types';

/** A small RGBA PNG logo (a brand-blue bar with a light disc and transparent corners), built in code. */
function logoPng(): string {
  const width = 240;
  const height = 64;
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 4 + 1);
    for (let x = 0; x < width; x++) {
      const at = row + 1 + x * 4;
      const inDisc = (x - 32) ** 2 + (y - 32) ** 2 < 22 ** 2;
      const inBar = x > 64 && y > 20 && y < 44;
      const [r, g, b, a] = inDisc ? [120, 180, 230, 255] : inBar ? [31, 78, 121, 255] : [0, 0, 0, 0];
      raw.set([r, g, b, a], at);
    }
  }
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8 bit, RGBA
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
  return `data:image/png;base64,${png.toString('base64')}`;
}

export const LOGO_PNG = logoPng();

export const seller: SellerSnapshot = {
  legalName: 'Nordlicht Software GmbH',
  address: { line1: 'Hafenstraße 12', line2: null, postalCode: '20457', city: 'Hamburg', country: 'DE' },
  vatId: 'DE136695976',
  taxNumber: '22/815/08154',
  registrationId: 'HRB 123456, Amtsgericht Hamburg',
  contact: { name: 'Jana Berger', phone: '+49 40 1234567', email: 'rechnung@nordlicht.example' },
  website: 'https://nordlicht.example',
  bankAccount: {
    iban: 'DE89370400440532013000',
    bic: 'COBADEFFXXX',
    bankName: 'Commerzbank',
    accountHolder: 'Nordlicht Software GmbH',
  },
  creditorId: 'DE98ZZZ09999999999',
  smallBusiness: false,
};

export const domesticBuyer: BuyerSnapshot = {
  name: 'Bäckerei Müller & Söhne KG',
  addressee: 'z. Hd. Frau Weber',
  address: {
    line1: 'Lindenallee 5',
    line2: 'Hinterhaus',
    postalCode: '80331',
    city: 'München',
    country: 'DE',
  },
  vatId: 'DE129273398',
  buyerReference: '04011000-12345-34',
  email: 'einkauf@mueller-baeckerei.example',
  customerNumber: 'K-00042',
};

export const austrianBuyer: BuyerSnapshot = {
  name: 'Alpenblick Consulting GmbH',
  address: { line1: 'Mariahilfer Straße 1', postalCode: '1060', city: 'Wien', country: 'AT' },
  vatId: 'ATU13585627',
  buyerReference: 'PO-2026-118',
  email: 'office@alpenblick.example',
  customerNumber: 'K-00043',
};

export const frenchBuyer: BuyerSnapshot = {
  name: 'Atelier Lumière SARL',
  address: { line1: '12 rue de la Paix', postalCode: '75002', city: 'Paris', country: 'FR' },
  vatId: 'FR40303265045',
  buyerReference: 'BC-7781',
  email: 'compta@lumiere.example',
  customerNumber: 'K-00044',
};

export const transfer = {
  kind: 'transfer' as const,
  iban: 'DE89370400440532013000',
  bic: 'COBADEFFXXX',
  accountHolder: 'Nordlicht Software GmbH',
  bankName: 'Commerzbank',
};

export function baseInput(overrides: Partial<DocumentInput> = {}): DocumentInput {
  return {
    type: 'invoice',
    number: 'RE-2026-00017',
    issueDate: '2026-11-27',
    issuedAt: '2026-11-27T09:30:00.000Z',
    serviceDate: null,
    servicePeriod: { start: '2026-11-01', end: '2026-11-30' },
    dueDate: '2026-12-11',
    currency: 'EUR',
    language: 'de',
    seller,
    buyer: domesticBuyer,
    precedingDocument: null,
    paymentTerms: 'Zahlbar innerhalb von 14 Tagen ohne Abzug.',
    paymentMeans: transfer,
    branding: { logo: LOGO_PNG, primaryColor: '#1F4E79', footerText: 'Geschäftsführerin: Jana Berger' },
    lines: [
      {
        name: 'Software-Lizenz Fakturo Pro',
        description: 'Monatliche Nutzung, 5 Benutzer',
        quantity: '5',
        unitCode: 'C62',
        unitAmount: 4900,
        taxCategory: 'S',
        taxRate: '19',
      },
      {
        name: 'Beratung Einführung',
        description: null,
        quantity: '3.5',
        unitCode: 'HUR',
        unitAmount: 12000,
        discountPercent: '10',
        taxCategory: 'S',
        taxRate: '19',
      },
      {
        name: 'Fachbuch „Rechnungswesen kompakt“',
        quantity: '2',
        unitCode: 'C62',
        unitAmount: 2990,
        taxCategory: 'S',
        taxRate: '7',
      },
    ],
    notes: ['Vielen Dank für Ihren Auftrag.'],
    ...overrides,
  };
}

/** A domestic invoice with two rates (19 % and 7 %). */
export function domesticInvoice(overrides: Partial<DocumentInput> = {}): DocumentData {
  return buildDocument(baseInput(overrides));
}

/** Services to an Austrian business: reverse charge (AE). */
export function reverseChargeInvoice(): DocumentData {
  return buildDocument(
    baseInput({
      number: 'RE-2026-00018',
      buyer: austrianBuyer,
      lines: [
        {
          name: 'Softwareentwicklung',
          description: 'Schnittstelle ERP, Sprint 14',
          quantity: '24',
          unitCode: 'HUR',
          unitAmount: 11000,
          taxCategory: 'AE',
          taxRate: '0',
        },
      ],
    }),
  );
}

/** Goods to a French business: exempt intra-Community supply (K). */
export function intraEuGoodsInvoice(): DocumentData {
  return buildDocument(
    baseInput({
      number: 'RE-2026-00019',
      buyer: frenchBuyer,
      serviceDate: '2026-11-20',
      servicePeriod: null,
      lines: [
        {
          name: 'Kassenterminal KT-200',
          description: 'inkl. Bondrucker',
          quantity: '3',
          unitCode: 'C62',
          unitAmount: 89900,
          taxCategory: 'K',
          taxRate: '0',
        },
      ],
    }),
  );
}

/** A §19 UStG small business invoice (E). */
export function smallBusinessInvoice(): DocumentData {
  return buildDocument(
    baseInput({
      number: '2026-004',
      seller: {
        ...seller,
        legalName: 'Grafikbüro Sonnenschein',
        // A Kleinunternehmer may hold a USt-IdNr. (§27a UStG); it is the id BR-CO-26 asks for.
        vatId: 'DE811569869',
        taxNumber: '143/234/56789',
        registrationId: null,
        smallBusiness: true,
        creditorId: null,
      },
      serviceDate: '2026-11-24',
      servicePeriod: null,
      lines: [
        {
          name: 'Logo-Entwurf',
          description: 'drei Varianten, zwei Korrekturschleifen',
          quantity: '1',
          unitCode: 'C62',
          unitAmount: 45000,
          taxCategory: 'E',
          taxRate: '0',
        },
        {
          name: 'Druckvorlage Visitenkarten',
          quantity: '2',
          unitCode: 'HUR',
          unitAmount: 6500,
          taxCategory: 'E',
          taxRate: '0',
        },
      ],
    }),
  );
}

/** An invoice of `count` lines, to check page breaks. */
export function longInvoice(count: number): DocumentData {
  return buildDocument(
    baseInput({
      number: 'RE-2026-00100',
      paymentMeans: {
        kind: 'sepa_debit',
        mandateReference: 'MND-2024-0042',
        creditorId: 'DE98ZZZ09999999999',
        debtorIban: 'DE02120300000000202051',
        collectionDate: '2026-12-04',
      },
      lines: Array.from({ length: count }, (_, i) => ({
        name: `Arbeitsplatz-Lizenz Modul ${i + 1}`,
        description: i % 3 === 0 ? 'Laufzeit 01.11.2026 bis 30.11.2026, inklusive Wartung und Updates' : null,
        quantity: String((i % 4) + 1),
        unitCode: i % 2 === 0 ? 'MON' : 'C62',
        unitAmount: 1990 + i * 37,
        taxCategory: 'S' as const,
        taxRate: i % 5 === 0 ? '7' : '19',
      })),
    }),
  );
}
