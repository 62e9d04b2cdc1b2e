import Big from 'big.js';
import type { FieldErrors } from '../errors';
import { currencyExponent } from '../money';
import type { PaymentLinkStatus, PaymentProviderInput, PaymentProviderName } from './types';

/**
 * The pure rules of online payment (docs/online-payments.md): what a credential looks like and how it is
 * masked, amounts in the providers' notations, how a provider's report moves a payment link, and when a
 * link can be handed out again. No database, no network, no clock.
 */

const STRIPE_SECRET_KEY = /^(sk|rk)_(test|live)_[A-Za-z0-9]{10,247}$/;
const STRIPE_WEBHOOK_SECRET = /^whsec_[A-Za-z0-9+/=_-]{8,200}$/;
const MOLLIE_API_KEY = /^(test|live)_[A-Za-z0-9]{10,100}$/;
const KNOWN_PREFIX = /^((?:sk|rk)_(?:test|live)_|whsec_|(?:test|live)_)/;

/**
 * A secret as it may be shown: its prefix (which says what it is and whether it is live) and its last four
 * characters, as the providers' dashboards show keys — enough to tell two keys apart, too little to use.
 */
export function maskSecret(secret: string): string {
  const prefix = KNOWN_PREFIX.exec(secret)?.[1] ?? '';
  return `${prefix}…${secret.slice(-4)}`;
}

/** Whether a key moves real money: Stripe `sk_live_`/`rk_live_`, Mollie `live_`. */
export function isLiveKey(key: string): boolean {
  return /^(sk_live_|rk_live_|live_)/.test(key);
}

function checkUrl(value: string, path: string, errors: FieldErrors): void {
  let url: URL | null = null;
  try {
    url = new URL(value);
  } catch {
    url = null;
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || value.length > 2000) {
    errors.add(path, 'url_invalid', 'must be an absolute http(s) URL of at most 2000 characters');
  }
}

/**
 * Everything about provider settings that can be judged without the database. `stored` says which secrets
 * are kept already: those may be left out (and keep their value), the others are required.
 */
export function checkProviderInput(
  provider: PaymentProviderName,
  input: PaymentProviderInput,
  stored: { secretKey: boolean } | null,
  errors: FieldErrors,
): void {
  const notFor = (field: keyof PaymentProviderInput, other: string) => {
    if (input[field] !== undefined) {
      errors.add(field, 'not_applicable', `${provider} takes no ${field}; it belongs to ${other}`);
    }
  };
  if (provider === 'stripe') {
    notFor('apiKey', 'Mollie');
    if (input.secretKey === undefined) {
      if (!stored?.secretKey)
        errors.add('secretKey', 'required', 'the Stripe secret key (sk_live_… or sk_test_…)');
    } else if (!STRIPE_SECRET_KEY.test(input.secretKey)) {
      errors.add(
        'secretKey',
        'secret_key_invalid',
        'must be a Stripe secret or restricted key: sk_live_…, sk_test_…, rk_live_… or rk_test_…',
      );
    }
    if (input.webhookSigningSecret !== undefined && !STRIPE_WEBHOOK_SECRET.test(input.webhookSigningSecret)) {
      errors.add(
        'webhookSigningSecret',
        'webhook_secret_invalid',
        'must be the endpoint signing secret Stripe shows: whsec_…',
      );
    }
  } else {
    notFor('secretKey', 'Stripe');
    notFor('webhookSigningSecret', 'Stripe (Mollie callbacks are verified by fetching the payment again)');
    if (input.apiKey === undefined) {
      if (!stored?.secretKey) errors.add('apiKey', 'required', 'the Mollie API key (live_… or test_…)');
    } else if (!MOLLIE_API_KEY.test(input.apiKey)) {
      errors.add('apiKey', 'api_key_invalid', 'must be a Mollie API key: live_… or test_…');
    }
  }
  if (input.returnUrl != null) checkUrl(input.returnUrl, 'returnUrl', errors);
}

export function checkReturnUrl(value: string | undefined, errors: FieldErrors): void {
  if (value !== undefined) checkUrl(value, 'returnUrl', errors);
}

/** Minor units as the decimal string Mollie's API takes: 11900 EUR → "119.00", 500 JPY → "500". */
export function toDecimalAmount(minor: number, currency: string): string {
  const exponent = currencyExponent(currency);
  return new Big(minor).div(new Big(10).pow(exponent)).toFixed(exponent);
}

/**
 * A decimal amount string as the providers send it ("119.00") in minor units; throws on anything that is
 * not an exact amount of the currency (a fraction finer than it has, a sign, an exponent). Zeros past the
 * currency's exponent are exact ("11900.00" HUF, written with ISO 4217's two decimals, is 11900 forint).
 */
export function fromDecimalAmount(value: string, currency: string): number {
  const exponent = currencyExponent(currency);
  const match = /^(\d+)(?:\.(?=\d)(\d*?)0*)?$/.exec(value);
  if (!match || (match[2]?.length ?? 0) > exponent) {
    throw new RangeError(`'${value}' is not an amount of ${currency}`);
  }
  const minor = new Big(value).times(new Big(10).pow(exponent)).toNumber();
  if (!Number.isSafeInteger(minor)) throw new RangeError(`'${value}' is out of range`);
  return minor;
}

// Stripe's own exponents (https://docs.stripe.com/currencies): its zero-decimal and three-decimal currencies;
// every other currency is two-decimal in Stripe's API — also those ISO 4217/CLDR give fewer digits, such as
// ISK and HUF, where Stripe's 100 is one króna or forint ("special cases").
const STRIPE_ZERO_DECIMAL = new Set([
  'BIF',
  'CLP',
  'DJF',
  'GNF',
  'JPY',
  'KMF',
  'KRW',
  'MGA',
  'PYG',
  'RWF',
  'UGX',
  'VND',
  'VUV',
  'XAF',
  'XOF',
  'XPF',
]);
const STRIPE_THREE_DECIMAL = new Set(['BHD', 'JOD', 'KWD', 'OMR', 'TND']);

export function stripeExponent(currency: string): number {
  if (STRIPE_ZERO_DECIMAL.has(currency)) return 0;
  if (STRIPE_THREE_DECIMAL.has(currency)) return 3;
  return 2;
}

/**
 * Fakturo's minor units (the currency's ISO exponent) as the integer Stripe's API takes for that currency:
 * 5000 ISK → 500000 (Stripe counts ISK in hundredths). Throws when the amount has no exact Stripe form.
 */
export function toStripeAmount(minor: number, currency: string): number {
  const shift = stripeExponent(currency) - currencyExponent(currency);
  const value = new Big(minor).times(new Big(10).pow(shift));
  if (!value.eq(value.round(0, Big.roundDown)) || !Number.isSafeInteger(value.toNumber())) {
    throw new RangeError(`${minor} ${currency} minor units have no exact amount in Stripe's ${currency}`);
  }
  return value.toNumber();
}

/** An amount from Stripe's API (its exponent for the currency) in Fakturo's minor units, rounded half-up. */
export function fromStripeAmount(amount: number, currency: string): number {
  const shift = currencyExponent(currency) - stripeExponent(currency);
  return new Big(amount).times(new Big(10).pow(shift)).round(0, Big.roundHalfUp).toNumber();
}

// How far along a link's life a status is. A report only ever moves a link forward, so callbacks may come
// twice or in any order: a late `open` or `failed` never undoes `paid`, a repeated `paid` changes nothing.
const PROGRESS: Record<PaymentLinkStatus, number> = {
  open: 0,
  processing: 1,
  failed: 2,
  expired: 2,
  canceled: 2,
  paid: 3,
};

/** The link's status after a provider reported `reported`: the further along of the two (first one wins a tie). */
export function linkStatusAfter(current: PaymentLinkStatus, reported: PaymentLinkStatus): PaymentLinkStatus {
  return PROGRESS[reported] > PROGRESS[current] ? reported : current;
}

/** What a provider's report means for Fakturo: the link's status, and whether a payment is booked. */
export interface ReportOutcome {
  status: PaymentLinkStatus;
  /** `succeeded`: book the money; `failed`: record the failed attempt (books nothing); absent: neither. */
  book?: 'succeeded' | 'failed';
}

/**
 * Stripe Checkout events (https://docs.stripe.com/payments/checkout/fulfill-orders): `completed` with
 * `payment_status: paid` is a card payment done; with `unpaid` a delayed method (SEPA debit, Sofort) whose
 * result comes later as `async_payment_succeeded` or `async_payment_failed`. Null: an event not handled.
 */
export function stripeOutcome(
  eventType: string,
  paymentStatus: string | null | undefined,
): ReportOutcome | null {
  switch (eventType) {
    case 'checkout.session.completed':
      return paymentStatus === 'paid' ? { status: 'paid', book: 'succeeded' } : { status: 'processing' };
    case 'checkout.session.async_payment_succeeded':
      return { status: 'paid', book: 'succeeded' };
    case 'checkout.session.async_payment_failed':
      return { status: 'failed', book: 'failed' };
    case 'checkout.session.expired':
      return { status: 'expired' };
    default:
      return null;
  }
}

export type StripeSubject = 'checkout.session' | 'charge' | 'dispute';

/**
 * What a Stripe event is about, judged from its type and the kind of object it carries: a Checkout Session
 * (the payment itself), a Charge refunded at Stripe (`charge.refunded`, in its dashboard or API), or a Dispute
 * (`charge.dispute.*`, a chargeback by the payer's bank). Null: an event Fakturo does not act on.
 */
export function stripeSubject(eventType: unknown, objectType: unknown): StripeSubject | null {
  if (typeof eventType !== 'string') return null;
  if (objectType === 'checkout.session') return 'checkout.session';
  if (objectType === 'charge' && eventType === 'charge.refunded') return 'charge';
  if (objectType === 'dispute' && eventType.startsWith('charge.dispute.')) return 'dispute';
  return null;
}

/** The provider ids of what a dispute books: its chargeback (a refund) and its reversal (a payment). */
export const stripeWithdrawalId = (disputeId: string) => `${disputeId}:funds_withdrawn`;
export const stripeReinstatementId = (disputeId: string) => `${disputeId}:funds_reinstated`;

/**
 * How much of a dispute's money has moved, in Stripe's units of the dispute's currency. Money moves at
 * `charge.dispute.funds_withdrawn` (the disputed amount is debited, for a card dispute usually as it is
 * created, so `charge.dispute.created` already shows it) and `charge.dispute.funds_reinstated` (credited back after a won dispute — or, after
 * a partial refund, only part of it while the dispute is `lost`: Stripe's "partially won"); an inquiry
 * (`warning_needs_response`) moves none. Stripe shows every such move on the Dispute as one of its "zero, one,
 * or two" `balance_transactions`, so any `charge.dispute.*` event tells the whole state, whichever arrives
 * first or alone — and the event types themselves count, should a Dispute come without them. The status
 * alone says nothing about money (an inquiry closes without any moving; a `lost` dispute may have given some
 * back).
 *
 * The balance transactions are in the account's settlement currency, so they give only the share reinstated;
 * the amount is the Dispute's own (its currency is the charge's), in exact integer arithmetic.
 */
export function stripeDisputeFunds(
  eventType: string,
  dispute: {
    amount: number;
    balance_transactions?: readonly { amount: number; currency: string }[] | null;
  },
): { withdrawn: number; reinstated: number } {
  const moves = dispute.balance_transactions ?? [];
  const debited = moves.filter((m) => m.amount < 0);
  const credited = moves.filter((m) => m.amount > 0);
  const reinstatedEvent = eventType === 'charge.dispute.funds_reinstated';
  // money comes back only after it was taken
  const withdrawn =
    debited.length > 0 ||
    credited.length > 0 ||
    reinstatedEvent ||
    eventType === 'charge.dispute.funds_withdrawn'
      ? dispute.amount
      : 0;
  if (credited.length === 0) return { withdrawn, reinstated: reinstatedEvent ? dispute.amount : 0 };
  const debit = -debited.reduce((sum, m) => sum + m.amount, 0);
  const credit = credited.reduce((sum, m) => sum + m.amount, 0);
  const oneCurrency = moves.every((m) => m.currency === moves[0]!.currency);
  if (debit === 0 || !oneCurrency || credit >= debit) return { withdrawn, reinstated: dispute.amount };
  const share = new Big(dispute.amount).times(credit).div(debit).round(0, Big.roundHalfUp).toNumber();
  return { withdrawn, reinstated: share };
}

/**
 * Mollie payment statuses (https://docs.mollie.com/docs/status-change): `paid` is final and books;
 * `failed`, `expired`, `canceled` are final and bring nothing; `pending`/`authorized` are on their way.
 */
export function mollieOutcome(status: string): ReportOutcome | null {
  switch (status) {
    case 'paid':
      return { status: 'paid', book: 'succeeded' };
    case 'failed':
      return { status: 'failed', book: 'failed' };
    case 'expired':
      return { status: 'expired' };
    case 'canceled':
      return { status: 'canceled' };
    case 'pending':
    case 'authorized':
      return { status: 'processing' };
    case 'open':
      return { status: 'open' };
    default:
      return null;
  }
}

/** A link is handed out again only with time left to pay: at least this long before it expires. */
export const REUSE_MARGIN_MS = 10 * 60 * 1000;

/**
 * Whether an existing link serves a new request: still open, same provider, and for exactly what the invoice
 * owes now (after a partial payment the amount differs, so a new link is made).
 */
export function isReusable(
  link: { provider: string; status: PaymentLinkStatus; amount: number; currency: string; expiresAt: Date },
  want: { provider: string; amount: number; currency: string },
  now: Date,
): boolean {
  return (
    link.status === 'open' &&
    link.provider === want.provider &&
    link.amount === want.amount &&
    link.currency === want.currency &&
    link.expiresAt.getTime() - now.getTime() >= REUSE_MARGIN_MS
  );
}
