import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Standard Webhooks signing (https://www.standardwebhooks.com): the secret is `whsec_` + base64 of random
 * bytes; a signature is `v1,` + base64 HMAC-SHA256, keyed with the decoded secret, over
 * `{webhook-id}.{webhook-timestamp}.{body}`. During a secret rotation the `webhook-signature` header
 * carries one signature per valid secret, separated by spaces, so receivers never see a gap.
 */

export const SECRET_PREFIX = 'whsec_';
/** The spec asks for 24–64 random bytes; 32 is the middle of the road (and Svix's choice). */
export const SECRET_BYTES = 32;

export function generateSecret(bytes = SECRET_BYTES): string {
  return SECRET_PREFIX + randomBytes(bytes).toString('base64');
}

/** The HMAC key of a secret: the base64 after the `whsec_` prefix, decoded. */
export function secretKey(secret: string): Buffer {
  const encoded = secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret;
  const key = Buffer.from(encoded, 'base64');
  if (key.length === 0) throw new Error('empty webhook secret');
  return key;
}

/** One signature, `v1,<base64>`. `timestamp` is in whole seconds since the epoch. */
export function sign(key: Buffer | string, id: string, timestamp: number, body: string | Buffer): string {
  const hmac = createHmac('sha256', typeof key === 'string' ? secretKey(key) : key);
  hmac.update(`${id}.${timestamp}.`);
  hmac.update(body);
  return `v1,${hmac.digest('base64')}`;
}

/** The `webhook-signature` header: one signature per key, newest first, space-separated. */
export function signatureHeader(
  keys: readonly (Buffer | string)[],
  id: string,
  timestamp: number,
  body: string | Buffer,
): string {
  return keys.map((key) => sign(key, id, timestamp, body)).join(' ');
}

/** A type, not an interface: it is passed where any `Record<string, string>` of headers goes. */
export type WebhookHeaders = {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
};

export function webhookHeaders(
  keys: readonly (Buffer | string)[],
  id: string,
  timestamp: number,
  body: string | Buffer,
): WebhookHeaders {
  return {
    'webhook-id': id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': signatureHeader(keys, id, timestamp, body),
  };
}

/**
 * Verifies a webhook the way a receiver should: the timestamp within `toleranceSeconds` of `now` (against
 * replays), then any `v1` signature in the header matching, compared in constant time. Used by tests and
 * shown in docs/webhooks.md; the SDK ships its own `verifyWebhook`.
 */
export function verify(
  secret: string,
  headers: Record<string, string | string[] | undefined>,
  body: string | Buffer,
  options: { now?: Date; toleranceSeconds?: number } = {},
): boolean {
  const one = (name: string) => {
    const value = headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const id = one('webhook-id');
  const timestamp = Number(one('webhook-timestamp'));
  const header = one('webhook-signature');
  if (!id || !header || !Number.isInteger(timestamp)) return false;
  const now = Math.floor((options.now ?? new Date()).getTime() / 1000);
  if (Math.abs(now - timestamp) > (options.toleranceSeconds ?? 300)) return false;
  const expected = Buffer.from(sign(secret, id, timestamp, body).slice(3), 'base64');
  return header.split(' ').some((entry) => {
    const [version, signature] = entry.split(',', 2);
    if (version !== 'v1' || !signature) return false;
    const given = Buffer.from(signature, 'base64');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}
