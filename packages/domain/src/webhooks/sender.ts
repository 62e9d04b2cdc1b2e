import { performance } from 'node:perf_hooks';
import { Agent, type Dispatcher } from 'undici';
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
  send(url: string, headers: Record<string, string>, body: string | Buffer): Promise<SendResult>;
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

/**
 * The first `limit` bytes as text, never splitting a UTF-8 sequence. NUL characters become U+FFFD, as
 * undecodable bytes do: PostgreSQL text cannot hold them, and an answer with one (a binary or compressed
 * body) must not make its attempt impossible to record.
 */
export function excerpt(bytes: Buffer, limit = EXCERPT_BYTES): string {
  let text = new TextDecoder('utf-8').decode(bytes.subarray(0, limit));
  if (bytes.length > limit) text = text.replace(/\uFFFD$/, '');
  while (Buffer.byteLength(text) > limit) text = text.slice(0, -1);
  return text.includes('\u0000') ? text.replaceAll('\u0000', '\uFFFD') : text;
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
 *
 * Requests go through the agent's `dispatch` with a handler of our own (`Attempt`) rather than undici's
 * `request`: an attempt needs the status and the first KiB of the body, not a response stream, and
 * `request` built a Readable body and an async iterator over it for every response — twice the Node CPU of
 * the exchange itself (0.10 against 0.17–0.23 ms per request, measured with the benchmark's receiver).
 */
export function createSender(options: SenderOptions): WebhookSender {
  const timeoutMs = options.timeoutMs ?? DELIVERY_TIMEOUT_MS;
  const deadlines = attemptDeadlines(timeoutMs);
  // The syntax check depends on the URL and the policy alone (no DNS: addresses are checked at every
  // connection, in guardedLookup), so it is judged once per URL, not parsed again for every request of a run.
  const checkedUrls = new Map<string, Target>();
  const target = (url: string): Target => {
    let checked = checkedUrls.get(url);
    if (!checked) {
      if (checkedUrls.size >= 1000) checkedUrls.clear();
      const syntax = checkUrlSyntax(url, options.policy);
      checked = syntax.problem
        ? { problem: syntax.problem.message, origin: '', path: '' }
        : { problem: null, origin: syntax.url.origin, path: `${syntax.url.pathname}${syntax.url.search}` };
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

  function send(url: string, headers: Record<string, string>, body: string | Buffer): Promise<SendResult> {
    const { problem, origin, path } = target(url);
    if (problem) {
      return Promise.resolve({
        statusCode: null,
        durationMs: 0,
        responseExcerpt: null,
        error: `address_not_allowed: ${problem}`,
      });
    }
    const flat = ['content-type', 'application/json', 'user-agent', USER_AGENT];
    for (const name in headers) flat.push(name, headers[name]!);
    return new Promise<SendResult>((resolve) => {
      const attempt = new Attempt(timeoutMs, (result) => {
        deadlines.end(attempt);
        resolve(result);
      });
      deadlines.start(attempt);
      try {
        agent.dispatch({ origin, path, method: 'POST', headers: flat, body }, attempt);
      } catch (error) {
        attempt.onResponseError(null, error as Error);
      }
    });
  }

  return {
    send,
    close: async () => {
      deadlines.stop();
      await agent.close();
    },
  };
}

interface Target {
  /** Why the URL may not be sent to; null when it may. */
  problem: string | null;
  origin: string;
  path: string;
}

/**
 * One attempt, as undici's dispatch handler: keeps the status and the first KiB of the body, reads at most
 * 64 KiB (more, and the connection is dropped rather than drained), and turns every way it can end —
 * response, error, time limit — into one SendResult, once.
 */
class Attempt implements Dispatcher.DispatchHandler {
  private readonly started = performance.now();
  /** When the time limit is up (performance.now()). */
  readonly at: number;
  private controller: Dispatcher.DispatchController | null = null;
  /** Set when the time limit passed before undici handed over the controller. */
  private expired: Error | null = null;
  private statusCode: number | null = null;
  private readonly chunks: Buffer[] = [];
  private size = 0;
  private done = false;

  constructor(
    timeoutMs: number,
    private readonly finish: (result: SendResult) => void,
  ) {
    this.at = this.started + timeoutMs;
  }

  /** The time limit is up: aborts the exchange (reported as a timeout unless the status came first). */
  expire(reason: Error): void {
    if (this.controller) this.controller.abort(reason);
    else this.expired = reason;
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.controller = controller;
    if (this.expired) controller.abort(this.expired);
  }

  onResponseStart(_controller: Dispatcher.DispatchController, statusCode: number): void {
    this.statusCode = statusCode;
  }

  onResponseData(controller: Dispatcher.DispatchController, chunk: Buffer): void {
    if (this.size < EXCERPT_BYTES) this.chunks.push(chunk);
    this.size += chunk.length;
    if (this.size > DRAIN_LIMIT_BYTES) {
      this.end(null); // the status is the outcome; the rest of the body is not worth reading
      controller.abort(new Error('response body over the drain limit'));
    }
  }

  onResponseEnd(): void {
    this.end(null);
  }

  onResponseError(_controller: Dispatcher.DispatchController | null, error: Error): void {
    // a body cut off after the status arrived (time limit, reset) still leaves the status as the outcome
    this.end(this.statusCode === null ? describe(error) : null);
  }

  private end(error: string | null): void {
    if (this.done) return;
    this.done = true;
    this.finish({
      statusCode: error === null ? this.statusCode : null,
      durationMs: Math.round(performance.now() - this.started),
      responseExcerpt: error === null && this.size > 0 ? excerpt(Buffer.concat(this.chunks)) : null,
      error,
    });
  }
}

/**
 * The whole-attempt time limit for many attempts at once. `AbortSignal.timeout` per request cost a timer
 * and its bookkeeping each (~35 µs of CPU, more than a tenth of what undici needs for the request); here
 * one interval expires the attempts whose time is up. All attempts have the same limit, so the oldest comes
 * first and a check stops at the first attempt still in time. An attempt is aborted at most one tick (a
 * tenth of the limit, at most 250 ms) after its limit.
 */
function attemptDeadlines(timeoutMs: number) {
  const running = new Set<Attempt>();
  const tickMs = Math.max(5, Math.min(250, Math.floor(timeoutMs / 10)));
  let timer: NodeJS.Timeout | null = null;
  const stop = () => {
    if (timer) clearInterval(timer);
    timer = null;
  };
  const check = () => {
    const now = performance.now();
    for (const attempt of running) {
      if (attempt.at > now) break;
      running.delete(attempt);
      // the reason AbortSignal.timeout gives: the attempt is recorded as `timeout`
      attempt.expire(new DOMException('The operation was aborted due to timeout', 'TimeoutError'));
    }
    if (running.size === 0) stop();
  };
  return {
    start(attempt: Attempt): void {
      running.add(attempt);
      if (!timer) {
        timer = setInterval(check, tickMs);
        timer.unref(); // never keeps a process alive by itself: the request's socket does
      }
    },
    end(attempt: Attempt) {
      running.delete(attempt);
      if (running.size === 0) stop();
    },
    stop,
  };
}
