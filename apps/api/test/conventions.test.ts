import { createHash } from 'node:crypto';
import { apiKeys, idempotency } from '@fakturo/domain';
import {
  type ApiResponse,
  companyInput,
  createTestApp,
  personInput,
  type TestApp,
  type TestTenant,
} from '@fakturo/testing';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../src/app';

// The conventions of API.md, proven through the public HTTP interface of the existing endpoints.
const t = await createTestApp();
// A second application whose keys may make 3 requests per second, for the rate-limit tests.
const limited = await createTestApp({ rateLimitMax: 3 });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function countRows(table: string, where: Record<string, unknown> = {}): Promise<number> {
  const [{ n }] = await t.db(table).where(where).count({ n: '*' });
  return Number(n);
}

/** Every error is RFC 9457 problem+json with a stable code and the request id of its response. */
function expectProblem(res: ApiResponse, status: number, code: string): void {
  expect(res.status, res.text).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.body).toMatchObject({
    type: `https://docs.fakturo.dev/errors/${code}`,
    title: expect.any(String),
    status,
    detail: expect.any(String),
    code,
    requestId: res.headers['x-request-id'],
  });
  expect(res.body.title.length).toBeGreaterThan(0);
  expect(res.body.detail.length).toBeGreaterThan(0);
}

/** A raw request without the test helper's Authorization header. */
async function raw(
  app: TestApp,
  request: {
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
    url: string;
    headers?: Record<string, string>;
    body?: unknown;
  },
): Promise<ApiResponse> {
  const res = await app.app.inject({
    method: request.method,
    url: request.url,
    headers: request.headers,
    ...(request.body === undefined ? {} : { payload: request.body as object }),
  });
  const type = String(res.headers['content-type'] ?? '');
  return {
    status: res.statusCode,
    headers: res.headers,
    body: type.includes('json') ? res.json() : res.body,
    text: res.body,
  };
}

async function newKey(
  scopes: ('read' | 'write')[],
  as: TestTenant = t.main,
): Promise<TestTenant & { keyId: string }> {
  const res = await t.api(
    { method: 'POST', url: '/v1/api-keys', body: { name: `key ${scopes.join('+')}`, scopes } },
    as,
  );
  expect(res.status).toBe(201);
  return { ...as, apiKey: res.body.secret, keyId: res.body.id };
}

async function waitFor(condition: () => Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

describe('authentication and scopes', () => {
  it('answers 401 without a key, with another scheme, or with an unknown key', async () => {
    const missing = await raw(t, { method: 'GET', url: '/v1/contacts' });
    expectProblem(missing, 401, 'api_key_missing');
    // the scheme to use (RFC 9110 §11.6.1, RFC 6750)
    expect(missing.headers['www-authenticate']).toBe('Bearer realm="fakturo"');
    expectProblem(
      await raw(t, {
        method: 'GET',
        url: '/v1/contacts',
        headers: { authorization: `Basic ${t.main.apiKey}` },
      }),
      401,
      'api_key_missing',
    );
    expectProblem(
      await raw(t, {
        method: 'GET',
        url: '/v1/organization',
        headers: { authorization: `Bearer fk_${'x'.repeat(32)}` },
      }),
      401,
      'api_key_invalid',
    );
    const unknown = await raw(t, {
      method: 'GET',
      url: '/v1/organization',
      headers: { authorization: `Bearer fk_${'y'.repeat(32)}` },
    });
    expect(unknown.headers['www-authenticate']).toBe('Bearer realm="fakturo", error="invalid_token"');
    expectProblem(
      await raw(t, {
        method: 'POST',
        url: '/v1/contacts',
        headers: { authorization: 'Bearer short' },
        body: personInput(),
      }),
      401,
      'api_key_invalid',
    );
  });

  it('lets a read-only key read but answers 403 on POST, PATCH and DELETE, writing nothing', async () => {
    const reader = await newKey(['read']);
    const contact = await t.api({ method: 'POST', url: '/v1/contacts', body: personInput() });
    const before = {
      contacts: await countRows('contacts'),
      keys: await countRows('api_keys'),
      events: await countRows('events'),
    };

    expect((await t.api({ method: 'GET', url: '/v1/contacts' }, reader)).status).toBe(200);
    expect((await t.api({ method: 'GET', url: `/v1/contacts/${contact.body.id}` }, reader)).status).toBe(200);
    expect((await t.api({ method: 'GET', url: '/v1/organization' }, reader)).status).toBe(200);

    expectProblem(
      await t.api({ method: 'POST', url: '/v1/contacts', body: personInput() }, reader),
      403,
      'scope_missing',
    );
    expectProblem(
      await t.api({ method: 'PATCH', url: `/v1/contacts/${contact.body.id}`, body: { notes: 'x' } }, reader),
      403,
      'scope_missing',
    );
    expectProblem(
      await t.api({ method: 'DELETE', url: `/v1/contacts/${contact.body.id}` }, reader),
      403,
      'scope_missing',
    );
    expectProblem(
      await t.api({ method: 'POST', url: `/v1/contacts/${contact.body.id}/archive` }, reader),
      403,
      'scope_missing',
    );
    expectProblem(
      await t.api({ method: 'PATCH', url: '/v1/organization', body: { legalName: 'X' } }, reader),
      403,
      'scope_missing',
    );
    // a read key cannot mint itself a write key
    expectProblem(
      await t.api(
        { method: 'POST', url: '/v1/api-keys', body: { name: 'escalate', scopes: ['read', 'write'] } },
        reader,
      ),
      403,
      'scope_missing',
    );
    expectProblem(
      await t.api({ method: 'DELETE', url: `/v1/api-keys/${reader.keyId}` }, reader),
      403,
      'scope_missing',
    );

    expect({
      contacts: await countRows('contacts'),
      keys: await countRows('api_keys'),
      events: await countRows('events'),
    }).toEqual(before);
    const after = await t.api({ method: 'GET', url: `/v1/contacts/${contact.body.id}` });
    expect(after.body).toMatchObject({ version: 1, notes: null, archived: false });
  });

  it('stops a revoked key at once, even right after it was used (and cached)', async () => {
    const doomed = await newKey(['read', 'write']);
    expect((await t.api({ method: 'GET', url: '/v1/organization' }, doomed)).status).toBe(200);
    expect((await t.api({ method: 'DELETE', url: `/v1/api-keys/${doomed.keyId}` })).status).toBe(204);
    expectProblem(await t.api({ method: 'GET', url: '/v1/organization' }, doomed), 401, 'api_key_invalid');
    expectProblem(
      await t.api({ method: 'POST', url: '/v1/contacts', body: personInput() }, doomed),
      401,
      'api_key_invalid',
    );
    // revoking twice: it no longer exists as an active key
    expectProblem(
      await t.api({ method: 'DELETE', url: `/v1/api-keys/${doomed.keyId}` }),
      404,
      'api_key_not_found',
    );
    // the key that revoked it is unaffected
    expect((await t.api({ method: 'GET', url: '/v1/organization' })).status).toBe(200);
  });
});

describe('request ids', () => {
  it('echoes the X-Request-Id a caller sends, in the header and in problems', async () => {
    const ok = await t.api({
      method: 'GET',
      url: '/v1/organization',
      headers: { 'x-request-id': 'shop-7f3a.retry_2' },
    });
    expect(ok.status).toBe(200);
    expect(ok.headers['x-request-id']).toBe('shop-7f3a.retry_2');

    const denied = await raw(t, {
      method: 'GET',
      url: '/v1/contacts',
      headers: { 'x-request-id': 'trace-401' },
    });
    expect(denied.headers['x-request-id']).toBe('trace-401');
    expect(denied.body.requestId).toBe('trace-401');
  });

  it('generates a distinct prefixed id when none (or an unusable one) is sent', async () => {
    const a = await t.api({ method: 'GET', url: '/v1/organization' });
    const b = await t.api({ method: 'GET', url: '/v1/organization' });
    expect(a.headers['x-request-id']).toMatch(/^req_[0-9A-Z]{26}$/);
    expect(b.headers['x-request-id']).toMatch(/^req_[0-9A-Z]{26}$/);
    expect(a.headers['x-request-id']).not.toBe(b.headers['x-request-id']);

    for (const unusable of ['has spaces in it', 'x'.repeat(129), 'quote"s']) {
      const res = await t.api({
        method: 'GET',
        url: '/v1/organization',
        headers: { 'x-request-id': unusable },
      });
      expect(res.headers['x-request-id']).toMatch(/^req_[0-9A-Z]{26}$/);
    }
  });

  it('records the request id on the events the request caused', async () => {
    const res = await t.api({
      method: 'POST',
      url: '/v1/contacts',
      body: personInput(),
      headers: { 'x-request-id': 'evt-trace-1' },
    });
    const events = await t.api({ method: 'GET', url: `/v1/events?resourceId=${res.body.id}` });
    expect(events.body.data[0]).toMatchObject({ type: 'contact.created', requestId: 'evt-trace-1' });
  });
});

describe('problem details', () => {
  it('400: lists every malformed field with path, message and code', async () => {
    const res = await t.api({
      method: 'POST',
      url: '/v1/contacts',
      body: { kind: 'robot', paymentTermsDays: 'soon', emails: [{ type: 'billing' }], extra: 1 },
    });
    expectProblem(res, 400, 'validation_failed');
    expect(res.body.errors).toEqual(
      expect.arrayContaining([
        { path: 'kind', message: expect.any(String), code: 'value_not_allowed' },
        { path: 'paymentTermsDays', message: expect.any(String), code: 'type_invalid' },
        { path: 'emails.0.email', message: expect.any(String), code: 'required' },
        { path: 'extra', message: expect.any(String), code: 'unknown_field' },
      ]),
    );
  });

  it('400: body that is not JSON, or empty', async () => {
    const headers = { 'content-type': 'application/json' };
    expectProblem(
      await t.api({ method: 'POST', url: '/v1/contacts', headers, body: '{"kind": ' }),
      400,
      'body_invalid_json',
    );
    expectProblem(await t.api({ method: 'POST', url: '/v1/api-keys', headers, body: '' }), 400, 'body_empty');
  });

  it('415: a JSON endpoint refuses a text/plain body instead of reading it as a string or ignoring it', async () => {
    const text = { 'content-type': 'text/plain' };
    const contact = await t.api({ method: 'POST', url: '/v1/contacts', body: personInput() });
    const json = JSON.stringify(personInput());
    expectProblem(
      await t.api({ method: 'POST', url: '/v1/contacts', headers: text, body: json }),
      415,
      'media_type_unsupported',
    );
    expectProblem(
      await t.api({ method: 'PATCH', url: `/v1/contacts/${contact.body.id}`, headers: text, body: '{}' }),
      415,
      'media_type_unsupported',
    );
    // an action without a body schema did not even look at it: the contact was archived
    expectProblem(
      await t.api({
        method: 'POST',
        url: `/v1/contacts/${contact.body.id}/archive`,
        headers: text,
        body: 'hi',
      }),
      415,
      'media_type_unsupported',
    );
    expect((await t.api({ method: 'GET', url: `/v1/contacts/${contact.body.id}` })).body.archived).toBe(
      false,
    );
    const graphql = await t.api({
      method: 'POST',
      url: '/graphql',
      headers: text,
      body: JSON.stringify({ query: '{ contacts { hasMore } }' }),
    });
    expect(graphql.status).toBe(415);
    expect(graphql.body.errors[0].extensions.code).toBe('media_type_unsupported');
  });

  it('an action whose body is optional takes a bare POST as {}, and the OpenAPI document says so', async () => {
    // no body at all (as `curl -X POST` sends it): the defaults, not 400 "must be object"
    const reconcile = await t.api({ method: 'POST', url: '/v1/bank-transactions/reconcile' });
    expect(reconcile.status, JSON.stringify(reconcile.body)).toBe(202);
    // past validation to the rules (this organisation has no address for the letters yet)
    const dunning = await t.api({ method: 'POST', url: '/v1/dunning-runs' });
    expect(dunning.status, JSON.stringify(dunning.body)).toBe(422);
    expect(dunning.body.code).toBe('organization_address_missing');
    const ignore = await t.api({ method: 'POST', url: '/v1/bank-transactions/btx_unknown/ignore' });
    expect(ignore.status).toBe(404);
    const spec = (await t.api({ method: 'GET', url: '/openapi.json' })).body;
    for (const path of ['/v1/bank-transactions/reconcile', '/v1/dunning-runs', '/v1/contracts/{id}/cancel']) {
      expect(spec.paths[path].post.requestBody.required, path).toBe(false);
      expect(
        Object.keys(spec.paths[path].post).filter((k) => k.startsWith('x-')),
        path,
      ).toEqual([]);
    }
    // a body that must be given stays required
    expect(spec.paths['/v1/contacts'].post.requestBody.required).toBe(true);
  });

  it('404: an unknown id, and an unknown route (with or without a key)', async () => {
    expectProblem(
      await t.api({ method: 'GET', url: '/v1/contacts/con_01JD0000000000000000000000' }),
      404,
      'contact_not_found',
    );
    expectProblem(await t.api({ method: 'GET', url: '/v1/no-such-thing' }), 404, 'route_not_found');
    expectProblem(await raw(t, { method: 'POST', url: '/v2/contacts', body: {} }), 404, 'route_not_found');
    expectProblem(await t.api({ method: 'PUT', url: '/v1/contacts' }), 404, 'route_not_found');
  });

  it('409: an action the state does not allow', async () => {
    const contact = await t.api({ method: 'POST', url: '/v1/contacts', body: personInput() });
    await t.db('documents').insert({
      id: 'doc_01JD0000000000000000000001',
      organization_id: t.main.organizationId,
      contact_id: contact.body.id,
      type: 'invoice',
      status: 'finalized',
      number: 'RE-2026-00001',
    });
    expectProblem(
      await t.api({ method: 'DELETE', url: `/v1/contacts/${contact.body.id}` }),
      409,
      'contact_has_documents',
    );
  });

  it('413: a body over the limit is refused before anything runs', async () => {
    const before = await countRows('contacts');
    const res = await t.api({
      method: 'POST',
      url: '/v1/contacts',
      body: personInput({ notes: 'x'.repeat(1024 * 1024 + 1) }),
    });
    expectProblem(res, 413, 'body_too_large');
    expect(await countRows('contacts')).toBe(before);
  });

  it('500: hides the internals and keeps the request id', async () => {
    // Break the events table for a moment: the failure is real, its SQL message must not reach the caller.
    await t.db.raw('ALTER TABLE events RENAME TO events_hidden');
    try {
      const res = await t.api({ method: 'GET', url: '/v1/events', headers: { 'x-request-id': 'trace-500' } });
      expectProblem(res, 500, 'internal_error');
      expect(res.body.requestId).toBe('trace-500');
      expect(res.text).not.toMatch(/events|relation|select|stack/i);
    } finally {
      await t.db.raw('ALTER TABLE events_hidden RENAME TO events');
    }
  });
});

describe('idempotency keys', () => {
  it('replays the first response (same status, body and headers) and creates nothing new', async () => {
    const body = companyInput();
    const headers = { 'idempotency-key': 'create-nordlicht-1' };
    const first = await t.api({ method: 'POST', url: '/v1/contacts', body, headers });
    expect(first.status).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    const counts = { contacts: await countRows('contacts'), events: await countRows('events') };

    const again = await t.api({ method: 'POST', url: '/v1/contacts', body, headers });
    expect(again.status).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.text).toBe(first.text);
    expect(again.headers.location).toBe(first.headers.location);
    expect(again.headers.etag).toBe(first.headers.etag);
    expect(again.headers['content-type']).toBe(first.headers['content-type']);
    expect(again.headers['x-request-id']).not.toBe(first.headers['x-request-id']);
    expect({ contacts: await countRows('contacts'), events: await countRows('events') }).toEqual(counts);
  });

  it('replays a retry whose JSON has the same members in another order (objects are unordered)', async () => {
    const headers = { 'idempotency-key': 'reordered-retry' };
    const body = companyInput({ metadata: { shop: 'nord', order: '17' } });
    const first = await t.api({ method: 'POST', url: '/v1/contacts', body, headers });
    expect(first.status).toBe(201);
    const reversed = (value: unknown): unknown =>
      Array.isArray(value)
        ? value.map(reversed)
        : value !== null && typeof value === 'object'
          ? Object.fromEntries(
              Object.entries(value)
                .reverse()
                .map(([k, v]) => [k, reversed(v)]),
            )
          : value;
    const text = JSON.stringify(reversed(body));
    expect(text).not.toBe(JSON.stringify(body));
    const before = await countRows('contacts');
    const again = await t.api({
      method: 'POST',
      url: '/v1/contacts',
      body: text,
      headers: { ...headers, 'content-type': 'application/json' },
    });
    expect(again.status).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.text).toBe(first.text);
    expect(await countRows('contacts')).toBe(before);
  });

  it('still replays a key stored with the hash of the JSON text as received (before keys were sorted)', async () => {
    const headers = { 'idempotency-key': 'stored-before-sorting' };
    const body = companyInput();
    const first = await t.api({ method: 'POST', url: '/v1/contacts', body, headers });
    expect(first.status).toBe(201);
    // as a deployment before the change stored it
    await t
      .db('idempotency_keys')
      .where({ key: 'stored-before-sorting' })
      .update({ request_hash: idempotency.legacyRequestHash('POST', '/v1/contacts', body) });
    const again = await t.api({ method: 'POST', url: '/v1/contacts', body, headers });
    expect(again.status).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
  });

  it('refuses the same key with a different body (422) and creates nothing', async () => {
    const headers = { 'idempotency-key': 'create-2' };
    expect((await t.api({ method: 'POST', url: '/v1/contacts', body: personInput(), headers })).status).toBe(
      201,
    );
    const before = await countRows('contacts');
    const other = await t.api({ method: 'POST', url: '/v1/contacts', body: personInput(), headers });
    expectProblem(other, 422, 'idempotency_key_reused');
    // the same key on another endpoint is another request too
    expectProblem(
      await t.api({ method: 'POST', url: '/v1/api-keys', body: { name: 'k' }, headers }),
      422,
      'idempotency_key_reused',
    );
    expect(await countRows('contacts')).toBe(before);
  });

  it('does not burn the key on a 400: the corrected request runs, then replays', async () => {
    const headers = { 'idempotency-key': 'fix-and-retry' };
    const bad = await t.api({
      method: 'POST',
      url: '/v1/contacts',
      body: { kind: 'person', paymentTermsDays: -5 },
      headers,
    });
    expectProblem(bad, 400, 'validation_failed');
    expect(await countRows('idempotency_keys', { key: 'fix-and-retry' })).toBe(0);

    const body = personInput();
    const good = await t.api({ method: 'POST', url: '/v1/contacts', body, headers });
    expect(good.status).toBe(201);
    const replay = await t.api({ method: 'POST', url: '/v1/contacts', body, headers });
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.body.id).toBe(good.body.id);
  });

  it('does not burn the key on a 400 the endpoint answers itself (a CSV file with an unknown column)', async () => {
    // the file is refused as a whole (400) by the import, after the key was claimed: the fixed file may follow
    const csvHeaders = { 'idempotency-key': 'fix-the-file', 'content-type': 'text/csv' };
    const bad = await t.api({
      method: 'POST',
      url: '/v1/contacts/import',
      body: 'kind,lastName,favouriteColour\nperson,Filefix,blue\n',
      headers: csvHeaders,
    });
    expectProblem(bad, 400, 'csv_column_unknown');
    expect(await countRows('idempotency_keys', { key: 'fix-the-file' })).toBe(0);
    const fixed = 'kind,lastName\nperson,Filefix\n';
    const good = await t.api({
      method: 'POST',
      url: '/v1/contacts/import',
      body: fixed,
      headers: csvHeaders,
    });
    expect(good.status, good.text).toBe(200);
    expect(good.body.imported).toBe(1);
    const replay = await t.api({
      method: 'POST',
      url: '/v1/contacts/import',
      body: fixed,
      headers: csvHeaders,
    });
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(await countRows('contacts', { last_name: 'Filefix' })).toBe(1);
  });

  it('stores a 422 rule violation (the endpoint ran) and replays it', async () => {
    const headers = { 'idempotency-key': 'bad-iban' };
    const body = companyInput({ bankAccounts: [{ iban: 'DE89370400440532013001' }] });
    const first = await t.api({ method: 'POST', url: '/v1/contacts', body, headers });
    expectProblem(first, 422, 'validation_failed');
    const again = await t.api({ method: 'POST', url: '/v1/contacts', body, headers });
    expect(again.status).toBe(422);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body.errors).toEqual(first.body.errors);
  });

  it('answers 409 to a duplicate while the first request is still running, then replays its result', async () => {
    // A genuinely concurrent request: the test holds the row lock on the organisation's customer-number
    // counter, as a slow transaction taking numbers would. The first request claims its key (`in_flight`),
    // then blocks inside its transaction at `number_ranges` — exactly the state of a slow request. (Locking the
    // `organizations` row instead would block the claim itself: idempotency_keys references organizations.)
    // Inserting an in_flight row by hand would test only the lookup, not the plugin's claim under concurrency.
    const key = 'slow-create';
    const body = companyInput();
    expect((await t.api({ method: 'POST', url: '/v1/contacts', body: personInput() })).status).toBe(201); // counter row exists
    const lock = await t.db.transaction();
    let first: Promise<ApiResponse> | undefined;
    try {
      const counters = await lock('number_ranges')
        .where('organization_id', t.main.organizationId)
        .forUpdate()
        .select('range_key');
      expect(counters.map((c: { range_key: string }) => c.range_key)).toContain('customer');
      first = t.api({ method: 'POST', url: '/v1/contacts', body, headers: { 'idempotency-key': key } });
      await waitFor(
        async () => (await t.db('idempotency_keys').where({ key }).first('status'))?.status === 'in_flight',
        'the first request to claim its key',
      );
      await waitFor(async () => {
        const { rows } = await t.db.raw(
          `SELECT count(*)::int AS n FROM pg_stat_activity
           WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ILIKE '%number_ranges%'
             AND pid <> pg_backend_pid()`,
        );
        return rows[0].n > 0;
      }, 'the first request to wait for the number range lock');

      const duplicate = await t.api({
        method: 'POST',
        url: '/v1/contacts',
        body,
        headers: { 'idempotency-key': key },
      });
      expectProblem(duplicate, 409, 'idempotency_request_in_progress');
    } finally {
      await lock.rollback();
    }
    const done = await first!;
    expect(done.status).toBe(201);
    const replay = await t.api({
      method: 'POST',
      url: '/v1/contacts',
      body,
      headers: { 'idempotency-key': key },
    });
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.text).toBe(done.text);
    expect(await countRows('contacts', { company_name: body.companyName })).toBe(1);
  });

  it('releases the key after a 5xx so the retry runs for real', async () => {
    const key = 'retry-after-500';
    const body = personInput();
    await t.db.raw('ALTER TABLE events RENAME TO events_hidden');
    try {
      const failed = await t.api({
        method: 'POST',
        url: '/v1/contacts',
        body,
        headers: { 'idempotency-key': key },
      });
      expectProblem(failed, 500, 'internal_error');
    } finally {
      await t.db.raw('ALTER TABLE events_hidden RENAME TO events');
    }
    expect(await countRows('contacts', { last_name: body.lastName })).toBe(0); // the transaction rolled back
    const retry = await t.api({
      method: 'POST',
      url: '/v1/contacts',
      body,
      headers: { 'idempotency-key': key },
    });
    expect(retry.status).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBeUndefined();
  });

  it('scopes keys to the organisation: another tenant may use the same key', async () => {
    const other = await t.tenant('Other GmbH');
    const headers = { 'idempotency-key': 'create-nordlicht-1' }; // used by the main tenant above
    const res = await t.api({ method: 'POST', url: '/v1/contacts', body: personInput(), headers }, other);
    expect(res.status).toBe(201);
    expect(res.headers['idempotent-replayed']).toBeUndefined();
  });

  it('refuses a malformed key', async () => {
    const res = await t.api({
      method: 'POST',
      url: '/v1/contacts',
      body: personInput(),
      headers: { 'idempotency-key': 'x'.repeat(256) },
    });
    expectProblem(res, 400, 'idempotency_key_invalid');
  });
});

describe('cursor pagination', () => {
  it('walks every contact exactly once with limit=2, newest first', async () => {
    const tenant = await t.tenant('Paging GmbH');
    const created: string[] = [];
    for (let i = 0; i < 5; i++) {
      created.push(
        (await t.api({ method: 'POST', url: '/v1/contacts', body: personInput() }, tenant)).body.id,
      );
    }
    const seen: string[] = [];
    const pages: { size: number; hasMore: boolean }[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/v1/contacts?limit=2${cursor ? `&startingAfter=${cursor}` : ''}`;
      const page = await t.api({ method: 'GET', url }, tenant);
      expect(page.status).toBe(200);
      pages.push({ size: page.body.data.length, hasMore: page.body.hasMore });
      seen.push(...page.body.data.map((c: { id: string }) => c.id));
      cursor = page.body.nextCursor;
      if (page.body.hasMore) expect(cursor).toBe(page.body.data.at(-1).id);
      else expect(cursor).toBeNull();
    } while (cursor);
    expect(pages).toEqual([
      { size: 2, hasMore: true },
      { size: 2, hasMore: true },
      { size: 1, hasMore: false },
    ]);
    expect(seen).toEqual([...created].reverse());
  });

  it('answers 400 to a cursor that is no id of the list, instead of the first page again', async () => {
    await t.api({ method: 'POST', url: '/v1/contacts', body: personInput() });
    for (const cursor of ['zzz', 'con_1', 'con_zzzzzzzzzzzzzzzzzzzzzzzzzz']) {
      const res = await t.api({ method: 'GET', url: `/v1/contacts?startingAfter=${cursor}` });
      expectProblem(res, 400, 'cursor_invalid');
      expect(res.body.errors[0].path).toBe('query.startingAfter');
    }
    // an id of another kind sorts after every contact id: it would have answered from the start
    const other = await t.api({ method: 'GET', url: `/v1/contacts?startingAfter=evt_${'Z'.repeat(26)}` });
    expectProblem(other, 400, 'cursor_invalid');
    expect(other.body.errors[0].message).toContain("'evt'");
    // the id of a contact deleted meanwhile is still a cursor
    const gone = await t.api({ method: 'GET', url: `/v1/contacts?startingAfter=con_${'Z'.repeat(26)}` });
    expect(gone.status).toBe(200);
  });

  it('answers 400 for a limit outside 1–100 or not a number', async () => {
    for (const limit of ['0', '101', '-1', 'many']) {
      const res = await t.api({ method: 'GET', url: `/v1/contacts?limit=${limit}` });
      expectProblem(res, 400, 'validation_failed');
      expect(res.body.errors[0].path).toBe('query.limit');
    }
    expect((await t.api({ method: 'GET', url: '/v1/events?limit=101' })).status).toBe(400);
    expect((await t.api({ method: 'GET', url: '/v1/api-keys?limit=0' })).status).toBe(400);
    const max = await t.api({ method: 'GET', url: '/v1/contacts?limit=100' });
    expect(max.status).toBe(200);
  });

  it('defaults to 20 per page', async () => {
    const tenant = await t.tenant('Many GmbH');
    for (let i = 0; i < 21; i++)
      await t.api({ method: 'POST', url: '/v1/contacts', body: personInput() }, tenant);
    const page = await t.api({ method: 'GET', url: '/v1/contacts' }, tenant);
    expect(page.body.data).toHaveLength(20);
    expect(page.body.hasMore).toBe(true);
  });
});

describe('organization: ETag and If-Match', () => {
  it('sends the version as ETag and refuses a PATCH with a stale If-Match (412), losing nothing', async () => {
    const read = await t.api({ method: 'GET', url: '/v1/organization' });
    const version = read.body.version;
    expect(read.headers.etag).toBe(`"${version}"`);

    const first = await t.api({
      method: 'PATCH',
      url: '/v1/organization',
      headers: { 'if-match': read.headers.etag as string },
      body: { legalName: 'Nordlicht Software GmbH' },
    });
    expect(first.status).toBe(200);
    expect(first.body.version).toBe(version + 1);
    expect(first.headers.etag).toBe(`"${version + 1}"`);

    const stale = await t.api({
      method: 'PATCH',
      url: '/v1/organization',
      headers: { 'if-match': read.headers.etag as string },
      body: { legalName: 'Lost Update AG' },
    });
    expectProblem(stale, 412, 'version_mismatch');
    expect(stale.body).toMatchObject({ expectedVersion: version, currentVersion: version + 1 });
    expect((await t.api({ method: 'GET', url: '/v1/organization' })).body.legalName).toBe(
      'Nordlicht Software GmbH',
    );
  });

  it('accepts a weak ETag and *, and answers 400 to an If-Match it never sent', async () => {
    const { body } = await t.api({ method: 'GET', url: '/v1/organization' });
    const weak = await t.api({
      method: 'PATCH',
      url: '/v1/organization',
      headers: { 'if-match': `W/"${body.version}"` },
      body: { paymentTermsDays: 30 },
    });
    expect(weak.status).toBe(200);
    const star = await t.api({
      method: 'PATCH',
      url: '/v1/organization',
      headers: { 'if-match': '*' },
      body: { paymentTermsDays: 21 },
    });
    expect(star.status).toBe(200);
    expectProblem(
      await t.api({
        method: 'PATCH',
        url: '/v1/organization',
        headers: { 'if-match': 'version-3' },
        body: { paymentTermsDays: 7 },
      }),
      400,
      'if_match_invalid',
    );
    expect((await t.api({ method: 'GET', url: '/v1/organization' })).body.paymentTermsDays).toBe(21);
  });
});

describe('organization: PATCH validation', () => {
  it('reports every broken rule at once (422) and writes nothing', async () => {
    const before = await t.api({ method: 'GET', url: '/v1/organization' });
    const eventsBefore = await countRows('events', { type: 'organization.updated' });
    const res = await t.api({
      method: 'PATCH',
      url: '/v1/organization',
      body: {
        legalName: 'Changed Anyway GmbH',
        sepaCreditorId: 'DE98ZZZ09999999998',
        bankAccount: { iban: 'DE89370400440532013001', bic: 'NOPE' },
        vatId: 'DE136695977',
        email: 'not-mail',
        timezone: 'Mars/Olympus',
        currency: 'ABC',
        address: { line1: 'Weg 1', postalCode: '1', city: 'X', country: 'XX' },
        numberFormats: { invoice: 'RE-{YYYY}', customer: '{MM}-{SEQ}', quote: 'AN-{XYZ}-{SEQ}' },
        branding: { logo: 'data:image/gif;base64,R0lGODlhAQABAAAAACw=' },
      },
    });
    expectProblem(res, 422, 'validation_failed');
    const codes = Object.fromEntries(
      res.body.errors.map((e: { path: string; code: string }) => [e.path, e.code]),
    );
    expect(codes).toEqual({
      sepaCreditorId: 'creditor_id_invalid',
      'bankAccount.iban': 'iban_invalid',
      'bankAccount.bic': 'bic_invalid',
      vatId: 'vat_id_invalid',
      email: 'email_invalid',
      timezone: 'timezone_invalid',
      currency: 'currency_invalid',
      'address.country': 'country_invalid',
      'numberFormats.invoice': 'number_format_invalid',
      'numberFormats.customer': 'number_format_invalid',
      'numberFormats.quote': 'number_format_invalid',
      'branding.logo': 'logo_invalid',
    });
    const after = await t.api({ method: 'GET', url: '/v1/organization' });
    expect(after.body).toEqual(before.body);
    expect(await countRows('events', { type: 'organization.updated' })).toBe(eventsBefore);
  });

  it('refuses a logo over 256 KiB', async () => {
    const png = Buffer.alloc(256 * 1024 + 1, 1);
    png.write('\x89PNG', 0, 'latin1');
    const res = await t.api({
      method: 'PATCH',
      url: '/v1/organization',
      body: { branding: { logo: `data:image/png;base64,${png.toString('base64')}` } },
    });
    expectProblem(res, 422, 'validation_failed');
    expect(res.body.errors).toEqual([
      expect.objectContaining({ path: 'branding.logo', code: 'logo_too_large' }),
    ]);
  });

  it('stores valid settings normalised, merges number formats and branding, and emits an event', async () => {
    const logo = `data:image/png;base64,${Buffer.from('\x89PNG\r\n\x1a\nfake-but-small', 'latin1').toString('base64')}`;
    const res = await t.api({
      method: 'PATCH',
      url: '/v1/organization',
      body: {
        sepaCreditorId: 'de98 zzz0 9999 9999 99',
        bankAccount: { iban: 'de89 3704 0044 0532 0130 00', bic: 'cobadeffxxx', bankName: 'Commerzbank' },
        vatId: 'de 136 695 976',
        numberFormats: { invoice: 'INV-{YY}{MM}-{SEQ:4}' },
        branding: { logo, primaryColor: '#0A7CFF' },
      },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      sepaCreditorId: 'DE98ZZZ09999999999',
      bankAccount: { iban: 'DE89370400440532013000', bic: 'COBADEFFXXX', bankName: 'Commerzbank' },
      vatId: 'DE136695976',
      numberFormats: {
        invoice: 'INV-{YY}{MM}-{SEQ:4}',
        customer: 'K-{SEQ:5}',
        creditNote: 'GS-{YYYY}-{SEQ:5}',
      },
      branding: { logo, primaryColor: '#0A7CFF' },
    });
    const footer = await t.api({
      method: 'PATCH',
      url: '/v1/organization',
      body: { branding: { footerText: 'Danke!' } },
    });
    expect(footer.body.branding).toEqual({ logo, primaryColor: '#0A7CFF', footerText: 'Danke!' });
    const events = await t.api({ method: 'GET', url: '/v1/events?type=organization.updated&limit=1' });
    expect(events.body.data[0].data.object).toMatchObject({
      id: t.main.organizationId,
      branding: { footerText: 'Danke!' },
    });
  });

  it('answers 400 for malformed fields and unknown ones', async () => {
    const res = await t.api({
      method: 'PATCH',
      url: '/v1/organization',
      body: { paymentTermsDays: 400, locale: 'german', branding: { primaryColor: 'blue' }, id: 'org_x' },
    });
    expectProblem(res, 400, 'validation_failed');
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(['paymentTermsDays', 'locale', 'branding.primaryColor', 'id']),
    );
  });
});

describe('events', () => {
  it('filters by exact type, by wildcard and by creation time', async () => {
    const tenant = await t.tenant('Events GmbH');
    const early = await t.api({ method: 'POST', url: '/v1/contacts', body: personInput() }, tenant);
    await t.api({ method: 'PATCH', url: `/v1/contacts/${early.body.id}`, body: { notes: 'x' } }, tenant);
    await t.api({ method: 'PATCH', url: '/v1/organization', body: { paymentTermsDays: 10 } }, tenant);
    await sleep(15);
    const boundary = new Date().toISOString();
    await sleep(15);
    const late = await t.api({ method: 'POST', url: '/v1/contacts', body: personInput() }, tenant);
    await t.api({ method: 'POST', url: `/v1/contacts/${late.body.id}/archive` }, tenant);

    const types = async (query: string) =>
      (await t.api({ method: 'GET', url: `/v1/events${query}` }, tenant)).body.data.map(
        (e: { type: string }) => e.type,
      );

    expect(await types('')).toEqual([
      'contact.archived',
      'contact.created',
      'organization.updated',
      'contact.updated',
      'contact.created',
    ]);
    expect(await types('?type=contact.*')).toEqual([
      'contact.archived',
      'contact.created',
      'contact.updated',
      'contact.created',
    ]);
    expect(await types('?type=contact.created')).toEqual(['contact.created', 'contact.created']);
    expect(await types('?type=organization.*')).toEqual(['organization.updated']);
    expect(await types('?type=contact')).toEqual([]); // no implicit prefix match
    expect(await types('?type=*')).toEqual(await types('')); // `*` is every type, as in enabledEvents
    expect(await types(`?createdGte=${boundary}`)).toEqual(['contact.archived', 'contact.created']);
    expect(await types(`?createdLte=${boundary}`)).toEqual([
      'organization.updated',
      'contact.updated',
      'contact.created',
    ]);
    expect(await types(`?type=contact.*&createdGte=${boundary}`)).toEqual([
      'contact.archived',
      'contact.created',
    ]);
    expect(await types(`?resourceId=${late.body.id}`)).toEqual(['contact.archived', 'contact.created']);
  });

  it('serves an event with its object, and refuses malformed filters', async () => {
    const created = await t.api({ method: 'POST', url: '/v1/contacts', body: personInput() });
    const list = await t.api({ method: 'GET', url: `/v1/events?resourceId=${created.body.id}` });
    const event = await t.api({ method: 'GET', url: `/v1/events/${list.body.data[0].id}` });
    expect(event.status).toBe(200);
    expect(event.body).toMatchObject({
      id: expect.stringMatching(/^evt_[0-9A-Z]{26}$/),
      type: 'contact.created',
      organizationId: t.main.organizationId,
      createdAt: expect.stringMatching(/Z$/),
      data: { object: created.body },
    });
    expectProblem(
      await t.api({ method: 'GET', url: '/v1/events/evt_01JD0000000000000000000000' }),
      404,
      'event_not_found',
    );
    expectProblem(
      await t.api({ method: 'GET', url: '/v1/events?createdGte=yesterday' }),
      400,
      'validation_failed',
    );
  });
});

describe('API keys', () => {
  it('shows the secret once, stores only its hash, lists and revokes keys', async () => {
    const created = await t.api({ method: 'POST', url: '/v1/api-keys', body: { name: 'Webshop' } });
    expect(created.status).toBe(201);
    const { secret, id } = created.body;
    expect(created.body).toMatchObject({
      id: expect.stringMatching(/^key_[0-9A-Z]{26}$/),
      name: 'Webshop',
      scopes: ['read', 'write'],
      secretHint: secret.slice(-4),
      lastUsedAt: null,
    });
    expect(secret).toMatch(/^fk_[A-Za-z0-9_-]{32}$/);

    const row = await t.db('api_keys').where({ id }).first();
    expect(Buffer.from(row.secret_hash).equals(createHash('sha256').update(secret).digest())).toBe(true);
    expect(await secretAnywhereInDatabase(secret)).toEqual([]);

    const list = await t.api({ method: 'GET', url: '/v1/api-keys' });
    const listed = list.body.data.find((k: { id: string }) => k.id === id);
    const { secret: _shownOnce, ...withoutSecret } = created.body;
    expect(listed).toEqual(withoutSecret);
    expect(JSON.stringify(list.body)).not.toContain(secret);
    expect(list.body.data.every((k: Record<string, unknown>) => !('secret' in k))).toBe(true);
    expect((await t.api({ method: 'GET', url: `/v1/api-keys/${id}` })).status).toBe(404); // no route that reveals a key

    expect(
      (await t.api({ method: 'GET', url: '/v1/organization' }, { ...t.main, apiKey: secret })).status,
    ).toBe(200);
    expect((await t.api({ method: 'DELETE', url: `/v1/api-keys/${id}` })).status).toBe(204);
    const after = await t.api({ method: 'GET', url: '/v1/api-keys' });
    expect(after.body.data.map((k: { id: string }) => k.id)).not.toContain(id);
  });

  it('replays a key creation to the same caller without keeping the secret readable in the database', async () => {
    const headers = { 'idempotency-key': 'mint-webshop-key' };
    const body = { name: 'Retry-safe', scopes: ['read'] };
    const first = await t.api({ method: 'POST', url: '/v1/api-keys', body, headers });
    expect(first.status).toBe(201);
    const replay = await t.api({ method: 'POST', url: '/v1/api-keys', body, headers });
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.text).toBe(first.text);
    expect(await countRows('api_keys', { name: 'Retry-safe' })).toBe(1);
    // the stored response is encrypted under the calling key, which the database never holds
    expect(await secretAnywhereInDatabase(first.body.secret)).toEqual([]);

    // another key of the same organisation cannot replay it (it could not decrypt it, and it is another caller)
    const colleague = await newKey(['read', 'write']);
    expectProblem(
      await t.api({ method: 'POST', url: '/v1/api-keys', body, headers }, colleague),
      422,
      'idempotency_key_reused',
    );
  });

  it('validates names and scopes, and sorts scopes', async () => {
    const bad = await t.api({ method: 'POST', url: '/v1/api-keys', body: { name: '', scopes: ['admin'] } });
    expectProblem(bad, 400, 'validation_failed');
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(['name', 'scopes.0']),
    );
    expectProblem(
      await t.api({ method: 'POST', url: '/v1/api-keys', body: { name: 'none', scopes: [] } }),
      400,
      'validation_failed',
    );
    const sorted = await t.api({
      method: 'POST',
      url: '/v1/api-keys',
      body: { name: 'both', scopes: ['write', 'read', 'write'] },
    });
    expect(sorted.body.scopes).toEqual(['read', 'write']);
  });

  it('records when a key was last used', async () => {
    const key = await newKey(['read']);
    await t.api({ method: 'GET', url: '/v1/organization' }, key);
    await waitFor(
      async () =>
        (await t.db('api_keys').where({ id: key.keyId }).first('last_used_at')).last_used_at !== null,
      'touch',
    );
    const list = await t.api({ method: 'GET', url: '/v1/api-keys?limit=100' });
    expect(list.body.data.find((k: { id: string }) => k.id === key.keyId).lastUsedAt).toMatch(/Z$/);
  });
});

/** Tables and columns whose text contains `secret`: a plaintext secret must be in none of them. */
async function secretAnywhereInDatabase(secret: string): Promise<string[]> {
  const { rows } = await t.db.raw<{ rows: { table_name: string }[] }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
  );
  const hits: string[] = [];
  for (const { table_name } of rows) {
    const found = await t.db.raw(`SELECT 1 FROM ?? AS r WHERE r::text LIKE ? LIMIT 1`, [
      table_name,
      `%${secret}%`,
    ]);
    if (found.rows.length > 0) hits.push(table_name);
  }
  return hits;
}

describe('unknown API keys per client address', () => {
  it('answers 429 without a lookup once an address sent too many unknown keys; known keys and other addresses go on', async () => {
    const app = await buildApp({ db: t.db, failedAuthLimit: { max: 3, windowMs: 60_000 } });
    try {
      const call = (key: string, remoteAddress: string) =>
        app.inject({
          method: 'GET',
          url: '/v1/organization',
          remoteAddress,
          headers: { authorization: `Bearer ${key}` },
        });
      const guesses = [];
      for (let i = 0; i < 4; i++) guesses.push(await call(`fk_made_up_${i}`, '203.0.113.7'));
      expect(guesses.map((r) => r.statusCode)).toEqual([401, 401, 401, 429]);
      expect(guesses[3]!.json()).toMatchObject({ status: 429, code: 'rate_limited' });
      expect(Number(guesses[3]!.headers['retry-after'])).toBeGreaterThanOrEqual(59);
      // no lookup for the refused one: the database answers nothing to a made-up key that never reaches it
      let lookups = 0;
      const count = () => {
        lookups += 1;
      };
      t.db.on('query', count);
      try {
        expect((await call('fk_made_up_again', '203.0.113.7')).statusCode).toBe(429);
      } finally {
        t.db.off('query', count);
      }
      expect(lookups).toBe(0);
      // another address is counted on its own
      expect((await call('fk_made_up_x', '198.51.100.1')).statusCode).toBe(401);
      // a key that authenticated here before still passes from the refused address, also once its cached
      // authentication expired (behind a proxy many clients share one address)
      expect((await call(t.main.apiKey, '198.51.100.1')).statusCode).toBe(200);
      app.forgetAuthentications();
      expect((await call(t.main.apiKey, '203.0.113.7')).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });
});

describe('rate limits per key', () => {
  it('answers the 4th request in a window with 429, Retry-After and RateLimit-* headers; other keys go on', async () => {
    // a second key of the same organisation, made through the domain so it spends none of the budget
    const second = await apiKeys.create(limited.main.ctx, { name: 'second', scopes: ['read'] });

    const seen: ApiResponse[] = [];
    for (let i = 0; i < 4; i++) seen.push(await limited.api({ method: 'GET', url: '/v1/organization' }));
    expect(seen.map((r) => r.status)).toEqual([200, 200, 200, 429]);
    expect(seen.map((r) => r.headers['ratelimit-remaining'])).toEqual(['2', '1', '0', '0']);
    expect(seen[0]!.headers['ratelimit-limit']).toBe('3');
    const refused = seen[3]!;
    expectProblem(refused, 429, 'rate_limited');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(refused.headers['ratelimit-limit']).toBe('3');
    expect(refused.headers['ratelimit-reset']).toBeDefined();

    // A refused POST must not claim its Idempotency-Key: after the window the same request runs for real.
    const body = personInput();
    const headers = { 'idempotency-key': 'limited-create' };
    expectProblem(
      await limited.api({ method: 'POST', url: '/v1/contacts', body, headers }),
      429,
      'rate_limited',
    );
    expect(await limited.db('idempotency_keys').where({ key: 'limited-create' }).first()).toBeUndefined();

    // counted per key: the other key of the same organisation still has its whole budget
    const other = await limited.api(
      { method: 'GET', url: '/v1/organization' },
      { ...limited.main, apiKey: second.secret },
    );
    expect(other.status).toBe(200);
    expect(other.headers['ratelimit-remaining']).toBe('2');
    // operational endpoints are not limited
    expect((await raw(limited, { method: 'GET', url: '/healthz' })).status).toBe(200);

    await sleep(Number(refused.headers['retry-after']) * 1000 + 100);
    const later = await limited.api({ method: 'POST', url: '/v1/contacts', body, headers });
    expect(later.status).toBe(201);
    expect(later.headers['idempotent-replayed']).toBeUndefined();
  });
});

describe('operational endpoints', () => {
  it('/healthz and /readyz answer without a key; ready means migrations are current', async () => {
    const health = await raw(t, { method: 'GET', url: '/healthz' });
    expect(health.status).toBe(200);
    expect(health.body).toEqual({ status: 'ok' });
    const ready = await raw(t, { method: 'GET', url: '/readyz' });
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ status: 'ok', checks: { database: 'ok', migrations: 'ok' } });
    expect(ready.headers['x-request-id']).toMatch(/^req_/);
  });

  it('/openapi.json is public OpenAPI 3.1 with the resources, the problem schema and bearer auth', async () => {
    const res = await raw(t, { method: 'GET', url: '/openapi.json' });
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining([
        '/v1/organization',
        '/v1/api-keys',
        '/v1/api-keys/{id}',
        '/v1/contacts',
        '/v1/contacts/{id}',
        '/v1/events',
      ]),
    );
    expect(Object.keys(res.body.paths).some((p) => p.startsWith('/graphql'))).toBe(false);
    expect(res.body.components.schemas).toHaveProperty('Problem');
    expect(res.body.components.securitySchemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(res.body.paths['/v1/contacts'].post.operationId).toBe('createContact');
  });

  it('/docs is a public HTML page', async () => {
    const res = await raw(t, { method: 'GET', url: '/docs' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.text).toMatch(/swagger/i);
  });
});
