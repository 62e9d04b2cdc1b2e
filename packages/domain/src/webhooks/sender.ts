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
  const deadlines = attemptDeadlines(timeoutMs);
  // The syntax check depends on the URL and the policy alone (no DNS: addresses are checked at every
  // connection, in guardedLookup), so it is judged once per URL, not parsed again for every request of a run.
  const checkedUrls = new Map<string, ReturnType<typeof checkUrlSyntax>>();
  const checkSyntax = (url: string) => {
    let checked = checkedUrls.get(url);
    if (!checked) {
      if (checkedUrls.size >= 1000) checkedUrls.clear();
      checked = checkUrlSyntax(url, options.policy);
      checkedUrls.set(url, checked);
    }
    return checked;
  };
  const agent = new Agent({
    connect: { timeout: timeoutMs, lookup: guardedLookup(options.policy, options.resolver) },
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
    keepAliveTimeout: 10_000,
  });

  async function send(url: string, headers: Record<string, string>, body: string): Promise<SendResult> {
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    const checked = checkSyntax(url);
    if (checked.problem) {
      return {
        statusCode: null,
        durationMs: 0,
        responseExcerpt: null,
        error: `address_not_allowed: ${checked.problem.message}`,
      };
    }
    const deadline = deadlines.start();
    try {
      const response = await request(checked.url, {
        method: 'POST',
        dispatcher: agent,
        headers: { 'content-type': 'application/json', 'user-agent': USER_AGENT, ...headers },
        body,
        signal: deadline,
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
    } finally {
      deadlines.end(deadline);
    }
  }

  return {
    send,
    close: async () => {
      deadlines.stop();
      await agent.close();
    },
  };
}

/**
 * What undici needs of a request's `signal` (it takes an EventTarget or an EventEmitter: `aborted`, `reason`,
 * `addEventListener('abort', …)`, `removeEventListener`), and no more. A real AbortSignal is an EventTarget
 * whose listener bookkeeping cost ~40 µs of CPU per request — a sixth of what undici needs for the request
 * itself — and a request only ever has the one listener undici adds.
 */
class Deadline {
  aborted = false;
  reason: unknown = undefined;
  private listeners: (() => void)[] = [];
  constructor(readonly at: number) {}
  addEventListener(_type: 'abort', listener: () => void): void {
    this.listeners.push(listener);
  }
  removeEventListener(_type: 'abort', listener: () => void): void {
    this.listeners = this.listeners.filter((l) => l !== listener);
  }
  abort(reason: unknown): void {
    if (this.aborted) return;
    this.aborted = true;
    this.reason = reason;
    for (const listener of this.listeners.splice(0)) listener();
  }
}

/**
 * The whole-attempt time limit for many attempts at once. `AbortSignal.timeout` per request cost a timer
 * and its bookkeeping each (~35 µs of CPU, more than a tenth of what undici needs for the request); here
 * every attempt gets a Deadline and one interval aborts those whose time is up. All attempts have the same
 * limit, so the oldest comes first and a check stops at the first attempt still in time. An attempt is
 * aborted at most one tick (a tenth of the limit, at most 250 ms) after its limit.
 */
function attemptDeadlines(timeoutMs: number) {
  const running = new Set<Deadline>();
  const tickMs = Math.max(5, Math.min(250, Math.floor(timeoutMs / 10)));
  let timer: NodeJS.Timeout | null = null;
  const stop = () => {
    if (timer) clearInterval(timer);
    timer = null;
  };
  const check = () => {
    const now = performance.now();
    for (const deadline of running) {
      if (deadline.at > now) break;
      running.delete(deadline);
      // the reason AbortSignal.timeout gives: the attempt is recorded as `timeout`
      deadline.abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError'));
    }
    if (running.size === 0) stop();
  };
  return {
    start(): Deadline {
      const deadline = new Deadline(performance.now() + timeoutMs);
      running.add(deadline);
      if (!timer) {
        timer = setInterval(check, tickMs);
        timer.unref(); // never keeps a process alive by itself: the request's socket does
      }
      return deadline;
    },
    end(deadline: Deadline) {
      running.delete(deadline);
      if (running.size === 0) stop();
    },
    stop,
  };
}
