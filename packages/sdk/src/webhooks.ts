/**
 * Standard Webhooks (https://www.standardwebhooks.com) for Fakturo's webhook deliveries.
 * A delivery carries `webhook-id`, `webhook-timestamp` (Unix seconds) and `webhook-signature`: one or more
 * space-separated `v1,<base64 HMAC-SHA256>` of `${id}.${timestamp}.${body}`, keyed with the base64 part of
 * the endpoint's `whsec_…` secret. During a secret rotation the header carries a signature per secret.
 *
 * Uses `node:crypto`, so this runs on Node.js ≥ 20 (and runtimes that provide `node:crypto`, e.g. Bun, Deno).
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { WebhookVerificationError } from './errors';
import type { Schema } from './types';

/** What a delivery's body holds: an event with the resource as the API returns it in `data.object`. */
export type WebhookEvent = Schema<'Event'>;

/** Request headers as Node's `http` gives them (`req.headers`) or as a fetch `Headers`. */
export type WebhookRequestHeaders = Headers | Record<string, string | string[] | undefined>;

/** The three headers of a signed delivery (a type, not an interface, so it fits any headers record). */
export type WebhookSignatureHeaders = {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
};

export interface VerifyWebhookOptions {
  /** How far the timestamp may be from now, either way; default 300 s, as Standard Webhooks recommends. */
  toleranceSeconds?: number;
  /** The current time; defaults to the clock. Tests pass a fixed time. */
  now?: Date;
}

export interface SignTestWebhookOptions {
  /** The message id; a random `msg_…` by default. */
  id?: string;
  /** When it was "sent"; now by default. */
  timestamp?: Date;
}

const SECRET_PREFIX = 'whsec_';
const DEFAULT_TOLERANCE_SECONDS = 300;

function secretKey(secret: string): Buffer {
  if (typeof secret !== 'string')
    throw new TypeError('Fakturo: the webhook secret must be a string (`whsec_…`).');
  const encoded = secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret;
  const key = strictBase64(encoded);
  if (!key || key.length === 0)
    throw new TypeError('Fakturo: the webhook secret is empty or not base64 (`whsec_…`).');
  return key;
}

/**
 * Base64 decoded strictly: Node's decoder skips characters outside the alphabet and stops at junk, so a secret
 * mangled in copying (a space, a quote, a cut) would decode to some other key and every signature would merely
 * "not match". Null unless the text is exactly the encoding of its bytes (padding optional).
 */
function strictBase64(text: string): Buffer | null {
  const bytes = Buffer.from(text, 'base64');
  const canonical = bytes.toString('base64');
  return canonical === text || canonical.replace(/=+$/, '') === text ? bytes : null;
}

function sign(key: Buffer, id: string, timestamp: string, payload: Buffer): Buffer {
  return createHmac('sha256', key).update(`${id}.${timestamp}.`).update(payload).digest();
}

function header(headers: WebhookRequestHeaders, name: string): string | undefined {
  if (typeof (headers as Headers).get === 'function' && typeof (headers as Headers).has === 'function') {
    return (headers as Headers).get(name) ?? undefined;
  }
  const record = headers as Record<string, string | string[] | undefined>;
  const key = Object.keys(record).find((k) => k.toLowerCase() === name);
  const value = key === undefined ? undefined : record[key];
  // A header repeated on several lines: its values joined, as the signature list is space-separated.
  return Array.isArray(value) ? value.join(' ') : value;
}

function fail(code: string, message: string): never {
  throw new WebhookVerificationError(message, { code });
}

/**
 * Checks that a webhook delivery comes from Fakturo and is fresh, then returns the parsed event.
 * Pass the body exactly as received (string or bytes) — a re-serialised `JSON.stringify(req.body)` differs
 * and will not verify. Any `v1` signature in the header may match (secret rotation); signatures are
 * compared in constant time; a timestamp more than `toleranceSeconds` in the past or future is refused,
 * which bounds replays. `secret` may be a list, for a receiver holding the old and new secret.
 * Throws `WebhookVerificationError` (`code`: `webhook_header_missing`, `webhook_timestamp_invalid`,
 * `webhook_timestamp_too_old`, `webhook_timestamp_too_new`, `webhook_signature_invalid`,
 * `webhook_payload_invalid`); answer such a request with 400.
 *
 * @example
 * ```ts
 * import { createServer } from 'node:http';
 * import { verifyWebhook, WebhookVerificationError } from '@fakturo/sdk';
 *
 * createServer(async (req, res) => {
 *   const chunks: Buffer[] = [];
 *   for await (const chunk of req) chunks.push(chunk);
 *   try {
 *     const event = verifyWebhook(Buffer.concat(chunks), req.headers, process.env.FAKTURO_WEBHOOK_SECRET!);
 *     console.log(event.type, event.data.object);
 *     res.writeHead(204).end();
 *   } catch (error) {
 *     if (!(error instanceof WebhookVerificationError)) throw error;
 *     res.writeHead(400).end(error.code);
 *   }
 * }).listen(4000);
 * ```
 */
export function verifyWebhook<T = WebhookEvent>(
  payload: string | Uint8Array,
  headers: WebhookRequestHeaders,
  secret: string | readonly string[],
  options: VerifyWebhookOptions = {},
): T {
  const keys = (typeof secret === 'string' ? [secret] : [...secret]).map(secretKey);
  if (keys.length === 0) throw new TypeError('Fakturo: verifyWebhook needs at least one secret.');
  const tolerance = options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  if (!Number.isFinite(tolerance) || tolerance < 0)
    throw new TypeError('Fakturo: toleranceSeconds must be ≥ 0.');

  const id = header(headers, 'webhook-id');
  const timestamp = header(headers, 'webhook-timestamp');
  const signatures = header(headers, 'webhook-signature');
  if (!id) fail('webhook_header_missing', 'The webhook-id header is missing.');
  if (!timestamp) fail('webhook_header_missing', 'The webhook-timestamp header is missing.');
  if (!signatures) fail('webhook_header_missing', 'The webhook-signature header is missing.');

  if (!/^\d{1,12}$/.test(timestamp))
    fail('webhook_timestamp_invalid', 'webhook-timestamp must be Unix seconds.');
  const nowSeconds = Math.floor((options.now ?? new Date()).getTime() / 1000);
  const sentSeconds = Number(timestamp);
  if (nowSeconds - sentSeconds > tolerance) {
    fail(
      'webhook_timestamp_too_old',
      `The webhook was signed ${nowSeconds - sentSeconds} s ago (tolerance ${tolerance} s).`,
    );
  }
  if (sentSeconds - nowSeconds > tolerance) {
    fail(
      'webhook_timestamp_too_new',
      `The webhook is dated ${sentSeconds - nowSeconds} s ahead (tolerance ${tolerance} s).`,
    );
  }

  const body = typeof payload === 'string' ? Buffer.from(payload, 'utf8') : Buffer.from(payload);
  const expected = keys.map((key) => sign(key, id, timestamp, body));
  let matched = false;
  for (const entry of signatures.split(' ')) {
    const comma = entry.indexOf(',');
    if (comma < 0 || entry.slice(0, comma) !== 'v1') continue; // other schemes (v1a, …) are not ours to judge
    const given = strictBase64(entry.slice(comma + 1));
    if (!given) continue;
    for (const want of expected) {
      // timingSafeEqual needs equal lengths; a length mismatch reveals nothing about the key.
      if (given.length === want.length && timingSafeEqual(given, want)) matched = true;
    }
  }
  if (!matched) fail('webhook_signature_invalid', 'No webhook signature matches the payload and secret.');

  try {
    return JSON.parse(body.toString('utf8')) as T;
  } catch {
    return fail('webhook_payload_invalid', 'The webhook body is not JSON.');
  }
}

/**
 * Signs a payload the way Fakturo signs deliveries, so you can test your receiver without the API.
 * Returns the three headers to send with the exact same payload string.
 *
 * @example
 * ```ts
 * const payload = JSON.stringify({ id: 'evt_1', type: 'contact.created', createdAt: new Date().toISOString(),
 *   organizationId: 'org_1', requestId: null, data: { object: { id: 'con_1' } } });
 * const headers = signTestWebhook(payload, 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw');
 * await fetch('http://127.0.0.1:4000/webhooks', { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: payload });
 * ```
 */
export function signTestWebhook(
  payload: string | Uint8Array,
  secret: string,
  options: SignTestWebhookOptions = {},
): WebhookSignatureHeaders {
  const id = options.id ?? `msg_${randomBytes(12).toString('hex')}`;
  const timestamp = String(Math.floor((options.timestamp ?? new Date()).getTime() / 1000));
  const body = typeof payload === 'string' ? Buffer.from(payload, 'utf8') : Buffer.from(payload);
  const signature = sign(secretKey(secret), id, timestamp, body).toString('base64');
  return { 'webhook-id': id, 'webhook-timestamp': timestamp, 'webhook-signature': `v1,${signature}` };
}
