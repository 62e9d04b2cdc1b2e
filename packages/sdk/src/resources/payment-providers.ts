import type { RequestOptions } from '../http';
import type { PathParams, RequestBody, Schema, SuccessBody } from '../types';
import { Resource, type UpdateOptions } from './base';

/** The organisation's connection to Stripe or Mollie; keys are masked to their prefix and last four characters. */
export type PaymentProvider = Schema<'PaymentProvider'>;
/** `stripe` or `mollie`. */
export type PaymentProviderName = PathParams<'/v1/payment-providers/{provider}', 'get'>['provider'];
export type PaymentProviderList = SuccessBody<'/v1/payment-providers', 'get'>;
/** Stripe: `secretKey` and `webhookSigningSecret`; Mollie: `apiKey`; both: `isDefault`, `returnUrl`. */
export type PaymentProviderConfigureParams = RequestBody<'/v1/payment-providers/{provider}', 'put'>;

/** `fakturo.paymentProviders`: the Stripe and Mollie accounts payment links are made with. */
export class PaymentProviders extends Resource {
  /**
   * The connected providers (at most one of each), keys masked.
   *
   * @example
   * ```ts
   * const { data } = await fakturo.paymentProviders.list();
   * const fallback = data.find((p) => p.isDefault)?.provider;
   * ```
   */
  list(options?: RequestOptions): Promise<PaymentProviderList> {
    return this.call('get', '/v1/payment-providers', {}, options);
  }

  /**
   * Reads one provider's settings; `NotFoundError` (`payment_provider_not_found`) until it is connected.
   *
   * @example
   * ```ts
   * const stripe = await fakturo.paymentProviders.get('stripe');
   * console.log(stripe.secretKey, stripe.livemode, stripe.webhookUrl); // sk_test_…4242 false https://…
   * ```
   */
  get(provider: PaymentProviderName, options?: RequestOptions): Promise<PaymentProvider> {
    return this.call('get', '/v1/payment-providers/{provider}', { params: { provider } }, options);
  }

  /**
   * Connects a provider or changes its settings (a PUT). Keys are stored encrypted and never returned in
   * full; a key left out keeps the stored one, so `isDefault` or `returnUrl` may change alone. The first
   * provider connected becomes the default. Register the answer's `webhookUrl` at Stripe. Every bad field is
   * reported at once (`ValidationError`); pass `ifMatch` to refuse overwriting a concurrent change.
   *
   * @example
   * ```ts
   * await fakturo.paymentProviders.configure('stripe', {
   *   secretKey: process.env.STRIPE_SECRET_KEY!,
   *   webhookSigningSecret: process.env.STRIPE_WEBHOOK_SECRET!,
   *   returnUrl: 'https://shop.example/thanks',
   * });
   * await fakturo.paymentProviders.configure('mollie', { apiKey: process.env.MOLLIE_API_KEY!, isDefault: true });
   * ```
   */
  configure(
    provider: PaymentProviderName,
    params: PaymentProviderConfigureParams,
    options: UpdateOptions = {},
  ): Promise<PaymentProvider> {
    const { ifMatch, ...rest } = options;
    return this.call(
      'put',
      '/v1/payment-providers/{provider}',
      { params: { provider }, body: params, ifMatch },
      rest,
    );
  }
}
