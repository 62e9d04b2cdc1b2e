import type { Db } from '@fakturo/db';
import type { Knex } from 'knex';
import { type Ctx, scoped } from '../context';
import { applyCursor } from '../pagination';
import type { PaymentLink, PaymentLinkListQuery, PaymentLinkStatus, PaymentProviderName } from './types';

/** SQL of online payment: provider settings and payment links. */

export interface SettingsRow {
  organization_id: string;
  provider: PaymentProviderName;
  is_default: boolean;
  livemode: boolean;
  secret_key_encrypted: string;
  secret_key_hint: string;
  webhook_secret_encrypted: string | null;
  webhook_secret_hint: string | null;
  return_url: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

const SETTINGS_COLUMNS = [
  'organization_id',
  'provider',
  'is_default',
  'livemode',
  'secret_key_encrypted',
  'secret_key_hint',
  'webhook_secret_encrypted',
  'webhook_secret_hint',
  'return_url',
  'version',
  'created_at',
  'updated_at',
];

export async function listSettings(ctx: Ctx): Promise<SettingsRow[]> {
  return scoped(ctx, 'payment_provider_settings').select(SETTINGS_COLUMNS).orderBy('provider');
}

export async function findSettings(
  ctx: Ctx,
  provider: PaymentProviderName,
  options: { lock?: boolean } = {},
): Promise<SettingsRow | undefined> {
  const q = scoped(ctx, 'payment_provider_settings').select(SETTINGS_COLUMNS).where('provider', provider);
  if (options.lock) q.forUpdate();
  return q.first();
}

export async function insertSettings(ctx: Ctx, row: SettingsRow): Promise<void> {
  await ctx.db('payment_provider_settings').insert(row);
}

export async function updateSettings(
  ctx: Ctx,
  provider: PaymentProviderName,
  changes: Partial<SettingsRow>,
): Promise<void> {
  await scoped(ctx, 'payment_provider_settings').where('provider', provider).update(changes);
}

/** Clears the default flag on every other provider (the partial unique index allows one default). */
export async function clearOtherDefaults(ctx: Ctx, provider: PaymentProviderName, now: Date): Promise<void> {
  await scoped(ctx, 'payment_provider_settings')
    .where('is_default', true)
    .whereNot('provider', provider)
    .update({ is_default: false, version: ctx.db.raw('version + 1'), updated_at: now });
}

export interface LinkRow {
  id: string;
  organization_id: string;
  document_id: string;
  provider: PaymentProviderName;
  provider_object_id: string;
  livemode: boolean;
  url: string;
  return_url: string;
  status: PaymentLinkStatus;
  provider_status: string | null;
  currency: string;
  amount: number;
  expires_at: Date;
  version: number;
  created_at: Date;
  updated_at: Date;
}

const LINK_COLUMNS = [
  'id',
  'organization_id',
  'document_id',
  'provider',
  'provider_object_id',
  'livemode',
  'url',
  'return_url',
  'status',
  'provider_status',
  'currency',
  'amount',
  'expires_at',
  'version',
  'created_at',
  'updated_at',
].map((c) => `l.${c}`);

/**
 * Links with the payment each booked: a link's provider object id is the external id of its payment
 * (payments are unique per organisation, provider and external id), so the join needs no column of its own.
 */
function linksWithPayment(ctx: Ctx): Knex.QueryBuilder {
  return scoped(ctx, 'payment_links', 'l')
    .leftJoin('payments as p', function join() {
      this.on('p.organization_id', 'l.organization_id')
        .andOn('p.provider', 'l.provider')
        .andOn('p.external_id', 'l.provider_object_id')
        .andOnVal('p.type', '=', 'payment')
        .andOnVal('p.status', '=', 'succeeded');
    })
    .select([...LINK_COLUMNS, 'p.id as payment_id']);
}

export type LinkWithPayment = LinkRow & { payment_id: string | null };

export function toPaymentLink(row: LinkWithPayment): PaymentLink {
  return {
    id: row.id,
    invoiceId: row.document_id,
    provider: row.provider,
    providerObjectId: row.provider_object_id,
    livemode: row.livemode,
    url: row.url,
    returnUrl: row.return_url,
    status: row.status,
    amount: Number(row.amount),
    currency: row.currency,
    expiresAt: row.expires_at.toISOString(),
    paymentId: row.payment_id,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export async function findLink(ctx: Ctx, id: string): Promise<LinkWithPayment | undefined> {
  return linksWithPayment(ctx).where('l.id', id).first();
}

export function listQuery(ctx: Ctx, query: PaymentLinkListQuery): Knex.QueryBuilder {
  const q = linksWithPayment(ctx);
  if (query.invoiceId) q.where('l.document_id', query.invoiceId);
  if (query.status) q.where('l.status', query.status);
  return applyCursor(q, query, 'l.id');
}

/** The newest open links of an invoice with one provider, newest first (candidates for reuse). */
export async function openLinks(
  ctx: Ctx,
  documentId: string,
  provider: PaymentProviderName,
): Promise<LinkRow[]> {
  return scoped(ctx, 'payment_links')
    .select(LINK_COLUMNS.map((c) => c.slice(2)))
    .where({ document_id: documentId, provider, status: 'open' })
    .orderBy('id', 'desc')
    .limit(10);
}

export async function insertLink(ctx: Ctx, row: LinkRow): Promise<void> {
  await ctx.db('payment_links').insert(row);
}

/**
 * The one unscoped read of this area: an unauthenticated provider callback names only the provider's object
 * id, and the link it finds says which organisation (and so which key) the callback is checked against.
 * Nothing from the callback is trusted before that check.
 */
export async function locateLink(
  db: Db,
  provider: PaymentProviderName,
  providerObjectId: string,
): Promise<{ id: string; organization_id: string } | undefined> {
  return db('payment_links')
    .where({ provider, provider_object_id: providerObjectId })
    .first('id', 'organization_id');
}

/**
 * A Stripe link by its own id, unscoped like `locateLink`: a Charge names it in its metadata. Fakturo sets
 * `fakturo_payment_link_id` in the Checkout Session's `payment_intent_data.metadata`, and Stripe copies a
 * PaymentIntent's metadata onto the Charge it creates — so a `charge.refunded` finds its link by primary key,
 * even when it overtakes the `checkout.session.completed` that books the payment.
 */
export async function locateLinkById(
  db: Db,
  provider: PaymentProviderName,
  id: string,
): Promise<{ id: string; organization_id: string } | undefined> {
  return db('payment_links').where({ id, provider }).first('id', 'organization_id');
}

/**
 * The Stripe link whose booked payment came from this PaymentIntent, unscoped like `locateLink`. A Dispute
 * carries no metadata, only the ids of its Charge and PaymentIntent; the PaymentIntent is the one Fakturo
 * knows, kept in the payment's metadata (`stripePaymentIntent`) since the checkout completed. Only links of
 * a booked payment can be found this way — which is all a dispute can be about.
 *
 * It runs before the event's signature can be checked, so it must stay cheap for anyone who posts a `pi_…`:
 * the partial index `payments_stripe_payment_intent_idx` (migration 0018) covers exactly this expression and
 * predicate.
 */
export async function locateLinkByStripePaymentIntent(
  db: Db,
  paymentIntent: string,
): Promise<{ id: string; organization_id: string } | undefined> {
  return db('payments as p')
    .join('payment_links as l', function join() {
      this.on('l.organization_id', 'p.organization_id')
        .andOn('l.provider', 'p.provider')
        .andOn('l.provider_object_id', 'p.external_id');
    })
    .where({ 'p.provider': 'stripe', 'p.type': 'payment' })
    .whereRaw(`p.metadata->>'stripePaymentIntent' = ?`, [paymentIntent])
    .first('l.id', 'l.organization_id');
}

/**
 * What Stripe disputes took back from a payment so far: the sum of its refunds booked for disputes' withdrawn
 * funds (provider ids `<dispute>:funds_withdrawn`).
 */
export async function stripeDisputeWithdrawals(ctx: Ctx, paymentId: string): Promise<number> {
  const row: { total: string | number | null } | undefined = await scoped(ctx, 'payments')
    .where({ type: 'refund', refunded_payment_id: paymentId, provider: 'stripe' })
    .whereRaw('external_id LIKE ?', ['%:funds\\_withdrawn'])
    .sum({ total: 'amount' })
    .first();
  return Number(row?.total ?? 0);
}

export async function lockLink(ctx: Ctx, id: string): Promise<LinkRow | undefined> {
  return scoped(ctx, 'payment_links')
    .select(LINK_COLUMNS.map((c) => c.slice(2)))
    .where('id', id)
    .forUpdate()
    .first();
}

export async function updateLink(
  ctx: Ctx,
  row: LinkRow,
  changes: { status: PaymentLinkStatus; provider_status: string },
  now: Date,
): Promise<void> {
  await scoped(ctx, 'payment_links')
    .where('id', row.id)
    .update({ ...changes, version: row.version + 1, updated_at: now });
}
