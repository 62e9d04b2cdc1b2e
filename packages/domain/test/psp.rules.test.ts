import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FieldErrors } from '../src/errors';
import {
  checkProviderInput,
  fromDecimalAmount,
  isLiveKey,
  isReusable,
  linkStatusAfter,
  maskSecret,
  mollieOutcome,
  REUSE_MARGIN_MS,
  stripeDisputeFunds,
  stripeOutcome,
  toDecimalAmount,
} from '../src/psp/rules';
import { PAYMENT_LINK_STATUSES, type PaymentLinkStatus } from '../src/psp/types';

const errorsOf = (run: (errors: FieldErrors) => void) => {
  const errors = new FieldErrors();
  run(errors);
  return errors.list.map((e) => `${e.path}:${e.code}`).sort();
};

describe('credentials', () => {
  it('masks a secret to its prefix and last four characters', () => {
    expect(maskSecret('sk_test_51HqLyjWDarjtT1zdp7dcXYZ4242')).toBe('sk_test_…4242');
    expect(maskSecret('rk_live_abcdefghijklmnop9876')).toBe('rk_live_…9876');
    expect(maskSecret('whsec_0123456789abcdefWXYZ')).toBe('whsec_…WXYZ');
    expect(maskSecret('test_dHar4XY7LxsDOtmnkVtjNVWXLSlXsM')).toBe('test_…lXsM');
    expect(maskSecret('unknownsecretvalue1234')).toBe('…1234');
  });

  it('tells live keys from test keys', () => {
    expect(isLiveKey('sk_live_abc')).toBe(true);
    expect(isLiveKey('rk_live_abc')).toBe(true);
    expect(isLiveKey('live_abc')).toBe(true);
    expect(isLiveKey('sk_test_abc')).toBe(false);
    expect(isLiveKey('test_abc')).toBe(false);
  });

  it('requires the provider’s own key when connecting, and only its own fields', () => {
    expect(errorsOf((e) => checkProviderInput('stripe', {}, null, e))).toEqual(['secretKey:required']);
    expect(errorsOf((e) => checkProviderInput('stripe', {}, { secretKey: true }, e))).toEqual([]);
    expect(
      errorsOf((e) =>
        checkProviderInput(
          'stripe',
          {
            secretKey: 'pk_live_publishable123',
            webhookSigningSecret: 'secret',
            apiKey: 'test_abcdefghijkl',
          },
          null,
          e,
        ),
      ),
    ).toEqual([
      'apiKey:not_applicable',
      'secretKey:secret_key_invalid',
      'webhookSigningSecret:webhook_secret_invalid',
    ]);
    expect(
      errorsOf((e) =>
        checkProviderInput(
          'stripe',
          { secretKey: 'sk_test_abcdefghijkl', webhookSigningSecret: 'whsec_abcdefghij' },
          null,
          e,
        ),
      ),
    ).toEqual([]);
    expect(errorsOf((e) => checkProviderInput('mollie', {}, null, e))).toEqual(['apiKey:required']);
    expect(
      errorsOf((e) =>
        checkProviderInput(
          'mollie',
          { apiKey: 'access_token123456', secretKey: 'sk_test_abcdefghijkl' },
          null,
          e,
        ),
      ),
    ).toEqual(['apiKey:api_key_invalid', 'secretKey:not_applicable']);
    expect(
      errorsOf((e) =>
        checkProviderInput('mollie', { returnUrl: 'mailto:x@example.com' }, { secretKey: true }, e),
      ),
    ).toEqual(['returnUrl:url_invalid']);
    expect(
      errorsOf((e) => checkProviderInput('mollie', { returnUrl: null }, { secretKey: true }, e)),
    ).toEqual([]);
  });
});

describe('amounts in the providers’ notation', () => {
  it('writes minor units as the currency’s decimal string', () => {
    expect(toDecimalAmount(11900, 'EUR')).toBe('119.00');
    expect(toDecimalAmount(5, 'EUR')).toBe('0.05');
    expect(toDecimalAmount(500, 'JPY')).toBe('500');
    expect(toDecimalAmount(1005, 'KWD')).toBe('1.005');
  });

  it('reads decimal strings back exactly, refusing what is not an amount of the currency', () => {
    expect(fromDecimalAmount('119.00', 'EUR')).toBe(11900);
    expect(fromDecimalAmount('0.5', 'EUR')).toBe(50);
    expect(fromDecimalAmount('500', 'JPY')).toBe(500);
    for (const bad of ['1.005', '-1.00', '1e3', '', ' 1.00', '1,00']) {
      expect(() => fromDecimalAmount(bad, 'EUR'), bad).toThrow(RangeError);
    }
    expect(() => fromDecimalAmount('500.5', 'JPY')).toThrow(RangeError);
  });

  it('round-trips every amount', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1e12 }),
        fc.constantFrom('EUR', 'JPY', 'KWD', 'CHF'),
        (minor, currency) => {
          expect(fromDecimalAmount(toDecimalAmount(minor, currency), currency)).toBe(minor);
        },
      ),
    );
  });
});

describe('how reports move a payment link', () => {
  const status = fc.constantFrom<PaymentLinkStatus>(...PAYMENT_LINK_STATUSES);

  it('never leaves paid, and a repeat changes nothing', () => {
    fc.assert(
      fc.property(status, status, (current, reported) => {
        expect(linkStatusAfter('paid', reported)).toBe('paid');
        const once = linkStatusAfter(current, reported);
        expect(linkStatusAfter(once, reported)).toBe(once);
      }),
    );
  });

  it('ends paid whenever paid was reported, in whatever order the reports came', () => {
    fc.assert(
      fc.property(fc.array(status, { maxLength: 8 }), (reports) => {
        const final = reports.reduce(linkStatusAfter, 'open' as PaymentLinkStatus);
        if (reports.includes('paid')) expect(final).toBe('paid');
        // a late `open` never reopens a link that was closed or is processing
        if (reports.some((r) => r !== 'open')) expect(final).not.toBe('open');
      }),
    );
    expect(linkStatusAfter('processing', 'open')).toBe('processing');
    expect(linkStatusAfter('failed', 'expired')).toBe('failed');
    expect(linkStatusAfter('expired', 'paid')).toBe('paid');
  });

  it('reads Stripe Checkout events', () => {
    expect(stripeOutcome('checkout.session.completed', 'paid')).toEqual({
      status: 'paid',
      book: 'succeeded',
    });
    expect(stripeOutcome('checkout.session.completed', 'unpaid')).toEqual({ status: 'processing' });
    expect(stripeOutcome('checkout.session.async_payment_succeeded', 'paid')).toEqual({
      status: 'paid',
      book: 'succeeded',
    });
    expect(stripeOutcome('checkout.session.async_payment_failed', 'unpaid')).toEqual({
      status: 'failed',
      book: 'failed',
    });
    expect(stripeOutcome('checkout.session.expired', 'unpaid')).toEqual({ status: 'expired' });
    expect(stripeOutcome('payment_intent.succeeded', 'paid')).toBeNull();
  });

  it('reads Mollie payment statuses', () => {
    expect(mollieOutcome('paid')).toEqual({ status: 'paid', book: 'succeeded' });
    expect(mollieOutcome('failed')).toEqual({ status: 'failed', book: 'failed' });
    expect(mollieOutcome('expired')).toEqual({ status: 'expired' });
    expect(mollieOutcome('canceled')).toEqual({ status: 'canceled' });
    expect(mollieOutcome('pending')).toEqual({ status: 'processing' });
    expect(mollieOutcome('authorized')).toEqual({ status: 'processing' });
    expect(mollieOutcome('open')).toEqual({ status: 'open' });
    expect(mollieOutcome('something-new')).toBeNull();
  });
});

describe('reusing a link', () => {
  const now = new Date('2026-03-15T10:00:00Z');
  const link = {
    provider: 'stripe',
    status: 'open' as PaymentLinkStatus,
    amount: 23800,
    currency: 'EUR',
    expiresAt: new Date(now.getTime() + 3600_000),
  };
  const want = { provider: 'stripe', amount: 23800, currency: 'EUR' };

  it('hands out an open link for the same money with time left to pay', () => {
    expect(isReusable(link, want, now)).toBe(true);
    expect(isReusable({ ...link, expiresAt: new Date(now.getTime() + REUSE_MARGIN_MS) }, want, now)).toBe(
      true,
    );
    expect(isReusable({ ...link, expiresAt: new Date(now.getTime() + REUSE_MARGIN_MS - 1) }, want, now)).toBe(
      false,
    );
    expect(isReusable({ ...link, amount: 13800 }, want, now)).toBe(false);
    expect(isReusable({ ...link, provider: 'mollie' }, want, now)).toBe(false);
    expect(isReusable({ ...link, status: 'processing' }, want, now)).toBe(false);
    expect(isReusable({ ...link, currency: 'CHF' }, want, now)).toBe(false);
  });
});

describe('what a Stripe dispute moved (stripeDisputeFunds)', () => {
  const debit = (amount: number, currency = 'eur') => ({ amount: -amount, currency });
  const credit = (amount: number, currency = 'eur') => ({ amount, currency });

  it('an inquiry moves nothing, whatever its status', () => {
    expect(stripeDisputeFunds('charge.dispute.created', { amount: 5000, balance_transactions: [] })).toEqual({
      withdrawn: 0,
      reinstated: 0,
    });
    expect(stripeDisputeFunds('charge.dispute.closed', { amount: 5000 })).toEqual({
      withdrawn: 0,
      reinstated: 0,
    });
  });

  it('the disputed amount is withdrawn once Stripe debited it, or the event says so', () => {
    expect(
      stripeDisputeFunds('charge.dispute.created', { amount: 5000, balance_transactions: [debit(5000)] }),
    ).toEqual({ withdrawn: 5000, reinstated: 0 });
    expect(stripeDisputeFunds('charge.dispute.funds_withdrawn', { amount: 5000 })).toEqual({
      withdrawn: 5000,
      reinstated: 0,
    });
  });

  it('a won dispute gives all of it back; a reinstatement before its withdrawal counts both', () => {
    expect(
      stripeDisputeFunds('charge.dispute.closed', {
        amount: 5000,
        balance_transactions: [debit(5000), credit(5000)],
      }),
    ).toEqual({ withdrawn: 5000, reinstated: 5000 });
    expect(stripeDisputeFunds('charge.dispute.funds_reinstated', { amount: 5000 })).toEqual({
      withdrawn: 5000,
      reinstated: 5000,
    });
  });

  it('"partially won" gives back the credited share of the amount, in the settlement currency\'s proportion', () => {
    // settled in another currency: 4,600 debited, 1,840 credited back → 40 % of the dispute's 5,000
    expect(
      stripeDisputeFunds('charge.dispute.funds_reinstated', {
        amount: 5000,
        balance_transactions: [debit(4600, 'usd'), credit(1840, 'usd')],
      }),
    ).toEqual({ withdrawn: 5000, reinstated: 2000 });
    // rounded half up to a whole minor unit
    expect(
      stripeDisputeFunds('charge.dispute.funds_reinstated', {
        amount: 1001,
        balance_transactions: [debit(2000), credit(1000)],
      }),
    ).toEqual({ withdrawn: 1001, reinstated: 501 });
  });

  it('moves in more than one currency, which cannot be compared, count as all given back', () => {
    expect(
      stripeDisputeFunds('charge.dispute.funds_reinstated', {
        amount: 5000,
        balance_transactions: [debit(5000, 'eur'), credit(1000, 'usd')],
      }),
    ).toEqual({ withdrawn: 5000, reinstated: 5000 });
  });
});
