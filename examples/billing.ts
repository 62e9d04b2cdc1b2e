/**
 * Billing: a customer, an article, a monthly contract, a billing run — and the invoice it issued, as PDF.
 *
 *   npm start                      # in another terminal: the API and the worker on http://127.0.0.1:3000
 *   npm run example:billing        # writes RE-….pdf into the current directory
 */
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Article, BillingRun, Contact, Contract, Fakturo, Invoice } from '@fakturo/sdk';
import { FakturoError } from '@fakturo/sdk';
import { clientFromEnv, ensureSellerDetails, isEntryPoint } from './env';

export interface BillingOptions {
  /** The client to use; from FAKTURO_API_KEY / .data/api-key and FAKTURO_BASE_URL when omitted. */
  fakturo?: Fakturo;
  /** Where the PDF goes; the current directory by default. */
  outDir?: string;
  log?: (line: string) => void;
  /** How long to wait for the worker to finish the billing run; default 60 s. */
  maxWaitMs?: number;
}

export interface BillingResult {
  contact: Contact;
  article: Article;
  contract: Contract;
  run: BillingRun;
  invoice: Invoice;
  /** The invoice's PDF as written. */
  pdfPath: string;
}

/** 11662 → "116.62": integer arithmetic on minor units, no floating point (2-decimal currencies). */
function formatMinor(amount: number): string {
  const abs = Math.abs(amount);
  return `${amount < 0 ? '-' : ''}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/**
 * Creates a contact, an article and a monthly contract from today, bills it with a billing run (worked off
 * by the worker) that issues the invoice, and saves the invoice's PDF.
 *
 * @example
 * ```ts
 * const { invoice, pdfPath } = await main({ fakturo: new Fakturo({ apiKey, baseUrl }), outDir: '/tmp' });
 * ```
 */
export async function main(options: BillingOptions = {}): Promise<BillingResult> {
  const fakturo = options.fakturo ?? clientFromEnv();
  const log = options.log ?? console.log;
  const outDir = resolve(options.outDir ?? '.');

  await ensureSellerDetails(fakturo, log);

  const contact = await fakturo.contacts.create({
    kind: 'company',
    companyName: 'Beispiel Bäckerei GmbH',
    emails: [{ email: 'rechnung@baeckerei.example', type: 'billing' }],
    billingAddress: { line1: 'Brotgasse 3', postalCode: '80331', city: 'München', country: 'DE' },
    vatId: 'DE136695976',
  });
  log(`contact ${contact.customerNumber}: ${contact.displayName}`);

  // Money is integer minor units: 4900 = 49.00 €. Per-unit prices are decimal strings of minor units.
  const article = await fakturo.articles.create({
    name: 'Managed hosting',
    unitCode: 'MON',
    priceModel: { kind: 'per_unit', unitAmount: '4900' },
  });
  log(`article ${article.number}: ${article.name}`);

  // Monthly, billed in advance, from today: the first period is due now.
  const contract = await fakturo.contracts.create({
    contactId: contact.id,
    intervalMonths: 1,
    timing: 'in_advance',
    items: [{ articleId: article.id, quantity: '2' }],
  });
  log(`contract ${contract.id} from ${contract.startDate}, every ${contract.intervalMonths} month(s)`);

  // `finalize`: the run issues numbered invoices right away (`draft`, the default, leaves drafts to review).
  const started = await fakturo.billingRuns.create({ contractIds: [contract.id], mode: 'finalize' });
  let run: BillingRun;
  try {
    run = await fakturo.billingRuns.waitForCompletion(started.id, {
      intervalMs: 500,
      maxWaitMs: options.maxWaitMs ?? 60_000,
      onProgress: (r) => log(`billing run ${r.id}: ${r.status}, ${r.processed}/${r.total} contracts`),
    });
  } catch (error) {
    if (error instanceof FakturoError && error.code === 'billing_run_wait_timeout') {
      throw new Error(
        `${error.message} Is the worker running? \`npm start\` starts it, \`npm run start:api\` does not.`,
        { cause: error },
      );
    }
    throw error;
  }
  if (run.status !== 'completed' || run.failed > 0) {
    throw new Error(
      `billing run ${run.id} ended ${run.status}: ${JSON.stringify(run.failure ?? run.errors)}`,
    );
  }

  // The contact is new, so its only invoice is the one this run wrote.
  const [invoice] = (await fakturo.invoices.list({ contactId: contact.id, limit: 1 })).data;
  if (!invoice) throw new Error(`billing run ${run.id} completed without an invoice for ${contact.id}`);
  log(
    `invoice ${invoice.number}: ${formatMinor(invoice.grossTotal)} ${invoice.currency}, due ${invoice.dueDate}`,
  );

  const pdf = await fakturo.invoices.pdf(invoice.id);
  const pdfPath = join(outDir, `${invoice.number}.pdf`);
  await writeFile(pdfPath, pdf);
  log(`saved ${pdfPath} (${pdf.length} bytes)`);

  return { contact, article, contract, run, invoice, pdfPath };
}

if (isEntryPoint(import.meta.url)) {
  main().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
