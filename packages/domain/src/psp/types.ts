/**
 * Online payment through payment service providers (docs/online-payments.md): an organisation's provider
 * settings and the payment links made for its invoices, as the API shows and takes them.
 */

export const PAYMENT_PROVIDERS = ['stripe', 'mollie'] as const;
export type PaymentProviderName = (typeof PAYMENT_PROVIDERS)[number];

/**
 * An organisation's connection to one provider. Credentials are never shown in full: each is masked to its
 * prefix and last four characters (`sk_test_…4242`), as the provider's own dashboard shows them.
 */
export interface PaymentProvider {
  provider: PaymentProviderName;
  /** Live keys move real money; test keys (`sk_test_…`, `test_…`) the provider's test mode. */
  livemode: boolean;
  /** The provider a payment link uses when the caller names none. */
  isDefault: boolean;
  /** Stripe: the secret (or restricted) key, masked. Null for Mollie. */
  secretKey: string | null;
  /** Stripe: the webhook endpoint's signing secret, masked; null until set (no webhook is verified before). */
  webhookSigningSecret: string | null;
  /** Mollie: the API key, masked. Null for Stripe. */
  apiKey: string | null;
  /** Where the payer returns after the checkout, unless a payment link names its own. */
  returnUrl: string | null;
  /** The address to register at the provider for its callbacks. */
  webhookUrl: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/**
 * `PUT /payment-providers/{provider}`: connects or changes a provider. Secrets left out keep their stored
 * value (a connected provider's keys need not be sent again to change `isDefault` or `returnUrl`).
 */
export interface PaymentProviderInput {
  /** Stripe: `sk_live_…`, `sk_test_…`, `rk_live_…` or `rk_test_…`. */
  secretKey?: string;
  /** Stripe: `whsec_…`, shown by Stripe when the webhook endpoint is created. */
  webhookSigningSecret?: string;
  /** Mollie: `live_…` or `test_…`. */
  apiKey?: string;
  isDefault?: boolean;
  returnUrl?: string | null;
}

/**
 * `open`: the payer may pay; `processing`: the payer finished the checkout and the money is on its way
 * (a SEPA debit through Stripe); `paid`: booked as a payment (final — no later report un-books it);
 * `failed`, `expired`, `canceled`: this link will bring no money (a new one can be made).
 */
export const PAYMENT_LINK_STATUSES = ['open', 'processing', 'paid', 'failed', 'expired', 'canceled'] as const;
export type PaymentLinkStatus = (typeof PAYMENT_LINK_STATUSES)[number];

export interface PaymentLink {
  id: string;
  invoiceId: string;
  provider: PaymentProviderName;
  /** The provider's id: a Stripe Checkout Session (`cs_…`) or a Mollie payment (`tr_…`). */
  providerObjectId: string;
  livemode: boolean;
  /** Where to send the payer. */
  url: string;
  returnUrl: string;
  status: PaymentLinkStatus;
  /** The invoice's open amount when the link was made (minor units). */
  amount: number;
  currency: string;
  expiresAt: string;
  /** The payment the link booked, once paid. */
  paymentId: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface PaymentLinkInput {
  /** Default: the organisation's default provider, or its only one. */
  provider?: PaymentProviderName;
  /** Where the payer returns after the checkout; default the provider settings' `returnUrl`. */
  returnUrl?: string;
}

export interface PaymentLinkListQuery {
  limit?: number;
  startingAfter?: string;
  invoiceId?: string;
  status?: PaymentLinkStatus;
}

/** What a provider callback did, answered to the provider (and shown in its dashboard's delivery log). */
export interface WebhookOutcome {
  received: true;
  /**
   * `booked`: a payment was booked now; `already_booked`: a repeat, nothing changed; `updated`: the link's
   * status moved, or money that went back at the provider (a refund, a chargeback) or came back (a won
   * dispute) was booked now; `ignored`: nothing to do (an event type or object Fakturo does not handle).
   */
  result: 'booked' | 'already_booked' | 'updated' | 'ignored';
  paymentLinkId: string | null;
  /** The payment the link booked; for a refund or chargeback, the payment it returns. */
  paymentId: string | null;
}
