import createMollieClient, { MollieApiError, type MollieClient } from '@mollie/api-client';
import Stripe from 'stripe';
import { DomainError } from '../errors';
import type { PaymentProviderName } from './types';

/**
 * The providers' official SDKs (`stripe`, `@mollie/api-client`), built per call from the organisation's own
 * key. Where they send requests is configurable, so staging, a proxy or the stand-ins of the tests can take
 * the providers' place while the SDKs' own request and response code runs unchanged:
 *
 * - `FAKTURO_STRIPE_API_BASE`, e.g. `http://127.0.0.1:12111` → the Stripe SDK's `protocol`, `host`, `port`;
 * - `FAKTURO_MOLLIE_API_BASE`, e.g. `https://127.0.0.1:12112/v2/` → the Mollie SDK's `apiEndpoint`. Mollie's
 *   client always talks TLS through an agent pinned to its bundled CA list, so a stand-in must speak HTTPS.
 *
 * Read at each call (not at start-up) so a test can start its stand-in first and point the process at it.
 */
export const STRIPE_API_BASE_ENV = 'FAKTURO_STRIPE_API_BASE';
export const MOLLIE_API_BASE_ENV = 'FAKTURO_MOLLIE_API_BASE';

/** How long one request to a provider may take; a payment link is made while the caller waits. */
const TIMEOUT_MS = 20_000;

function stripeEndpoint(
  env: NodeJS.ProcessEnv,
): { protocol: 'http' | 'https'; host: string; port: number } | Record<string, never> {
  const raw = env[STRIPE_API_BASE_ENV];
  if (!raw) return {};
  const url = new URL(raw);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`${STRIPE_API_BASE_ENV} must be an http(s) URL, got '${raw}'`);
  }
  const protocol = url.protocol === 'http:' ? 'http' : 'https';
  return {
    protocol,
    host: url.hostname,
    port: url.port ? Number(url.port) : protocol === 'http' ? 80 : 443,
  };
}

export function stripeClient(secretKey: string, env: NodeJS.ProcessEnv = process.env): Stripe {
  return new Stripe(secretKey, {
    ...stripeEndpoint(env),
    // retries carry the same idempotency key (we pass one), so a retried create makes one session
    maxNetworkRetries: 2,
    timeout: TIMEOUT_MS,
    telemetry: false,
    appInfo: { name: 'Fakturo' },
  });
}

export function mollieClient(apiKey: string, env: NodeJS.ProcessEnv = process.env): MollieClient {
  const base = env[MOLLIE_API_BASE_ENV];
  return createMollieClient({
    apiKey,
    ...(base ? { apiEndpoint: base } : {}),
  });
}

/** Stripe's webhook helpers: they need no key and no network (signature check with the signing secret). */
export const stripeWebhooks = Stripe.webhooks;

/**
 * A provider's refusal or absence as a domain error: unreachable, 5xx or rate-limited → 503
 * `payment_provider_unavailable` (try again later); any other refusal (a revoked key, a currency the account
 * cannot take) → 409 `payment_provider_rejected` with the provider's message, which names the fix. Anything
 * that is not an error of the SDKs' own kinds is a bug here and is rethrown as it is (500).
 */
export function providerError(provider: PaymentProviderName, error: unknown): DomainError {
  const name = provider === 'stripe' ? 'Stripe' : 'Mollie';
  let status: number | undefined;
  let transient: boolean;
  if (error instanceof Stripe.errors.StripeError) {
    status = error.statusCode;
    transient =
      error instanceof Stripe.errors.StripeConnectionError ||
      error instanceof Stripe.errors.StripeAPIError ||
      error instanceof Stripe.errors.StripeRateLimitError;
  } else if (error instanceof MollieApiError) {
    // the Mollie client wraps network failures in an ApiError without a status
    status = error.statusCode;
    transient = status === undefined;
  } else {
    throw error;
  }
  if (transient || status === undefined || status >= 500 || status === 429) {
    return new DomainError(
      'unavailable',
      'payment_provider_unavailable',
      `${name} could not be reached or failed; try again later.`,
      { details: { provider, ...(status ? { providerStatus: status } : {}) } },
    );
  }
  return new DomainError(
    'conflict',
    'payment_provider_rejected',
    `${name} refused the request: ${error.message}`,
    {
      details: { provider, providerStatus: status },
    },
  );
}
