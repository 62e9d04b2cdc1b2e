import type { Db } from '@fakturo/db';
import type { Payment as MolliePayment } from '@mollie/api-client';
import type Stripe from 'stripe';
import * as audit from '../audit/service';
import type { Clock } from '../clock';
import { type Ctx, inTransaction } from '../context';
import { decryptSecret, encryptSecret } from '../crypto/secrets';
import * as documentsRepo from '../documents/repo';
import { DomainError, FieldErrors, notFound, versionMismatch, withArticle } from '../errors';
import * as events from '../events/service';
import { isId, newId } from '../ids';
import { isCurrency } from '../money';
import { type Page, toPage } from '../pagination';
import { openAmount } from '../payments/rules';
import * as payments from '../payments/service';
import type { Payment } from '../payments/types';
import { clockOf } from '../test-clock/service';
import { mollieClient, providerError, stripeClient, stripeWebhooks } from './clients';
import * as repo from './repo';
import {
  checkProviderInput,
  checkReturnUrl,
  fromDecimalAmount,
  fromStripeAmount,
  isLiveKey,
  isReusable,
  linkStatusAfter,
  maskSecret,
  mollieOutcome,
  type ReportOutcome,
  type StripeSubject,
  stripeDisputeFunds,
  stripeExponent,
  stripeOutcome,
  stripeReinstatementId,
  stripeSubject,
  stripeWithdrawalId,
  toDecimalAmount,
  toStripeAmount,
} from './rules';
import type {
  PaymentLink,
  PaymentLinkInput,
  PaymentLinkListQuery,
  PaymentProvider,
  PaymentProviderInput,
  PaymentProviderName,
  WebhookOutcome,
} from './types';

/**
 * Online payment (issue 6 item 2, docs/online-payments.md): an organisation connects Stripe or Mollie with
 * its own keys (stored encrypted, shown masked), makes a payment link for an issued invoice, and the
 * provider's callback books the money through the payments core (`payments.record`) — so a repeated or late
 * callback books nothing twice, and the invoice turns paid in the same transaction as the booking.
 */

/** Where this installation is reachable; the provider callbacks' addresses start with it. */
export interface PspOptions {
  publicUrl: string;
}

/** What an unauthenticated provider callback runs with: the pool and each organisation's clock. */
export interface Platform {
  db: Db;
  clockFor: (organizationId: string) => Clock;
}

export function webhookUrl(publicUrl: string, provider: PaymentProviderName): string {
  return `${publicUrl.replace(/\/+$/, '')}/v1/psp/${provider}/webhook`;
}

// Each secret is bound to its organisation, provider and column (GCM additional data), so a ciphertext
// copied into another row or column does not decrypt.
const secretContext = (organizationId: string, provider: PaymentProviderName, column: string) =>
  `payment_provider:${organizationId}:${provider}:${column}`;

// ——— provider settings ———

function toProvider(row: repo.SettingsRow, options: PspOptions): PaymentProvider {
  const stripe = row.provider === 'stripe';
  return {
    provider: row.provider,
    livemode: row.livemode,
    isDefault: row.is_default,
    secretKey: stripe ? row.secret_key_hint : null,
    webhookSigningSecret: stripe ? row.webhook_secret_hint : null,
    apiKey: stripe ? null : row.secret_key_hint,
    returnUrl: row.return_url,
    webhookUrl: webhookUrl(options.publicUrl, row.provider),
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

const providerNotFound = (provider: string) =>
  new DomainError(
    'not_found',
    'payment_provider_not_found',
    `No ${provider} connection is set up; PUT /v1/payment-providers/${provider} first.`,
  );

export async function listProviders(ctx: Ctx, options: PspOptions): Promise<PaymentProvider[]> {
  return (await repo.listSettings(ctx)).map((row) => toProvider(row, options));
}

export async function getProvider(
  ctx: Ctx,
  provider: PaymentProviderName,
  options: PspOptions,
): Promise<PaymentProvider> {
  const row = await repo.findSettings(ctx, provider);
  if (!row) throw providerNotFound(provider);
  return toProvider(row, options);
}

/**
 * Connects a provider or changes its settings. Secrets left out keep their stored value; a new one replaces
 * it (key rotation). The first provider connected becomes the default; `isDefault: true` moves the default
 * here. `expectedVersion` (If-Match) refuses to overwrite a change made meanwhile. Every broken rule is
 * reported at once (422) and nothing is written. The audit log keeps the masked values only.
 */
export async function putProvider(
  ctx: Ctx,
  provider: PaymentProviderName,
  input: PaymentProviderInput,
  options: PspOptions & { expectedVersion?: number },
): Promise<{ provider: PaymentProvider; created: boolean }> {
  return inTransaction(ctx, async (tx) => {
    const existing = await repo.findSettings(tx, provider, { lock: true });
    if (options.expectedVersion !== undefined && existing && existing.version !== options.expectedVersion) {
      throw versionMismatch('payment_provider', options.expectedVersion, existing.version);
    }
    const errors = new FieldErrors();
    checkProviderInput(provider, input, existing ? { secretKey: true } : null, errors);
    errors.throwIfAny();

    const now = tx.clock.now();
    const org = tx.organizationId;
    const key = provider === 'stripe' ? input.secretKey : input.apiKey;
    const changes: Partial<repo.SettingsRow> = {};
    if (key !== undefined) {
      changes.secret_key_encrypted = encryptSecret(key, secretContext(org, provider, 'secret_key'));
      changes.secret_key_hint = maskSecret(key);
      changes.livemode = isLiveKey(key);
    }
    if (input.webhookSigningSecret !== undefined) {
      changes.webhook_secret_encrypted = encryptSecret(
        input.webhookSigningSecret,
        secretContext(org, provider, 'webhook_secret'),
      );
      changes.webhook_secret_hint = maskSecret(input.webhookSigningSecret);
    }
    if (input.returnUrl !== undefined) changes.return_url = input.returnUrl;
    if (input.isDefault !== undefined) changes.is_default = input.isDefault;
    else if (!existing) {
      // the first provider connected is the default, so a payment link works without naming one
      changes.is_default = (await repo.listSettings(tx)).every((r) => !r.is_default);
    }
    if (changes.is_default) await repo.clearOtherDefaults(tx, provider, now);

    if (existing) {
      await repo.updateSettings(tx, provider, { ...changes, version: existing.version + 1, updated_at: now });
    } else {
      await repo.insertSettings(tx, {
        organization_id: org,
        provider,
        is_default: changes.is_default ?? false,
        livemode: changes.livemode!,
        secret_key_encrypted: changes.secret_key_encrypted!,
        secret_key_hint: changes.secret_key_hint!,
        webhook_secret_encrypted: changes.webhook_secret_encrypted ?? null,
        webhook_secret_hint: changes.webhook_secret_hint ?? null,
        return_url: changes.return_url ?? null,
        version: 1,
        created_at: now,
        updated_at: now,
      });
    }
    const after = toProvider((await repo.findSettings(tx, provider))!, options);
    await audit.record(tx, {
      action: existing ? 'payment_provider.updated' : 'payment_provider.connected',
      resourceType: 'payment_provider',
      resourceId: provider,
      before: existing ? toProvider(existing, options) : undefined,
      after,
    });
    return { provider: after, created: !existing };
  });
}

// ——— payment links ———

export async function getPaymentLink(ctx: Ctx, id: string): Promise<PaymentLink> {
  const row = await repo.findLink(ctx, id);
  if (!row) throw notFound('payment_link', id);
  return repo.toPaymentLink(row);
}

export async function listPaymentLinks(ctx: Ctx, query: PaymentLinkListQuery): Promise<Page<PaymentLink>> {
  const rows: repo.LinkWithPayment[] = await repo.listQuery(ctx, query);
  return toPage(rows, query, repo.toPaymentLink);
}

/** Why an invoice cannot be paid online (409 with a code naming its state), or null. */
function notPayable(row: documentsRepo.DocumentRow, open: number): DomainError | null {
  const refuse = (code: string, message: string) =>
    new DomainError('conflict', code, message, { details: { state: row.status } });
  if (row.status === 'draft')
    return refuse('invoice_not_finalized', 'A draft cannot be paid; finalize it first.');
  if (row.status === 'cancelled') return refuse('invoice_cancelled', 'The invoice is cancelled.');
  if (row.status === 'paid') return refuse('invoice_paid', 'The invoice is paid already.');
  if (open === 0) {
    return refuse(
      'invoice_not_payable',
      `${withArticle(row.type.replace('_', ' '))} owing nothing takes no online payment.`,
    );
  }
  return null;
}

/** The provider named, or else the default one, or else the only one. */
function pickProvider(rows: repo.SettingsRow[], wanted: PaymentProviderName | undefined) {
  return wanted
    ? rows.find((r) => r.provider === wanted)
    : (rows.find((r) => r.is_default) ?? (rows.length === 1 ? rows[0] : undefined));
}

/** The provider a payment link made without naming one goes through (the customer portal's); null when none. */
export async function defaultProvider(ctx: Ctx): Promise<PaymentProviderName | null> {
  return pickProvider(await repo.listSettings(ctx), undefined)?.provider ?? null;
}

async function chooseProvider(ctx: Ctx, wanted: PaymentProviderName | undefined): Promise<repo.SettingsRow> {
  const rows = await repo.listSettings(ctx);
  const chosen = pickProvider(rows, wanted);
  if (!chosen) {
    throw new DomainError(
      'conflict',
      'payment_provider_not_configured',
      wanted
        ? `${wanted} is not connected; PUT /v1/payment-providers/${wanted} first.`
        : rows.length === 0
          ? 'No payment provider is connected; PUT /v1/payment-providers/stripe or /mollie first.'
          : 'Several providers are connected and none is the default: name a `provider`.',
      { details: { provider: wanted ?? null } },
    );
  }
  return chosen;
}

interface Checkout {
  providerObjectId: string;
  url: string;
  expiresAt: Date;
  livemode: boolean;
}

async function createStripeCheckout(
  secretKey: string,
  linkId: string,
  invoice: documentsRepo.DocumentRow,
  amount: number,
  returnUrl: string,
  organizationId: string,
): Promise<Checkout> {
  const metadata = {
    fakturo_organization_id: organizationId,
    fakturo_invoice_id: invoice.id,
    fakturo_payment_link_id: linkId,
  };
  const description = `Invoice ${invoice.number}`;
  let unitAmount: number;
  try {
    unitAmount = toStripeAmount(amount, invoice.currency);
  } catch {
    throw new DomainError(
      'conflict',
      'payment_provider_rejected',
      `Stripe cannot charge ${amount} ${invoice.currency} minor units exactly (its ${invoice.currency} amounts have ${stripeExponent(invoice.currency)} decimals).`,
      { details: { provider: 'stripe' } },
    );
  }
  let session: Stripe.Checkout.Session;
  try {
    session = await stripeClient(secretKey).checkout.sessions.create(
      {
        mode: 'payment',
        client_reference_id: linkId,
        line_items: [
          {
            quantity: 1,
            price_data: {
              currency: invoice.currency.toLowerCase(),
              unit_amount: unitAmount,
              product_data: { name: description },
            },
          },
        ],
        metadata,
        payment_intent_data: { description, metadata },
        ...(invoice.buyer?.email ? { customer_email: invoice.buyer.email } : {}),
        success_url: returnUrl,
        cancel_url: returnUrl,
      },
      // one link id, one session: the SDK's retries and a repeat after a timeout do not make a second one
      { idempotencyKey: `fakturo-${linkId}` },
    );
  } catch (error) {
    throw providerError('stripe', error);
  }
  if (!session.url) throw new Error(`Stripe Checkout Session ${session.id} came without a url`);
  return {
    providerObjectId: session.id,
    url: session.url,
    expiresAt: new Date(session.expires_at * 1000),
    livemode: session.livemode,
  };
}

// Mollie gives every open payment an expiry; should one come without, the shortest (cards) is assumed.
const MOLLIE_FALLBACK_EXPIRY_MS = 15 * 60 * 1000;

async function createMolliePayment(
  apiKey: string,
  linkId: string,
  invoice: documentsRepo.DocumentRow,
  amount: number,
  returnUrl: string,
  organizationId: string,
  options: PspOptions,
  now: Date,
): Promise<Checkout> {
  let payment: MolliePayment;
  try {
    payment = await mollieClient(apiKey).payments.create({
      amount: { currency: invoice.currency, value: toDecimalAmount(amount, invoice.currency) },
      description: `Invoice ${invoice.number}`,
      redirectUrl: returnUrl,
      webhookUrl: webhookUrl(options.publicUrl, 'mollie'),
      metadata: {
        fakturoOrganizationId: organizationId,
        fakturoInvoiceId: invoice.id,
        fakturoPaymentLinkId: linkId,
      },
      idempotencyKey: `fakturo-${linkId}`,
    });
  } catch (error) {
    throw providerError('mollie', error);
  }
  const url = payment.getCheckoutUrl();
  if (!url) throw new Error(`Mollie payment ${payment.id} came without a checkout link`);
  return {
    providerObjectId: payment.id,
    url,
    expiresAt: payment.expiresAt
      ? new Date(payment.expiresAt)
      : new Date(now.getTime() + MOLLIE_FALLBACK_EXPIRY_MS),
    livemode: payment.mode === 'live',
  };
}

/**
 * A payment link for an issued invoice (`POST /invoices/{id}/payment-link`): a Stripe Checkout Session or a
 * Mollie payment for the invoice's open amount, through the provider named or the organisation's default.
 * An open link of that provider for the same amount, with at least 10 minutes left, is returned again
 * (`created: false`); after a partial payment the amount differs and a new link is made. Drafts, cancelled
 * and paid invoices answer 409.
 *
 * The provider is called inside the transaction, under a per-invoice advisory lock: two requests at once
 * get one link, and a link is stored exactly when its URL is handed out (a failed commit hands out nothing,
 * so nobody can pay a checkout Fakturo does not know). The lock holds no row, so payments of the invoice
 * are not held up meanwhile.
 */
export async function createPaymentLink(
  ctx: Ctx,
  invoiceId: string,
  input: PaymentLinkInput,
  options: PspOptions,
): Promise<{ link: PaymentLink; created: boolean }> {
  const errors = new FieldErrors();
  checkReturnUrl(input.returnUrl, errors);
  errors.throwIfAny();
  return inTransaction(ctx, async (tx) => {
    await tx.db.raw('SELECT pg_advisory_xact_lock(hashtext(?), hashtext(?))', ['payment_link', invoiceId]);
    const invoice = await documentsRepo.findRow(tx, invoiceId, 'invoice');
    if (!invoice) throw notFound('invoice', invoiceId);
    const open = openAmount({
      type: invoice.type,
      status: invoice.status,
      amountDue: invoice.amount_due,
      amountCredited: invoice.amount_credited,
      amountPaid: invoice.amount_paid,
    });
    const refused = notPayable(invoice, open);
    if (refused) throw refused;
    const settings = await chooseProvider(tx, input.provider);
    const provider = settings.provider;
    const returnUrl = input.returnUrl ?? settings.return_url;
    if (!returnUrl) {
      errors.add(
        'returnUrl',
        'return_url_missing',
        `where the payer returns after paying: give one here or set returnUrl on the ${provider} settings`,
      );
      errors.throwIfAny();
    }
    const now = tx.clock.now();
    const reusable = (await repo.openLinks(tx, invoice.id, provider)).find((link) =>
      isReusable(
        { ...link, amount: Number(link.amount), expiresAt: link.expires_at },
        { provider, amount: open, currency: invoice.currency },
        now,
      ),
    );
    if (reusable) return { link: await getPaymentLink(tx, reusable.id), created: false };

    const id = newId('paymentLink');
    const key = decryptSecret(
      settings.secret_key_encrypted,
      secretContext(tx.organizationId, provider, 'secret_key'),
    );
    const checkout =
      provider === 'stripe'
        ? await createStripeCheckout(key, id, invoice, open, returnUrl!, tx.organizationId)
        : await createMolliePayment(key, id, invoice, open, returnUrl!, tx.organizationId, options, now);
    await repo.insertLink(tx, {
      id,
      organization_id: tx.organizationId,
      document_id: invoice.id,
      provider,
      provider_object_id: checkout.providerObjectId,
      livemode: checkout.livemode,
      url: checkout.url,
      return_url: returnUrl!,
      status: 'open',
      provider_status: null,
      currency: invoice.currency,
      amount: open,
      expires_at: checkout.expiresAt,
      version: 1,
      created_at: now,
      updated_at: now,
    });
    const link = await getPaymentLink(tx, id);
    await events.emit(tx, 'payment_link.created', { ...link });
    await audit.record(tx, {
      action: 'payment_link.created',
      resourceType: 'payment_link',
      resourceId: id,
      after: link,
    });
    return { link, created: true };
  });
}

// ——— provider callbacks ———

/** The context a verified callback acts in: the link's organisation, at its clock, as the provider. */
async function callbackContext(
  platform: Platform,
  organizationId: string,
  provider: PaymentProviderName,
  requestId?: string,
): Promise<Ctx> {
  return {
    db: platform.db,
    organizationId,
    clock: await clockOf(platform.db, organizationId, platform.clockFor(organizationId)),
    actor: { type: 'system', id: provider, scopes: ['read', 'write'] },
    ...(requestId ? { requestId } : {}),
  };
}

const ignored = (paymentLinkId: string | null = null): WebhookOutcome => ({
  received: true,
  result: 'ignored',
  paymentLinkId,
  paymentId: null,
});

interface Report {
  outcome: ReportOutcome;
  /** The provider's own word for it, kept on the link (`checkout.session.completed`, `paid`). */
  providerStatus: string;
  /** What the provider says moved; verified data only. */
  amount: number;
  currency: string;
  paidAt?: string;
  failureReason?: string;
  metadata: Record<string, string>;
  /**
   * What the provider says went back to the payer since (refunds and chargebacks made at the provider, e.g.
   * in its dashboard), in minor units of `currency`; Fakturo's refunds of the payment catch up to it. Mollie
   * reports it with the payment; Stripe in events of their own (applyStripeRefunds, applyStripeDispute).
   */
  returned?: number;
}

/**
 * Applies a verified provider report to its link, in one transaction: the link's status moves forward only
 * (rules.linkStatusAfter), and a success books the money through `payments.record` keyed by the provider's
 * id, which returns the payment booked before when the report repeats — so a callback delivered twice, or
 * a `failed` arriving after `paid`, never books twice or un-books. The money goes onto the invoice up to what
 * it still owes; an invoice paid otherwise or cancelled meanwhile leaves it in the contact's credit balance.
 */
async function applyReport(ctx: Ctx, linkId: string, report: Report): Promise<WebhookOutcome> {
  return inTransaction(ctx, async (tx) => {
    // the link's row lock queues two deliveries of one checkout (lock order: link, then the payments core's)
    const link = await repo.lockLink(tx, linkId);
    if (!link) return ignored();
    const status = linkStatusAfter(link.status, report.outcome.status);
    const moved = status !== link.status;
    if (moved || link.provider_status !== report.providerStatus) {
      await repo.updateLink(tx, link, { status, provider_status: report.providerStatus }, tx.clock.now());
    }
    if (!report.outcome.book) {
      return {
        received: true,
        result: moved ? 'updated' : 'ignored',
        paymentLinkId: link.id,
        paymentId: null,
      };
    }
    const { invoice, target } = await bookingTarget(tx, link, report.currency);
    const { payment, created } = await payments.record(tx, {
      ...target,
      // a provider reporting no amount (it always does for a payment) books what the link asked
      amount: report.amount > 0 ? report.amount : Number(link.amount),
      currency: report.currency,
      method: link.provider,
      status: report.outcome.book,
      ...(report.outcome.book === 'failed'
        ? { failureReason: report.failureReason ?? report.providerStatus }
        : {}),
      provider: link.provider,
      externalId: link.provider_object_id,
      description: invoice?.number ? `Invoice ${invoice.number}` : null,
      ...(report.paidAt ? { paidAt: report.paidAt } : {}),
      metadata: { paymentLinkId: link.id, ...report.metadata },
    });
    const returned =
      report.returned !== undefined &&
      (await catchUpReturns(tx, link, payment, {
        total: report.returned,
        currency: report.currency,
        externalId: `${link.provider_object_id}:returned:${report.returned}`,
        reason: 'Mollie: refunded or charged back at the provider',
        metadata: report.metadata,
      })) !== null;
    const result: WebhookOutcome['result'] = !created
      ? returned
        ? 'updated'
        : 'already_booked'
      : payment.status === 'succeeded'
        ? 'booked'
        : 'updated';
    return { received: true, result, paymentLinkId: link.id, paymentId: payment.id };
  });
}

/**
 * Where money from a link goes: onto its invoice while the invoice owes something in that currency, else —
 * the invoice was paid otherwise, credited or cancelled meanwhile — into the contact's credit balance.
 */
async function bookingTarget(
  tx: Ctx,
  link: repo.LinkRow,
  currency: string,
): Promise<{
  invoice: documentsRepo.DocumentRow | undefined;
  target: { invoiceId: string } | { contactId: string; allocations: [] };
}> {
  const invoice = await documentsRepo.findRow(tx, link.document_id, 'invoice');
  const owes =
    invoice !== undefined &&
    openAmount({
      type: invoice.type,
      status: invoice.status,
      amountDue: invoice.amount_due,
      amountCredited: invoice.amount_credited,
      amountPaid: invoice.amount_paid,
    }) > 0 &&
    invoice.currency === currency;
  return {
    invoice,
    target: owes ? { invoiceId: link.document_id } : { contactId: invoice!.contact_id, allocations: [] },
  };
}

/** Money a provider says went back to the payer: a refund made in its dashboard, a chargeback. */
interface Returned {
  /** How much of the payment has gone back in all, as the provider's books now stand (minor units). */
  total: number;
  currency: string;
  /** Names this state of the provider's books, so a repeated callback books nothing twice. */
  externalId: string;
  reason: string;
  /** When the money left; default the clock's now. */
  refundedAt?: string;
  metadata: Record<string, string>;
}

/**
 * The one way money that went back at the provider is booked (Mollie: `amountRefunded`/`amountChargedBack`;
 * Stripe: `charge.refunded`, a dispute's withdrawn funds): a refund of the link's payment through
 * `payments.refund`, so Fakturo's refunds of the payment — however booked, a refund by hand included — catch
 * up to `total`, never beyond the payment. It reopens the invoice like any refund. The caller holds the link's
 * row lock, which queues concurrent callbacks of the link, and the refund's provider id (`externalId`) is
 * unique: a repeat books nothing. Returns the refund booked now, or null.
 */
async function catchUpReturns(
  tx: Ctx,
  link: repo.LinkRow,
  payment: Payment,
  returned: Returned,
): Promise<Payment | null> {
  if (payment.status !== 'succeeded' || returned.currency !== payment.currency) return null;
  const due = Math.min(returned.total, payment.amount) - payment.amountRefunded;
  if (due <= 0) return null;
  const { payment: refund, created } = await payments.refund(tx, payment.id, {
    amount: due,
    method: link.provider,
    provider: link.provider,
    externalId: returned.externalId,
    reason: returned.reason,
    ...(returned.refundedAt ? { refundedAt: returned.refundedAt } : {}),
    metadata: { paymentLinkId: link.id, ...returned.metadata },
  });
  return created ? refund : null;
}

const STRIPE_PAYMENT_INTENT = /^pi_[A-Za-z0-9_]{1,255}$/;

/** A Stripe reference that may come expanded: its id. */
const idOf = (ref: string | { id: string } | null | undefined): string | null =>
  typeof ref === 'string' ? ref : (ref?.id ?? null);

/** What the unverified body of a Stripe event is read for: which link it points at. */
interface ClaimedStripeObject {
  object?: unknown;
  id?: unknown;
  payment_intent?: unknown;
  metadata?: { fakturo_payment_link_id?: unknown } | null;
}

/**
 * The link an unverified Stripe event points at — read only to choose the organisation whose signing secret
 * then verifies the event. A Checkout Session by its id; a Charge by the link id in its metadata (Stripe copies
 * the PaymentIntent's metadata, which Fakturo sets at checkout, onto the Charge), else by its PaymentIntent; a
 * Dispute, which carries no metadata, by its PaymentIntent (kept on the booked payment).
 */
async function locateStripeLink(
  db: Db,
  subject: StripeSubject,
  object: ClaimedStripeObject & { id: string },
): Promise<{ id: string; organization_id: string } | undefined> {
  if (subject === 'checkout.session') return repo.locateLink(db, 'stripe', object.id);
  const linkId = subject === 'charge' ? object.metadata?.fakturo_payment_link_id : undefined;
  if (typeof linkId === 'string' && isId('paymentLink', linkId)) {
    const found = await repo.locateLinkById(db, 'stripe', linkId);
    if (found) return found;
  }
  const paymentIntent = object.payment_intent;
  if (typeof paymentIntent !== 'string' || !STRIPE_PAYMENT_INTENT.test(paymentIntent)) return undefined;
  return repo.locateLinkByStripePaymentIntent(db, paymentIntent);
}

/**
 * `POST /psp/stripe/webhook`. The body is read raw: the signature (`Stripe-Signature`) is over its exact
 * bytes. The unverified body only points at a link (locateStripeLink), whose organisation's signing secret
 * then verifies it with `stripe.webhooks.constructEvent` (HMAC-SHA256, 5 minutes tolerance); everything acted
 * on is read from the verified event. Handled: a Checkout Session's events (the payment), `charge.refunded`
 * (refunds made at Stripe) and `charge.dispute.*` (chargebacks). Anything else — another event type, or a
 * Charge or Dispute of no Fakturo link — answers 200 and changes nothing (Stripe retries anything else for
 * days). A bad signature → 400 `stripe_signature_invalid`; no signing secret set yet → 409, so Stripe retries
 * until one is.
 */
export async function handleStripeWebhook(
  platform: Platform,
  rawBody: Buffer,
  signature: string | undefined,
  requestId?: string,
): Promise<WebhookOutcome> {
  if (!signature) {
    throw new DomainError(
      'invalid_request',
      'stripe_signature_missing',
      'The Stripe-Signature header is missing.',
    );
  }
  let claimed: { type?: unknown; data?: { object?: ClaimedStripeObject } };
  try {
    claimed = JSON.parse(rawBody.toString('utf8'));
  } catch {
    throw new DomainError('invalid_request', 'payload_invalid', 'The body is not a JSON Stripe event.');
  }
  const object = claimed?.data?.object;
  const subject = stripeSubject(claimed?.type, object?.object);
  if (!subject || typeof object?.id !== 'string') return ignored();
  const located = await locateStripeLink(platform.db, subject, { ...object, id: object.id });
  if (!located) return ignored();

  const ctx = await callbackContext(platform, located.organization_id, 'stripe', requestId);
  const settings = await repo.findSettings(ctx, 'stripe');
  if (!settings?.webhook_secret_encrypted) {
    throw new DomainError(
      'conflict',
      'stripe_webhook_secret_missing',
      'The organisation has not stored its Stripe webhook signing secret; the event cannot be verified yet.',
    );
  }
  const secret = decryptSecret(
    settings.webhook_secret_encrypted,
    secretContext(ctx.organizationId, 'stripe', 'webhook_secret'),
  );
  let event: Stripe.Event;
  try {
    // tolerance against real time (the platform clock), not a sandbox's test clock: it bounds replays
    event = stripeWebhooks.constructEvent(
      rawBody,
      signature,
      secret,
      undefined,
      undefined,
      platform.clockFor(ctx.organizationId).now().getTime(),
    );
  } catch {
    throw new DomainError(
      'invalid_request',
      'stripe_signature_invalid',
      'The Stripe-Signature does not verify.',
    );
  }
  const verified = event.data.object as { object?: unknown; id?: unknown; metadata?: Stripe.Metadata | null };
  const claimedOrg = verified.metadata?.fakturo_organization_id;
  if (
    stripeSubject(event.type, verified.object) !== subject ||
    verified.id !== object.id ||
    (claimedOrg !== undefined && claimedOrg !== ctx.organizationId)
  ) {
    throw new DomainError(
      'invalid_request',
      'stripe_event_mismatch',
      'The event does not belong to this payment link.',
    );
  }
  if (subject === 'charge') return applyStripeRefunds(ctx, located.id, event, verified as Stripe.Charge);
  if (subject === 'dispute') return applyStripeDispute(ctx, located.id, event, verified as Stripe.Dispute);

  const session = verified as Stripe.Checkout.Session;
  const outcome = stripeOutcome(event.type, session.payment_status);
  if (!outcome) return ignored(located.id);
  const currency = (session.currency ?? '').toUpperCase();
  const paymentIntent = idOf(session.payment_intent);
  return applyReport(ctx, located.id, {
    outcome,
    providerStatus: event.type,
    amount:
      session.amount_total && isCurrency(currency) ? fromStripeAmount(session.amount_total, currency) : 0,
    currency,
    paidAt: new Date(event.created * 1000).toISOString(),
    failureReason: 'Stripe: the delayed payment failed',
    metadata: { stripeEventId: event.id, ...(paymentIntent ? { stripePaymentIntent: paymentIntent } : {}) },
  });
}

/**
 * The link a Charge or Dispute is about, row-locked (its callbacks queue on it, as in applyReport), with the
 * payment it booked. `not_booked`: the link is Fakturo's but its checkout's payment is not booked (yet).
 * Null: no such link, or the payment came from another PaymentIntent than the one reported.
 */
async function lockStripePayment(
  tx: Ctx,
  linkId: string,
  paymentIntent: string | null,
): Promise<{ link: repo.LinkRow; payment: Payment } | 'not_booked' | null> {
  const link = await repo.lockLink(tx, linkId);
  if (!link) return null;
  const payment = await payments.findByExternalId(tx, 'stripe', link.provider_object_id);
  if (payment?.status !== 'succeeded') return 'not_booked';
  const booked = payment.metadata.stripePaymentIntent;
  if (booked !== undefined && booked !== paymentIntent) return null;
  return { link, payment };
}

/** When money left at Stripe: the event's time, yet never before the payment arrived (refund_before_payment). */
const leftAt = (event: Stripe.Event, payment: Payment): string =>
  new Date(Math.max(event.created * 1000, Date.parse(payment.paidAt))).toISOString();

/**
 * `charge.refunded`: refunds made at Stripe (in its dashboard or through its API), in full or in part, one or
 * several. Stripe sends the Charge, whose `amount_refunded` is the total of all its refunds so far (the
 * `refunds` list is no longer part of it since API version 2022-11-15), so the payment's refunds catch up to
 * that total (catchUpReturns): a second partial refund books only its own amount, a repeated event nothing.
 * The refund's provider id is the Charge with that total (`ch_…:refunded:<amount_refunded>`). What disputes
 * took from the payment counts on both sides, so a chargeback booked before hides no refund.
 *
 * A Charge whose checkout is not booked yet (the refund overtook `checkout.session.completed`) answers 409, so
 * Stripe delivers it again after the payment is booked, instead of losing the refund.
 */
async function applyStripeRefunds(
  ctx: Ctx,
  linkId: string,
  event: Stripe.Event,
  charge: Stripe.Charge,
): Promise<WebhookOutcome> {
  return inTransaction(ctx, async (tx) => {
    const found = await lockStripePayment(tx, linkId, idOf(charge.payment_intent));
    if (found === 'not_booked') {
      throw new DomainError(
        'conflict',
        'stripe_payment_not_booked',
        'The payment of this charge is not booked yet; Stripe will deliver the refund again.',
        { details: { paymentLinkId: linkId } },
      );
    }
    if (!found) return ignored(linkId);
    const { link, payment } = found;
    const currency = charge.currency.toUpperCase();
    if (!isCurrency(currency) || currency !== payment.currency) return ignored(link.id);
    const refunded = fromStripeAmount(charge.amount_refunded, currency);
    const chargedBack = await repo.stripeDisputeWithdrawals(tx, payment.id);
    const paymentIntent = idOf(charge.payment_intent);
    const refund = await catchUpReturns(tx, link, payment, {
      total: refunded + chargedBack,
      currency,
      externalId: `${charge.id}:refunded:${charge.amount_refunded}`,
      reason: 'Stripe: refunded at Stripe',
      refundedAt: leftAt(event, payment),
      metadata: {
        stripeEventId: event.id,
        stripeCharge: charge.id,
        ...(paymentIntent ? { stripePaymentIntent: paymentIntent } : {}),
      },
    });
    return {
      received: true,
      result: refund ? 'updated' : 'already_booked',
      paymentLinkId: link.id,
      paymentId: payment.id,
    };
  });
}

/**
 * `charge.dispute.*`: a chargeback, booked when the money moves (rules.stripeDisputeFunds), read from the
 * verified Dispute whichever of its events comes, in whatever order:
 * - funds withdrawn (`charge.dispute.funds_withdrawn`; for a card dispute usually already at `.created`) — a
 *   refund of the payment (catchUpReturns) of the disputed amount, which reopens the invoice, so receivables
 *   and dunning see the money gone; provider id `<dispute>:funds_withdrawn`;
 * - funds reinstated (`charge.dispute.funds_reinstated`, a dispute won or partly won) — the money comes back as
 *   a new payment through `payments.record`, onto the invoice while it owes, else into the credit balance
 *   (the payments core never un-books a refund); provider id `<dispute>:funds_reinstated`.
 * An inquiry moves no money and books nothing; `.closed` (won or lost) books nothing beyond what its Dispute's
 * balance transactions show. Each is booked once per dispute.
 */
async function applyStripeDispute(
  ctx: Ctx,
  linkId: string,
  event: Stripe.Event,
  dispute: Stripe.Dispute,
): Promise<WebhookOutcome> {
  return inTransaction(ctx, async (tx) => {
    const found = await lockStripePayment(tx, linkId, idOf(dispute.payment_intent));
    if (!found || found === 'not_booked') return ignored(linkId);
    const { link, payment } = found;
    const currency = dispute.currency.toUpperCase();
    if (!isCurrency(currency) || currency !== payment.currency) return ignored(link.id);
    const funds = stripeDisputeFunds(event.type, dispute);
    const withdrawn = fromStripeAmount(funds.withdrawn, currency);
    const reinstated = fromStripeAmount(funds.reinstated, currency);
    if (withdrawn === 0) return ignored(link.id);
    const at = leftAt(event, payment);
    const charge = idOf(dispute.charge);
    const metadata = {
      stripeEventId: event.id,
      stripeDispute: dispute.id,
      ...(charge ? { stripeCharge: charge } : {}),
      ...(payment.metadata.stripePaymentIntent
        ? { stripePaymentIntent: payment.metadata.stripePaymentIntent }
        : {}),
    };
    let booked = false;
    let withdrawal = await payments.findByExternalId(tx, 'stripe', stripeWithdrawalId(dispute.id));
    if (!withdrawal) {
      withdrawal =
        (await catchUpReturns(tx, link, payment, {
          // what the payment had returned before, and the disputed amount on top: at most what is left of it
          total: payment.amountRefunded + withdrawn,
          currency,
          externalId: stripeWithdrawalId(dispute.id),
          reason: `Stripe: charged back (dispute ${dispute.id}${dispute.reason ? `: ${dispute.reason}` : ''})`,
          refundedAt: at,
          metadata,
        })) ?? undefined;
      booked = withdrawal !== undefined;
    }
    const reinstatementId = stripeReinstatementId(dispute.id);
    if (reinstated > 0 && !(await payments.findByExternalId(tx, 'stripe', reinstatementId))) {
      // Stripe gives back what it took; the part Fakturo could not take back (the payment was refunded
      // already) must not come back a second time
      const amount = reinstated - (withdrawn - (withdrawal?.amount ?? 0));
      if (amount > 0) {
        const { target } = await bookingTarget(tx, link, currency);
        await payments.record(tx, {
          ...target,
          amount,
          currency,
          method: 'stripe',
          provider: 'stripe',
          externalId: reinstatementId,
          description: `Stripe: chargeback reversed (dispute ${dispute.id})`,
          paidAt: at,
          metadata: { paymentLinkId: link.id, ...metadata },
        });
        booked = true;
      }
    }
    return {
      received: true,
      result: booked ? 'updated' : withdrawal ? 'already_booked' : 'ignored',
      paymentLinkId: link.id,
      paymentId: payment.id,
    };
  });
}

const MOLLIE_PAYMENT_ID = /^tr_[A-Za-z0-9]{1,64}$/;

/**
 * `POST /psp/mollie/webhook` with `id=tr_…`. Mollie signs nothing: the callback only says "look again", so
 * the payment is fetched from Mollie with the key of the organisation whose link it is, and only what Mollie
 * answers is acted on. Ids Fakturo never created answer 200 without effect — Mollie's advice, so nobody can
 * probe which ids exist. Mollie unreachable → 503, and Mollie retries.
 */
export async function handleMollieWebhook(
  platform: Platform,
  paymentId: string,
  requestId?: string,
): Promise<WebhookOutcome> {
  if (!MOLLIE_PAYMENT_ID.test(paymentId)) return ignored();
  const located = await repo.locateLink(platform.db, 'mollie', paymentId);
  if (!located) return ignored();
  const ctx = await callbackContext(platform, located.organization_id, 'mollie', requestId);
  const settings = await repo.findSettings(ctx, 'mollie');
  if (!settings) throw providerNotFound('mollie');
  const apiKey = decryptSecret(
    settings.secret_key_encrypted,
    secretContext(ctx.organizationId, 'mollie', 'secret_key'),
  );
  let payment: MolliePayment;
  try {
    payment = await mollieClient(apiKey).payments.get(paymentId);
  } catch (error) {
    throw providerError('mollie', error);
  }
  if (payment.id !== paymentId) {
    throw new DomainError(
      'invalid_request',
      'mollie_payment_mismatch',
      'Mollie answered with another payment.',
    );
  }
  const outcome = mollieOutcome(payment.status);
  if (!outcome) return ignored(located.id);
  const currency = payment.amount.currency;
  return applyReport(ctx, located.id, {
    outcome,
    providerStatus: payment.status,
    // what was taken: a payment captured in part (an authorised pay-later method) brought only that
    amount: fromDecimalAmount(
      payment.amountCaptured?.currency === currency && Number(payment.amountCaptured.value) > 0
        ? payment.amountCaptured.value
        : payment.amount.value,
      currency,
    ),
    currency,
    ...(payment.paidAt ? { paidAt: new Date(payment.paidAt).toISOString() } : {}),
    failureReason: `Mollie: the payment ${payment.status}`,
    returned: [payment.amountRefunded, payment.amountChargedBack]
      .filter((a) => a !== undefined && a.currency === currency)
      .reduce((sum, a) => sum + fromDecimalAmount(a!.value, currency), 0),
    metadata: {
      molliePaymentId: payment.id,
      ...(payment.method ? { mollieMethod: String(payment.method) } : {}),
    },
  });
}
