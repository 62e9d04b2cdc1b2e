/**
 * A minimal webshop connector: pushes the shop's customers into Fakturo as contacts, keyed by the shop's
 * own customer id (`source` + `externalId`), so it can run again and again without creating duplicates; then
 * turns the shop's orders into invoices with `PUT /v1/connectors/{source}/orders/{externalId}`.
 *
 *   npm start                              # in another terminal
 *   npm run example:webshop-connector      # run it twice: the second run creates nothing
 *
 * For each customer it looks the contact up with `GET /v1/contacts?source=&externalId=`, then creates it,
 * updates it (only when something changed, with `ifMatch` so a concurrent edit in Fakturo is not lost),
 * or leaves it alone. (`fakturo.connectors.upsertContact` does create-or-update in one call; this example
 * shows the steps, and what to do with an archived contact.) Each order becomes one draft invoice: its
 * customer and products are matched by the shop's ids, and the same order again changes nothing.
 */
import { createHash } from 'node:crypto';
import {
  type Contact,
  type ContactCreateParams,
  type Fakturo,
  type Invoice,
  PreconditionFailedError,
} from '@fakturo/sdk';
import { clientFromEnv, ensureSellerDetails, isEntryPoint } from './env';

/** A customer as a typical shop exports it (WooCommerce-like field names). */
export interface ShopCustomer {
  id: number;
  email: string;
  first_name: string;
  last_name: string;
  company?: string;
  vat_number?: string;
  billing: { address_1: string; address_2?: string; postcode: string; city: string; country: string };
}

export const SAMPLE_CUSTOMERS: ShopCustomer[] = [
  {
    id: 1001,
    email: 'anna.schmidt@example.org',
    first_name: 'Anna',
    last_name: 'Schmidt',
    billing: { address_1: 'Lindenallee 5', postcode: '20095', city: 'Hamburg', country: 'DE' },
  },
  {
    id: 1002,
    email: 'einkauf@kaffeekontor.example',
    first_name: 'Jonas',
    last_name: 'Weber',
    company: 'Kaffeekontor Weber KG',
    vat_number: 'DE136695976',
    billing: {
      address_1: 'Speicherstadt 12',
      address_2: '3. OG',
      postcode: '20457',
      city: 'Hamburg',
      country: 'DE',
    },
  },
  {
    id: 1003,
    email: 'lea.muller@example.at',
    first_name: 'Lea',
    last_name: 'Müller',
    billing: { address_1: 'Mariahilfer Straße 1', postcode: '1060', city: 'Wien', country: 'AT' },
  },
];

/** An order as the shop exports it: prices in cents, gross of nothing (net prices, VAT added by Fakturo). */
export interface ShopOrder {
  id: number;
  customer_id: number;
  items: { sku: string; title: string; quantity: number; price_cents: number }[];
  shipping_cents: number;
}

export const SAMPLE_ORDERS: ShopOrder[] = [
  {
    id: 5001,
    customer_id: 1002,
    items: [
      { sku: 'KAF-1KG', title: 'Espresso-Bohnen 1 kg', quantity: 6, price_cents: 1890 },
      { sku: 'FLT-100', title: 'Filtertüten (100 Stück)', quantity: 2, price_cents: 390 },
    ],
    shipping_cents: 590,
  },
  {
    id: 5002,
    customer_id: 1001,
    items: [{ sku: 'KAF-1KG', title: 'Espresso-Bohnen 1 kg', quantity: 1, price_cents: 1890 }],
    shipping_cents: 490,
  },
];

export interface ConnectorOptions {
  fakturo?: Fakturo;
  /** The shop's name as Fakturo's `source`, e.g. `woocommerce`. */
  source?: string;
  customers?: ShopCustomer[];
  orders?: ShopOrder[];
  log?: (line: string) => void;
}

export type SyncOutcome = 'created' | 'updated' | 'unchanged' | 'archived';

export interface ConnectorResult {
  counts: Record<SyncOutcome, number>;
  /** The contact of each customer, by the shop's customer id. */
  contacts: Map<string, Contact>;
  /** The invoice of each order, by the shop's order id. */
  invoices: Map<string, Invoice>;
}

/**
 * The contact a customer should be. Only fields the shop owns are set; notes, tags or bank data added in
 * Fakturo are left alone by updates.
 *
 * @example
 * ```ts
 * const input = toContact(SAMPLE_CUSTOMERS[0], 'demo-shop');
 * ```
 */
export function toContact(customer: ShopCustomer, source: string) {
  const company = customer.company?.trim();
  return {
    kind: company ? 'company' : 'person',
    companyName: company || null,
    firstName: customer.first_name,
    lastName: customer.last_name,
    emails: [{ email: customer.email, type: 'billing' }],
    billingAddress: {
      line1: customer.billing.address_1,
      line2: customer.billing.address_2 || null,
      postalCode: customer.billing.postcode,
      city: customer.billing.city,
      country: customer.billing.country,
    },
    vatId: customer.vat_number || null,
    source,
    externalId: String(customer.id),
  } satisfies ContactCreateParams;
}

type Wanted = ReturnType<typeof toContact>;

/** The same fields read from a stored contact, to see whether an update is needed. */
function currentFields(contact: Contact): Record<keyof Wanted, unknown> {
  const address = contact.billingAddress;
  return {
    kind: contact.kind,
    companyName: contact.companyName,
    firstName: contact.firstName,
    lastName: contact.lastName,
    emails: contact.emails.map(({ email, type }) => ({ email, type })),
    billingAddress: address && {
      line1: address.line1,
      line2: address.line2 ?? null,
      postalCode: address.postalCode,
      city: address.city,
      country: address.country,
    },
    vatId: contact.vatId,
    source: contact.source,
    externalId: contact.externalId,
  };
}

/** JSON for comparing, where an empty string and null both mean "not set" (the API may return either). */
function comparable(value: unknown): string | undefined {
  return JSON.stringify(value, (_key, v) => (v === '' || v === null ? undefined : v));
}

async function findContact(
  fakturo: Fakturo,
  source: string,
  externalId: string,
): Promise<Contact | undefined> {
  const active = await fakturo.contacts.list({ source, externalId, limit: 1 });
  if (active.data[0]) return active.data[0];
  // an archived contact keeps its external id: find it rather than fail to create a second one
  const archived = await fakturo.contacts.list({ source, externalId, archived: true, limit: 1 });
  return archived.data[0];
}

async function syncCustomer(fakturo: Fakturo, source: string, customer: ShopCustomer) {
  const wanted = toContact(customer, source);
  const existing = await findContact(fakturo, source, wanted.externalId);
  if (!existing) {
    // Two connector runs racing each other send the same key for the same data, so the API creates one
    // contact and replays it to the other (a changed customer gets a new key: the data is in the hash).
    const digest = createHash('sha256').update(JSON.stringify(wanted)).digest('hex').slice(0, 32);
    const contact = await fakturo.contacts.create(wanted, { idempotencyKey: `${source}-customer-${digest}` });
    return { outcome: 'created' as const, contact };
  }
  if (existing.archived) return { outcome: 'archived' as const, contact: existing };

  const current = currentFields(existing);
  const changed: Partial<Wanted> = Object.fromEntries(
    Object.entries(wanted).filter(
      ([key, value]) => comparable(current[key as keyof Wanted]) !== comparable(value),
    ),
  );
  if (Object.keys(changed).length === 0) return { outcome: 'unchanged' as const, contact: existing };
  try {
    const contact = await fakturo.contacts.update(existing.id, changed, { ifMatch: existing.version });
    return { outcome: 'updated' as const, contact };
  } catch (error) {
    // Someone edited the contact in Fakturo since we read it: read again and apply the shop's fields on top.
    if (!(error instanceof PreconditionFailedError)) throw error;
    const fresh = await fakturo.contacts.get(existing.id);
    const contact = await fakturo.contacts.update(existing.id, changed, { ifMatch: fresh.version });
    return { outcome: 'updated' as const, contact };
  }
}

/**
 * The order as Fakturo's connector takes it: the customer and the products by the shop's ids (created or
 * matched, never duplicated), shipping as a free line. `finalize: true` would issue the invoice at once (the
 * organisation's details must then be complete); this example leaves drafts.
 */
export function toOrder(order: ShopOrder, customer: ShopCustomer, source: string) {
  return {
    customer: toContact(customer, source),
    lines: [
      ...order.items.map((item) => ({
        article: {
          externalId: item.sku,
          name: item.title,
          priceModel: { kind: 'per_unit' as const, unitAmount: String(item.price_cents) },
        },
        quantity: String(item.quantity),
      })),
      { name: 'Versand', unitAmount: order.shipping_cents },
    ],
    notes: [`Bestellung ${order.id}`],
  };
}

/**
 * Pushes every customer, then every order; safe to run any number of times.
 *
 * @example
 * ```ts
 * const { counts } = await main({ fakturo, source: 'woocommerce', customers: await shop.customers() });
 * console.log(counts); // { created: 3, updated: 0, unchanged: 0, archived: 0 } on the first run
 * ```
 */
export async function main(options: ConnectorOptions = {}): Promise<ConnectorResult> {
  const fakturo = options.fakturo ?? clientFromEnv();
  const source = options.source ?? 'demo-shop';
  const customers = options.customers ?? SAMPLE_CUSTOMERS;
  const log = options.log ?? console.log;

  const counts: Record<SyncOutcome, number> = { created: 0, updated: 0, unchanged: 0, archived: 0 };
  const contacts = new Map<string, Contact>();
  for (const customer of customers) {
    const { outcome, contact } = await syncCustomer(fakturo, source, customer);
    counts[outcome] += 1;
    contacts.set(String(customer.id), contact);
    log(`${outcome.padEnd(9)} ${source}/${customer.id} → ${contact.id} (${contact.displayName})`);
  }
  log(
    `done: ${counts.created} created, ${counts.updated} updated, ${counts.unchanged} unchanged, ${counts.archived} archived (left alone)`,
  );

  // an invoice, even a draft, needs the seller's country (VAT follows it): demo values where none are set
  await ensureSellerDetails(fakturo, log);
  const byId = new Map(customers.map((c) => [c.id, c]));
  const invoices = new Map<string, Invoice>();
  for (const order of options.orders ?? SAMPLE_ORDERS) {
    const customer = byId.get(order.customer_id);
    if (!customer)
      throw new Error(`order ${order.id}: customer ${order.customer_id} is not in the shop's list`);
    const invoice = await fakturo.connectors.upsertOrder(
      source,
      String(order.id),
      toOrder(order, customer, source),
    );
    invoices.set(String(order.id), invoice);
    log(
      `order     ${source}/${order.id} → ${invoice.id} (${invoice.status}, net ${invoice.lineNetTotal} cents)`,
    );
  }
  return { counts, contacts, invoices };
}

if (isEntryPoint(import.meta.url)) {
  main().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
