import { personInput } from '@fakturo/testing';
import { describe, expect, it } from 'vitest';
import { ApiError, ConnectionError, RateLimitError } from '../src/index';
import { problem, recordingFetch, startLiveApi } from './support';

const api = await startLiveApi();
/** The same API with a tight limit (2 requests per second per key), for the real 429s. */
const limited = await startLiveApi({ rateLimitMax: 2 });
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** A fetch that never answers until it is aborted (by the SDK's timeout). */
const hang = (_url: string, init: RequestInit) =>
  new Promise<Response>((_, reject) => {
    init.signal?.addEventListener('abort', () =>
      reject(new DOMException('The operation was aborted.', 'AbortError')),
    );
  });

describe('idempotency: every POST carries a key that its retries reuse', () => {
  it('a response lost on the way back is retried with the same key, replayed, and creates one contact', async () => {
    let replayed: string | null = null;
    const recorder = recordingFetch(async (call, url, init) => {
      const response = await fetch(url, init);
      if (call === 1) {
        // the server did the work, but the answer never reaches the client
        await response.text();
        throw new TypeError('fetch failed', {
          cause: Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }),
        });
      }
      replayed = response.headers.get('idempotent-replayed');
      return response;
    });
    const fakturo = api.client({ fetch: recorder.fetch });
    const lastName = `Einmalig ${Date.now()}`;

    const contact = await fakturo.contacts.create(personInput({ lastName }));

    expect(recorder.calls).toHaveLength(2);
    const [first, second] = recorder.calls.map((c) => c.headers['idempotency-key']);
    expect(first).toMatch(UUID_V4);
    expect(second).toBe(first);
    expect(replayed).toBe('true');
    const found = await api.client().contacts.list({ q: lastName });
    expect(found.data.map((c) => c.id)).toEqual([contact.id]);
  });

  it('separate calls get separate keys, and reads carry none', async () => {
    const recorder = recordingFetch();
    const fakturo = api.client({ fetch: recorder.fetch });
    const input = personInput({ lastName: `Zwilling ${Date.now()}` });
    const a = await fakturo.contacts.create(input);
    const b = await fakturo.contacts.create(input);
    await fakturo.contacts.get(a.id);
    expect(a.id).not.toBe(b.id);
    const keys = recorder.calls.map((c) => c.headers['idempotency-key']);
    expect(keys[0]).not.toBe(keys[1]);
    expect(keys[2]).toBeUndefined();
  });

  it('an explicit idempotencyKey replays the first result across separate calls', async () => {
    const fakturo = api.client();
    const idempotencyKey = `order-4711-customer-${Date.now()}`;
    const input = personInput();
    const a = await fakturo.contacts.create(input, { idempotencyKey });
    const b = await fakturo.contacts.create(input, { idempotencyKey });
    expect(b).toEqual(a);
  });

  it('headers given in any case replace the SDK’s own, never join them into one value', async () => {
    const recorder = recordingFetch();
    const fakturo = api.client({ fetch: recorder.fetch });
    const key = `shop-order-${Date.now()}`;
    const input = personInput();
    // the way the header is written in the API's docs, not the `idempotencyKey` option
    const a = await fakturo.contacts.create(input, { headers: { 'Idempotency-Key': key } });
    const b = await fakturo.contacts.create(input, { headers: { 'Idempotency-Key': key } });
    expect(b).toEqual(a);
    await fakturo.contacts.get(a.id, { headers: { Accept: 'application/problem+json, application/json' } });
    const sent = recorder.calls.map((c) => new Headers(c.headers));
    expect(sent.map((h) => h.get('idempotency-key'))).toEqual([key, key, null]);
    expect(sent[2]!.get('accept')).toBe('application/problem+json, application/json');
    expect(sent.every((h) => h.get('authorization') === `Bearer ${api.t.main.apiKey}`)).toBe(true);
  });
});

describe('retries: 429, 5xx and network failures, with back-off and Retry-After', () => {
  it('429 with Retry-After: 1 waits at least a second, then succeeds', async () => {
    const recorder = recordingFetch((call) =>
      call === 1 ? problem(429, 'rate_limited', { 'retry-after': '1' }) : undefined,
    );
    const org = await api.client({ fetch: recorder.fetch }).organization.get();
    expect(org.id).toBe(api.t.main.organizationId);
    expect(recorder.calls).toHaveLength(2);
    expect(recorder.calls[1]!.at - recorder.calls[0]!.at).toBeGreaterThanOrEqual(990);
  });

  it('503 with Retry-After on a POST waits, keeps the key and creates once', async () => {
    const recorder = recordingFetch((call) =>
      call === 1 ? problem(503, 'unavailable', { 'retry-after': '1' }) : undefined,
    );
    const contact = await api.client({ fetch: recorder.fetch }).contacts.create(personInput());
    expect(contact.id).toMatch(/^con_/);
    expect(recorder.calls).toHaveLength(2);
    expect(recorder.calls[1]!.headers['idempotency-key']).toBe(recorder.calls[0]!.headers['idempotency-key']);
    expect(recorder.calls[1]!.at - recorder.calls[0]!.at).toBeGreaterThanOrEqual(990);
  });

  it('a 500 without Retry-After is retried after an exponential, jittered back-off', async () => {
    const recorder = recordingFetch((call) => (call <= 2 ? problem(500, 'internal_error') : undefined));
    await api.client({ fetch: recorder.fetch }).contacts.list();
    expect(recorder.calls).toHaveLength(3);
    const [a, b, c] = recorder.calls.map((x) => x.at);
    // attempt 0 waits 250–500 ms, attempt 1 waits 500–1000 ms
    expect(b! - a!).toBeGreaterThanOrEqual(240);
    expect(c! - b!).toBeGreaterThanOrEqual(490);
  });

  it('gives up after maxRetries with the error of the last answer', async () => {
    const recorder = recordingFetch(() => problem(503, 'unavailable'));
    const error = await api
      .client({ fetch: recorder.fetch, maxRetries: 1 })
      .contacts.list()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 503, code: 'unavailable', requestId: 'req_fake_503' });
    expect(recorder.calls).toHaveLength(2);
  });

  it('does not wait out a Retry-After longer than a minute, and tells how long to wait', async () => {
    const recorder = recordingFetch(() => problem(429, 'rate_limited', { 'retry-after': '120' }));
    const error = await api
      .client({ fetch: recorder.fetch })
      .contacts.list()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ status: 429, retryAfterSeconds: 120 });
    expect(recorder.calls).toHaveLength(1);
  });

  it('the real rate limit: 429 with Retry-After from the API, absorbed by the retries', async () => {
    const strict = limited.client({ maxRetries: 0 });
    const outcomes = await Promise.allSettled([1, 2, 3, 4, 5].map(() => strict.organization.get()));
    const refused = outcomes
      .filter((o) => o.status === 'rejected')
      .map((o) => (o as PromiseRejectedResult).reason);
    // 2 per second: a burst of 5 is refused in part (how many depends on where the window turns)
    expect(refused.length).toBeGreaterThanOrEqual(1);
    for (const error of refused) {
      expect(error).toBeInstanceOf(RateLimitError);
      expect(error).toMatchObject({
        status: 429,
        code: 'rate_limited',
        requestId: expect.stringMatching(/^req_/),
      });
      expect(error.retryAfterSeconds).toBeGreaterThanOrEqual(0);
      expect(error.retryAfterSeconds).toBeLessThanOrEqual(1);
    }

    await new Promise((resolve) => setTimeout(resolve, 1100)); // a fresh window
    const recorder = recordingFetch();
    const patient = limited.client({ fetch: recorder.fetch, maxRetries: 4 });
    const orgs = await Promise.all([1, 2, 3, 4, 5, 6].map(() => patient.organization.get()));
    expect(orgs.every((o) => o.id === limited.t.main.organizationId)).toBe(true);
    expect(recorder.calls.length).toBeGreaterThan(6); // some were refused and sent again
  });

  it('a timed-out GET is retried; a timed-out PATCH is not, as it may have been applied', async () => {
    const reads = recordingFetch((_call, url, init) => hang(url, init));
    const readError = await api
      .client({ fetch: reads.fetch, timeoutMs: 100, maxRetries: 1 })
      .contacts.list()
      .catch((e: unknown) => e);
    expect(readError).toBeInstanceOf(ConnectionError);
    expect(readError).toMatchObject({ code: 'timeout', status: undefined });
    expect(reads.calls).toHaveLength(2);

    const contact = await api.client().contacts.create(personInput());
    const writes = recordingFetch((_call, url, init) => hang(url, init));
    const writeError = await api
      .client({ fetch: writes.fetch, timeoutMs: 100, maxRetries: 3 })
      .contacts.update(contact.id, { notes: 'x' }, { ifMatch: contact.version })
      .catch((e: unknown) => e);
    expect(writeError).toMatchObject({ code: 'timeout' });
    expect(writes.calls).toHaveLength(1);
    expect(writes.calls[0]!.headers['if-match']).toBe('"1"');
  });

  it('a PATCH is retried on 503 (not taken) but not on 500', async () => {
    const contact = await api.client().contacts.create(personInput());
    const busy = recordingFetch((call) => (call === 1 ? problem(503, 'unavailable') : undefined));
    const updated = await api
      .client({ fetch: busy.fetch })
      .contacts.update(contact.id, { notes: 'after 503' });
    expect(updated).toMatchObject({ notes: 'after 503', version: 2 });
    expect(busy.calls).toHaveLength(2);

    const broken = recordingFetch(() => problem(500, 'internal_error'));
    const error = await api
      .client({ fetch: broken.fetch })
      .contacts.update(contact.id, { notes: 'never' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(broken.calls).toHaveLength(1);
  });

  it('409 idempotency_request_in_progress (our own earlier attempt still running) is asked again', async () => {
    const recorder = recordingFetch((call) =>
      call === 1 ? problem(409, 'idempotency_request_in_progress') : undefined,
    );
    const contact = await api.client({ fetch: recorder.fetch }).contacts.create(personInput());
    expect(contact.id).toMatch(/^con_/);
    expect(recorder.calls).toHaveLength(2);
  });

  it("the caller's AbortSignal cancels a pending retry", async () => {
    const controller = new AbortController();
    const recorder = recordingFetch(() => problem(503, 'unavailable', { 'retry-after': '30' }));
    const pending = api.client({ fetch: recorder.fetch }).contacts.list({}, { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('user navigated away')), 100);
    await expect(pending).rejects.toThrow('user navigated away');
    expect(recorder.calls).toHaveLength(1);
  });
});
