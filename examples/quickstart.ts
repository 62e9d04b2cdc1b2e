/**
 * Quickstart: create a contact, then list the newest contacts.
 *
 *   npm start                      # in another terminal: the API on http://127.0.0.1:3000
 *   npm run example:quickstart
 */
import type { Contact, Fakturo } from '@fakturo/sdk';
import { clientFromEnv, isEntryPoint } from './env';

export interface QuickstartOptions {
  /** The client to use; from FAKTURO_API_KEY / .data/api-key and FAKTURO_BASE_URL when omitted. */
  fakturo?: Fakturo;
  log?: (line: string) => void;
}

export interface QuickstartResult {
  created: Contact;
  newest: Contact[];
}

/**
 * Creates one company contact and lists the five newest contacts.
 *
 * @example
 * ```ts
 * const { created, newest } = await main({ fakturo: new Fakturo({ apiKey, baseUrl }) });
 * ```
 */
export async function main(options: QuickstartOptions = {}): Promise<QuickstartResult> {
  const fakturo = options.fakturo ?? clientFromEnv();
  const log = options.log ?? console.log;

  const created = await fakturo.contacts.create({
    kind: 'company',
    companyName: 'Beispiel Bäckerei GmbH',
    emails: [{ email: 'rechnung@baeckerei.example', type: 'billing' }],
    billingAddress: { line1: 'Brotgasse 3', postalCode: '80331', city: 'München', country: 'DE' },
    vatId: 'DE136695976',
    paymentTermsDays: 14,
  });
  log(`created ${created.id}: ${created.displayName}, customer number ${created.customerNumber}`);

  const page = await fakturo.contacts.list({ limit: 5 });
  log(`newest ${page.data.length} contacts${page.hasMore ? ' (more exist)' : ''}:`);
  for (const contact of page.data) log(`  ${contact.customerNumber}  ${contact.displayName}`);
  return { created, newest: page.data };
}

if (isEntryPoint(import.meta.url)) {
  main().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
