import { ConnectionError, errorFromResponse, type FakturoError, retryAfterSeconds } from './errors';
import type { HttpMethod } from './types';
import { VERSION } from './version';

/** Options of `new Fakturo(...)`. */
export interface FakturoOptions {
  /** A secret API key of your organisation (`npm start` prints the first one and writes `.data/api-key`). */
  apiKey: string;
  /** Where the API runs, e.g. `http://127.0.0.1:3000` or `https://billing.example.com`. */
  baseUrl: string;
  /** A fetch implementation; the global `fetch` by default. Tests and proxies inject their own. */
  fetch?: typeof fetch;
  /** Retries after a 429, a 5xx or a network failure; default 2 (so at most 3 attempts). 0 disables. */
  maxRetries?: number;
  /** Time for one attempt, answer body included, in ms ≥ 1; default 30 000 ms. */
  timeoutMs?: number;
}

/** Per-call options, accepted as the last argument of every method. */
export interface RequestOptions {
  /** `Idempotency-Key` for a POST; a random UUID v4 by default, reused across that call's retries. */
  idempotencyKey?: string;
  maxRetries?: number;
  timeoutMs?: number;
  /** Cancels the call (and its pending retries). */
  signal?: AbortSignal;
  /**
   * Extra headers, e.g. `{ 'x-request-id': 'my-trace-id' }`; names in any case. They replace the SDK's own
   * (`Idempotency-Key` works like `idempotencyKey`), except `Authorization`, which is always the client's key.
   */
  headers?: Record<string, string>;
}

/** One call as the resources describe it; the path may hold `{name}` placeholders filled from `params`. */
export interface ApiRequest {
  method: HttpMethod;
  path: string;
  params?: Record<string, string | number> | undefined;
  query?: object | undefined;
  body?: unknown;
  /**
   * Sends a string or `Uint8Array` `body` as this content type unchanged (e.g. `text/csv`, a bank statement
   * file as read from disk); JSON otherwise.
   */
  contentType?: string;
  /** What to ask for; `application/json` by default. */
  accept?: string;
  /**
   * How to read a successful answer: `json` (default; parsed when the answer says JSON, else its text),
   * `text` (as is, e.g. XML) or `bytes` (a `Uint8Array`, e.g. a PDF, which decoding as text would corrupt).
   * Error answers are always read as problems.
   */
  responseType?: ResponseBodyType;
  /** The `version` the caller last read; sent as `If-Match: "<version>"` so a concurrent change gives 412. */
  ifMatch?: number | undefined;
}

/** How `HttpClient.request` reads a successful answer's body. */
export type ResponseBodyType = 'json' | 'text' | 'bytes';

const DEFAULT_MAX_RETRIES = 2;
const DEFAULT_TIMEOUT_MS = 30_000;
const INITIAL_DELAY_MS = 500;
const MAX_DELAY_MS = 8_000;
/** A `Retry-After` longer than this is not waited out inside one call; the RateLimitError says how long. */
const MAX_RETRY_AFTER_SECONDS = 60;

/**
 * Whether a failed attempt may be sent again without risk of doing the work twice.
 * - POST carries an Idempotency-Key, so the server replays a completed request instead of repeating it.
 * - GET, PUT and DELETE are idempotent by HTTP's definition.
 * - PATCH is retried only when the server certainly did not apply it: 429 (refused before the handler),
 *   503 (not taken) or a refused connection. After a timeout it may have been applied; a blind retry with
 *   `ifMatch` would then fail with 412 and without it would repeat the change, so the caller decides.
 * A 409 `idempotency_request_in_progress` means our own earlier attempt is still running: wait and ask again.
 */
function isRetryable(method: HttpMethod, error: FakturoError): boolean {
  if (error instanceof ConnectionError) return method !== 'patch' || error.code === 'connection_refused';
  const status = error.status ?? 0;
  if (status === 429 || status === 503) return true;
  if (status === 409) return error.code === 'idempotency_request_in_progress';
  return status >= 500 && method !== 'patch';
}

/** Exponential back-off with jitter (so many clients do not retry in step), at least `Retry-After`. */
function retryDelayMs(attempt: number, retryAfter: number | undefined): number {
  const backoff = Math.min(MAX_DELAY_MS, INITIAL_DELAY_MS * 2 ** attempt);
  const jittered = backoff * (0.5 + Math.random() * 0.5);
  return retryAfter === undefined ? jittered : Math.max(retryAfter * 1000, jittered);
}

/** Waits `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function connectionRefused(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string; errors?: { code?: string }[] } })?.cause;
  if (!cause) return false;
  if (cause.code === 'ECONNREFUSED') return true;
  // localhost may resolve to ::1 and 127.0.0.1; undici then reports every refused address
  return (
    Array.isArray(cause.errors) &&
    cause.errors.length > 0 &&
    cause.errors.every((e) => e.code === 'ECONNREFUSED')
  );
}

/** Reads an answer whole (inside the attempt's timeout): raw bytes or text when asked and successful, else parsed. */
async function readBody(response: Response, responseType: ResponseBodyType): Promise<unknown> {
  if (response.ok && responseType === 'bytes') return new Uint8Array(await response.arrayBuffer());
  const text = await response.text();
  if (response.ok && responseType === 'text') return text;
  return parseBody(response, text);
}

function parseBody(response: Response, text: string): unknown {
  if (response.status === 204 || text === '') return undefined;
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) return text;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * The transport under every resource: URL and headers, `Idempotency-Key` on POST, `If-Match`, timeouts,
 * retries with back-off, and the mapping of error answers to error classes. Resources add no HTTP logic.
 */
export class HttpClient {
  private readonly apiKey: string;
  private readonly baseUrl: string;
  private readonly fetchImpl: typeof fetch;
  private readonly maxRetries: number;
  private readonly timeoutMs: number;

  constructor(options: FakturoOptions) {
    if (typeof options?.apiKey !== 'string' || options.apiKey.trim() === '') {
      throw new TypeError('Fakturo: `apiKey` is required (a secret key of your organisation).');
    }
    if (typeof options.baseUrl !== 'string' || !/^https?:\/\//.test(options.baseUrl)) {
      throw new TypeError('Fakturo: `baseUrl` is required, e.g. `http://127.0.0.1:3000`.');
    }
    const fetchImpl = options.fetch ?? globalThis.fetch;
    if (typeof fetchImpl !== 'function')
      throw new TypeError('Fakturo: no `fetch` available; pass one in the options.');
    this.apiKey = options.apiKey.trim();
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.fetchImpl = fetchImpl;
    this.maxRetries = checkCount('maxRetries', options.maxRetries, DEFAULT_MAX_RETRIES);
    this.timeoutMs = checkCount('timeoutMs', options.timeoutMs, DEFAULT_TIMEOUT_MS, 1);
  }

  url(path: string, params?: Record<string, string | number>, query?: object): string {
    const filled = path.replace(/\{(\w+)\}/g, (_, name: string) => {
      const value = params?.[name];
      if (value === undefined || value === '')
        throw new TypeError(`Fakturo: path parameter '${name}' is required.`);
      return encodeURIComponent(String(value));
    });
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value === undefined || value === null) continue;
      for (const item of Array.isArray(value) ? value : [value]) search.append(key, String(item));
    }
    const qs = search.toString();
    return `${this.baseUrl}${filled}${qs ? `?${qs}` : ''}`;
  }

  /**
   * Sends one call, retrying what is safe to retry; resolves to the parsed body (undefined for 204), or
   * to the text or bytes when `responseType` asks for them.
   */
  async request(request: ApiRequest, options: RequestOptions = {}): Promise<unknown> {
    const url = this.url(request.path, request.params, request.query);
    // Header names are case-insensitive: the caller's `Idempotency-Key` or `Accept` must replace ours, not
    // be sent beside it (fetch joins two spellings of one name into a single "a, b" value).
    const extra = Object.fromEntries(
      Object.entries(options.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]),
    );
    const headers: Record<string, string> = {
      accept: request.accept ?? 'application/json',
      'user-agent': `fakturo-sdk-typescript/${VERSION}`,
      ...extra,
      authorization: `Bearer ${this.apiKey}`,
    };
    let body: string | Uint8Array | undefined;
    if (request.body !== undefined) {
      // bytes go out as they are: a file in its own charset (Windows-1252 MT940) must not be re-encoded
      const raw =
        request.contentType !== undefined &&
        (typeof request.body === 'string' || request.body instanceof Uint8Array);
      body = raw ? (request.body as string | Uint8Array) : JSON.stringify(request.body);
      headers['content-type'] = raw ? request.contentType! : 'application/json';
    }
    // One key per call, kept for all its attempts: a retry of a POST that did reach the server is replayed
    // by the server, never executed twice.
    if (request.method === 'post') {
      headers['idempotency-key'] =
        options.idempotencyKey ?? extra['idempotency-key'] ?? globalThis.crypto.randomUUID();
    }
    if (request.ifMatch !== undefined) headers['if-match'] = `"${request.ifMatch}"`;

    const maxRetries = checkCount('maxRetries', options.maxRetries, this.maxRetries);
    const timeoutMs = checkCount('timeoutMs', options.timeoutMs, this.timeoutMs, 1);
    const init: RequestInit = { method: request.method.toUpperCase(), headers, body };
    for (let attempt = 0; ; attempt += 1) {
      let error: FakturoError;
      try {
        const { response, data } = await this.attempt(
          url,
          init,
          timeoutMs,
          options.signal,
          request.responseType ?? 'json',
        );
        if (response.ok) return data;
        error = errorFromResponse(response.status, response.headers, data);
      } catch (caught) {
        if (!(caught instanceof ConnectionError)) throw caught;
        error = caught;
      }
      if (attempt >= maxRetries || !isRetryable(request.method, error)) throw error;
      // 429 and 503 may say when to come back; that wins over the back-off when it is longer.
      const retryAfter = error.headers ? retryAfterSeconds(error.headers) : undefined;
      if (retryAfter !== undefined && retryAfter > MAX_RETRY_AFTER_SECONDS) throw error;
      await sleep(retryDelayMs(attempt, retryAfter), options.signal);
    }
  }

  private async attempt(
    url: string,
    init: RequestInit,
    timeoutMs: number,
    signal: AbortSignal | undefined,
    responseType: ResponseBodyType,
  ): Promise<{ response: Response; data: unknown }> {
    if (signal?.aborted) throw signal.reason;
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const onAbort = () => controller.abort(signal!.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const response = await this.fetchImpl(url, { ...init, signal: controller.signal });
      return { response, data: await readBody(response, responseType) };
    } catch (error) {
      // The caller's own cancellation is not a failure to retry.
      if (signal?.aborted) throw signal.reason;
      const method = init.method ?? 'GET';
      if (timedOut) {
        throw new ConnectionError(`No answer to ${method} ${url} within ${timeoutMs} ms.`, {
          code: 'timeout',
          cause: error,
        });
      }
      const refused = connectionRefused(error);
      throw new ConnectionError(
        `Could not reach ${method} ${url}: ${(error as Error)?.message ?? String(error)}.`,
        { code: refused ? 'connection_refused' : 'connection_failed', cause: error },
      );
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  }
}

/** `min` 1 for a timeout: 0 would abort every attempt at once rather than mean "no limit". */
function checkCount(name: string, value: number | undefined, fallback: number, min = 0): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value < min)
    throw new TypeError(`Fakturo: \`${name}\` must be a whole number ≥ ${min}.`);
  return value;
}
