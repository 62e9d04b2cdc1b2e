import { performance } from 'node:perf_hooks';
import { Agent, request } from 'undici';
import {
  AddressNotAllowedError,
  checkUrlSyntax,
  guardedLookup,
  type Resolver,
  type SsrfPolicy,
} from './ssrf';

/** One HTTP attempt, as the delivery log records it. */
export interface SendResult {
  /** Null when no response arrived (timeout, refused connection, address not allowed). */
  statusCode: number | null;
  durationMs: number;
  /** The first KiB of the response body. */
  responseExcerpt: string | null;
  error: string | null;
}

export interface WebhookSender {
  send(url: string, headers: Record<string, string>, body: string): Promise<SendResult>;
  close(): Promise<void>;
}

export const DELIVERY_TIMEOUT_MS = 15_000;
export const EXCERPT_BYTES = 1024;
/** Read at most this much of a response (to keep the connection reusable), then drop the connection. */
const DRAIN_LIMIT_BYTES = 64 * 1024;
export const USER_AGENT = 'Fakturo-Webhooks/1.0 (+https://docs.fakturo.dev/webhooks)';

export interface SenderOptions {
  policy: SsrfPolicy;
  timeoutMs?: number;
  /** DNS for the connection (tests inject one); the system resolver by default. */
  resolver?: Resolver;
}

/** The first `limit` bytes as text, never splitting a UTF-8 sequence. */
export function excerpt(bytes: Buffer, limit = EXCERPT_BYTES): string {
  let text = new TextDecoder('utf-8').decode(bytes.subarray(0, limit));
  if (bytes.length > limit) text = text.replace(/\uFFFD$/, '');
  while (Buffer.byteLength(text) > limit) text = text.slice(0, -1);
  return text;
}

function describe(error: unknown): string {
  if (error instanceof AddressNotAllowedError) return `address_not_allowed: ${error.message}`;
  const e = error as { name?: string; code?: string; message?: string; cause?: unknown };
  if (e?.cause instanceof AddressNotAllowedError) return describe(e.cause);
  switch (e?.code) {
    case 'UND_ERR_CONNECT_TIMEOUT':
    case 'UND_ERR_HEADERS_TIMEOUT':
    case 'UND_ERR_BODY_TIMEOUT':
      return 'timeout';
    case 'ECONNREFUSED':
      return 'connection_refused';
    case 'ECONNRESET':
    case 'UND_ERR_SOCKET':
      return 'connection_reset';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `dns_failed: ${e.message ?? ''}`.trim();
  }
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') return 'timeout';
  if (e?.code?.startsWith('ERR_TLS') || e?.code?.includes('CERT')) return `tls_failed: ${e.code}`;
  return `${e?.code ?? e?.name ?? 'error'}: ${e?.message ?? String(error)}`.slice(0, 500);
}

/**
 * Sends webhooks with undici over one keep-alive agent. Every connection resolves its host through
 * `guardedLookup`, so the address that passed the SSRF check is the address connected to; IP-literal
 * URLs (which skip DNS) are checked before the request. Redirects are not followed (3xx is a failure:
 * the endpoint should be updated instead), and the whole attempt — connect, headers, body — is bounded by
 * `timeoutMs` (15 s).
 */
export function createSender(options: SenderOptions): WebhookSender {
  const timeoutMs = options.timeoutMs ?? DELIVERY_TIMEOUT_MS;
  const agent = new Agent({
    connect: { timeout: timeoutMs, lookup: guardedLookup(options.policy, options.resolver) },
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
    keepAliveTimeout: 10_000,
  });

  async function send(url: string, headers: Record<string, string>, body: string): Promise<SendResult> {
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    const checked = checkUrlSyntax(url, options.policy);
    if (checked.problem) {
      return {
        statusCode: null,
        durationMs: 0,
        responseExcerpt: null,
        error: `address_not_allowed: ${checked.problem.message}`,
      };
    }
    try {
      const response = await request(checked.url, {
        method: 'POST',
        dispatcher: agent,
        headers: { 'content-type': 'application/json', 'user-agent': USER_AGENT, ...headers },
        body,
        signal: AbortSignal.timeout(timeoutMs),
      });
      const chunks: Buffer[] = [];
      let size = 0;
      try {
        for await (const chunk of response.body) {
          if (size < EXCERPT_BYTES) chunks.push(chunk as Buffer);
          size += (chunk as Buffer).length;
          if (size > DRAIN_LIMIT_BYTES) {
            response.body.destroy();
            break;
          }
        }
      } catch {
        // a body cut off after the status arrived still leaves the status as the outcome
      }
      return {
        statusCode: response.statusCode,
        durationMs: elapsed(),
        responseExcerpt: size > 0 ? excerpt(Buffer.concat(chunks)) : null,
        error: null,
      };
    } catch (error) {
      return { statusCode: null, durationMs: elapsed(), responseExcerpt: null, error: describe(error) };
    }
  }

  return { send, close: () => agent.close() };
}
