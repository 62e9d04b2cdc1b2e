import { secrets, webhooks } from '@fakturo/domain';
import { createTestApp } from '@fakturo/testing';
import { afterEach, describe, expect, it } from 'vitest';

// Tests post to local receivers; production refuses them (FAKTURO_WEBHOOK_ALLOW_PRIVATE is unset there).
process.env.FAKTURO_WEBHOOK_ALLOW_PRIVATE = 'true';
const t = await createTestApp();

afterEach(() => {
  process.env.FAKTURO_WEBHOOK_ALLOW_PRIVATE = 'true';
});

const create = (body: Record<string, unknown> = {}) =>
  t.api({
    method: 'POST',
    url: '/v1/webhook-endpoints',
    body: { url: 'http://127.0.0.1:9/hooks', enabledEvents: ['contact.*'], ...body },
  });

describe('webhook endpoints: create, read, update, delete', () => {
  it('creates an endpoint and shows its whsec_ secret once', async () => {
    const res = await create({
      description: 'CRM sync',
      enabledEvents: ['contact.*', 'invoice.paid', 'contact.*'],
      metadata: { team: 'crm' },
    });
    expect(res.status).toBe(201);
    expect(res.headers.location).toBe(`/v1/webhook-endpoints/${res.body.id}`);
    expect(res.headers.etag).toBe('"1"');
    expect(res.body).toMatchObject({
      url: 'http://127.0.0.1:9/hooks',
      description: 'CRM sync',
      enabledEvents: ['contact.*', 'invoice.paid'],
      enabled: true,
      disabledReason: null,
      metadata: { team: 'crm' },
      version: 1,
    });
    expect(res.body.id).toMatch(/^we_[0-9A-Z]{26}$/);
    expect(res.body.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(webhooks.signing.secretKey(res.body.secret)).toHaveLength(32);

    const read = await t.api({ method: 'GET', url: `/v1/webhook-endpoints/${res.body.id}` });
    expect(read.status).toBe(200);
    expect(read.body).not.toHaveProperty('secret');
    expect(read.text).not.toContain(res.body.secret.slice(6));
    const listed = await t.api({ method: 'GET', url: '/v1/webhook-endpoints' });
    expect(listed.text).not.toContain(res.body.secret.slice(6));
  });

  it('stores the secret encrypted, never in plain text', async () => {
    const res = await create();
    const plain = res.body.secret as string;
    const row = await t.db('webhook_endpoints').where('id', res.body.id).first();
    const everything = JSON.stringify(row);
    expect(everything).not.toContain(plain);
    expect(everything).not.toContain(plain.slice(6));
    expect(row.secret_encrypted).toMatch(/^v1\./);
    expect(secrets.decryptSecret(row.secret_encrypted, `webhook_endpoint:${res.body.id}`)).toBe(plain);
  });

  it('updates fields, honours If-Match, disables and re-enables', async () => {
    const { body: created } = await create();
    const patched = await t.api({
      method: 'PATCH',
      url: `/v1/webhook-endpoints/${created.id}`,
      headers: { 'if-match': '"1"' },
      body: { enabledEvents: ['*', 'invoice.paid'], description: null, url: 'http://127.0.0.1:10/other' },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      enabledEvents: ['*'],
      description: null,
      url: 'http://127.0.0.1:10/other',
      version: 2,
    });

    const stale = await t.api({
      method: 'PATCH',
      url: `/v1/webhook-endpoints/${created.id}`,
      headers: { 'if-match': '"1"' },
      body: { description: 'lost' },
    });
    expect(stale.status).toBe(412);

    const disabled = await t.api({
      method: 'PATCH',
      url: `/v1/webhook-endpoints/${created.id}`,
      body: { enabled: false },
    });
    expect(disabled.body).toMatchObject({
      enabled: false,
      disabledReason: 'manual',
      disabledAt: expect.any(String),
    });
    const test = await t.api({ method: 'POST', url: `/v1/webhook-endpoints/${created.id}/test` });
    expect(test.status).toBe(409);
    expect(test.body.code).toBe('webhook_endpoint_disabled');
    const enabled = await t.api({
      method: 'PATCH',
      url: `/v1/webhook-endpoints/${created.id}`,
      body: { enabled: true },
    });
    expect(enabled.body).toMatchObject({
      enabled: true,
      disabledReason: null,
      disabledAt: null,
      failingSince: null,
    });

    const onlyDisabled = await t.api({ method: 'GET', url: '/v1/webhook-endpoints?enabled=false' });
    expect(onlyDisabled.body.data.map((e: { id: string }) => e.id)).not.toContain(created.id);
  });

  it('deletes an endpoint with its deliveries', async () => {
    const { body: created } = await create();
    await t.api({ method: 'POST', url: `/v1/webhook-endpoints/${created.id}/test` });
    const deleted = await t.api({ method: 'DELETE', url: `/v1/webhook-endpoints/${created.id}` });
    expect(deleted.status).toBe(204);
    expect((await t.api({ method: 'GET', url: `/v1/webhook-endpoints/${created.id}` })).status).toBe(404);
    expect(await t.db('webhook_deliveries').where('endpoint_id', created.id)).toHaveLength(0);
  });

  it('writes webhook_endpoint events for changes, without the secret', async () => {
    const { body: created } = await create();
    await t.api({ method: 'PATCH', url: `/v1/webhook-endpoints/${created.id}`, body: { description: 'x' } });
    const events = await t.api({ method: 'GET', url: `/v1/events?resourceId=${created.id}` });
    expect(events.body.data.map((e: { type: string }) => e.type)).toEqual([
      'webhook_endpoint.updated',
      'webhook_endpoint.created',
    ]);
    expect(events.text).not.toContain(created.secret.slice(6));
  });
});

describe('webhook endpoints: validation', () => {
  it('refuses private and loopback URLs unless FAKTURO_WEBHOOK_ALLOW_PRIVATE=true', async () => {
    delete process.env.FAKTURO_WEBHOOK_ALLOW_PRIVATE;
    for (const url of [
      'https://10.1.2.3/hooks',
      'https://192.168.0.10/x',
      'https://127.0.0.1/x',
      'https://[::1]/x',
      'https://[fd00::1]/x',
      'https://localhost/x',
    ]) {
      const res = await create({ url });
      expect(res.status, url).toBe(422);
      expect(res.body.errors, url).toEqual([
        { path: 'url', code: 'webhook_url_not_allowed', message: expect.any(String) },
      ]);
    }
    const http = await create({ url: 'http://hooks.example.com/x' });
    expect(http.body.errors[0]).toMatchObject({ path: 'url', code: 'webhook_url_https_required' });
  });

  it('refuses link-local (cloud metadata) URLs even when private ones are allowed', async () => {
    for (const url of [
      'http://169.254.169.254/latest/meta-data',
      'http://[::ffff:169.254.169.254]/',
      'http://[fe80::1]/',
    ]) {
      const res = await create({ url });
      expect(res.status, url).toBe(422);
      expect(res.body.errors[0]).toMatchObject({ path: 'url', code: 'webhook_url_not_allowed' });
    }
  });

  it('checks a changed URL on PATCH too, and writes nothing when it is refused', async () => {
    const { body: created } = await create();
    const res = await t.api({
      method: 'PATCH',
      url: `/v1/webhook-endpoints/${created.id}`,
      body: { url: 'http://169.254.169.254/' },
    });
    expect(res.status).toBe(422);
    expect((await t.api({ method: 'GET', url: `/v1/webhook-endpoints/${created.id}` })).body).toMatchObject({
      url: created.url,
      version: 1,
    });
  });

  it('names every bad field at once', async () => {
    const before = await t.db('webhook_endpoints').count({ n: '*' });
    const res = await create({
      url: 'ftp://example.com/',
      enabledEvents: ['contact.*', 'Contact Created', 'invoice.**'],
    });
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e: { path: string; code: string }) => [e.path, e.code])).toEqual([
      ['url', 'webhook_url_invalid'],
      ['enabledEvents.1', 'event_type_pattern_invalid'],
      ['enabledEvents.2', 'event_type_pattern_invalid'],
    ]);
    expect(await t.db('webhook_endpoints').count({ n: '*' })).toEqual(before);
    const malformed = await t.api({
      method: 'POST',
      url: '/v1/webhook-endpoints',
      body: { enabledEvents: [] },
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'enabledEvents',
      'url',
    ]);
  });
});

describe('webhook endpoints: secret rotation', () => {
  it('returns a new secret once and keeps the old one signing for 24 h by default', async () => {
    const { body: created } = await create();
    const rotated = await t.api({ method: 'POST', url: `/v1/webhook-endpoints/${created.id}/rotate-secret` });
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).toMatch(/^whsec_/);
    expect(rotated.body.secret).not.toBe(created.secret);
    const overlap =
      Date.parse(rotated.body.previousSecretExpiresAt) - Date.parse(rotated.body.secretRotatedAt);
    expect(overlap).toBe(24 * 3600 * 1000);
    const row = await t.db('webhook_endpoints').where('id', created.id).first();
    expect(secrets.decryptSecret(row.previous_secret_encrypted, `webhook_endpoint:${created.id}`)).toBe(
      created.secret,
    );
  });

  it('takes the overlap in seconds; 0 retires the old secret at once', async () => {
    const { body: created } = await create();
    const short = await t.api({
      method: 'POST',
      url: `/v1/webhook-endpoints/${created.id}/rotate-secret`,
      body: { expiresIn: 60 },
    });
    expect(Date.parse(short.body.previousSecretExpiresAt) - Date.parse(short.body.secretRotatedAt)).toBe(
      60_000,
    );
    const now = await t.api({
      method: 'POST',
      url: `/v1/webhook-endpoints/${created.id}/rotate-secret`,
      body: { expiresIn: 0 },
    });
    expect(now.body.previousSecretExpiresAt).toBeNull();
    const bad = await t.api({
      method: 'POST',
      url: `/v1/webhook-endpoints/${created.id}/rotate-secret`,
      body: { expiresIn: -1 },
    });
    expect(bad.status).toBe(400);
  });
});

describe('webhook endpoints: tenancy', () => {
  it("answers 404 for another organisation's endpoints and deliveries", async () => {
    const { body: created } = await create();
    const test = await t.api({ method: 'POST', url: `/v1/webhook-endpoints/${created.id}/test` });
    const other = await t.tenant('Other GmbH');
    const calls = [
      { method: 'GET' as const, url: `/v1/webhook-endpoints/${created.id}` },
      { method: 'PATCH' as const, url: `/v1/webhook-endpoints/${created.id}`, body: { description: 'mine' } },
      { method: 'DELETE' as const, url: `/v1/webhook-endpoints/${created.id}` },
      { method: 'POST' as const, url: `/v1/webhook-endpoints/${created.id}/rotate-secret` },
      { method: 'POST' as const, url: `/v1/webhook-endpoints/${created.id}/test` },
      { method: 'GET' as const, url: `/v1/webhook-endpoints/${created.id}/deliveries` },
      {
        method: 'POST' as const,
        url: `/v1/webhook-endpoints/${created.id}/replay`,
        body: { eventIds: [test.body.eventId] },
      },
      { method: 'GET' as const, url: `/v1/webhook-deliveries/${test.body.id}` },
      { method: 'POST' as const, url: `/v1/webhook-deliveries/${test.body.id}/retry` },
    ];
    for (const call of calls) {
      const res = await t.api(call, other);
      expect(res.status, `${call.method} ${call.url}`).toBe(404);
    }
    expect((await t.api({ method: 'GET', url: '/v1/webhook-endpoints' }, other)).body.data).toEqual([]);
    // and the owner still has it, unchanged
    expect((await t.api({ method: 'GET', url: `/v1/webhook-endpoints/${created.id}` })).body.version).toBe(1);
  });

  it('judges a replay range by its instants, whatever offsets its ends are written in', async () => {
    const { body: created } = await create();
    const replay = (from: string, to: string) =>
      t.api({ method: 'POST', url: `/v1/webhook-endpoints/${created.id}/replay`, body: { from, to } });
    // 10:00 in Berlin is 08:00 UTC, before 09:00 UTC — though it sorts after it as text
    const forward = await replay('2026-11-20T10:00:00+02:00', '2026-11-20T09:00:00Z');
    expect(forward.status).toBe(202);
    const backward = await replay('2026-11-20T09:00:00Z', '2026-11-20T10:00:00+02:00');
    expect(backward.status).toBe(422);
    expect(backward.body.errors).toEqual([expect.objectContaining({ path: 'to', code: 'range_invalid' })]);
  });

  it("replays only the caller's own events", async () => {
    const other = await t.tenant('Third GmbH');
    const { body: theirs } = await t.api(
      {
        method: 'POST',
        url: '/v1/webhook-endpoints',
        body: { url: 'http://127.0.0.1:9/x', enabledEvents: ['*'] },
      },
      other,
    );
    const { body: ours } = await create();
    const ourTest = await t.api({ method: 'POST', url: `/v1/webhook-endpoints/${ours.id}/test` });
    const res = await t.api(
      {
        method: 'POST',
        url: `/v1/webhook-endpoints/${theirs.id}/replay`,
        body: { eventIds: [ourTest.body.eventId] },
      },
      other,
    );
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([
      { path: 'eventIds.0', code: 'event_not_found', message: expect.any(String) },
    ]);
  });
});

describe('webhook endpoints over GraphQL', () => {
  it('creates (secret once), reads, rotates and lists deliveries through the same services', async () => {
    const gql = (query: string, variables: Record<string, unknown> = {}) =>
      t.api({ method: 'POST', url: '/graphql', body: { query, variables } });
    const created = await gql(
      `mutation($input: WebhookEndpointInput!) { createWebhookEndpoint(input: $input) { id secret enabledEvents url } }`,
      { input: { url: 'http://127.0.0.1:9/gql', enabledEvents: ['invoice.*'] } },
    );
    expect(created.body.errors).toBeUndefined();
    const endpoint = created.body.data.createWebhookEndpoint;
    expect(endpoint).toMatchObject({
      enabledEvents: ['invoice.*'],
      url: 'http://127.0.0.1:9/gql',
      secret: expect.stringMatching(/^whsec_/),
    });

    const read = await gql(`query($id: ID!) { webhookEndpoint(id: $id) { id enabled version } }`, {
      id: endpoint.id,
    });
    expect(read.body.data.webhookEndpoint).toEqual({ id: endpoint.id, enabled: true, version: 1 });

    const refused = await gql(
      `mutation($input: WebhookEndpointInput!) { createWebhookEndpoint(input: $input) { id } }`,
      { input: { url: 'http://169.254.169.254/', enabledEvents: ['*'] } },
    );
    expect(refused.body.errors[0].extensions.code).toBe('validation_failed');
    expect(refused.body.errors[0].extensions.errors[0]).toMatchObject({
      path: 'url',
      code: 'webhook_url_not_allowed',
    });

    const rotated = await gql(
      `mutation($id: ID!) { rotateWebhookEndpointSecret(id: $id, expiresIn: 120) { secret previousSecretExpiresAt } }`,
      {
        id: endpoint.id,
      },
    );
    expect(rotated.body.data.rotateWebhookEndpointSecret.secret).not.toBe(endpoint.secret);

    await gql(`mutation($id: ID!) { testWebhookEndpoint(id: $id) { id status } }`, { id: endpoint.id });
    const deliveries = await gql(
      `query($id: ID!) { webhookDeliveries(endpointId: $id) { data { eventType status trigger } } }`,
      {
        id: endpoint.id,
      },
    );
    expect(deliveries.body.data.webhookDeliveries.data).toEqual([
      { eventType: 'webhook.test', status: 'pending', trigger: 'test' },
    ]);

    const replay = await gql(
      `mutation($id: ID!, $from: String) { replayWebhookEvents(endpointId: $id, from: $from) { enqueued } }`,
      { id: endpoint.id, from: '2000-01-01T00:00:00Z' },
    );
    expect(replay.body.errors).toBeUndefined();
    expect(replay.body.data.replayWebhookEvents.enqueued).toBe(0); // no invoice events yet
  });
});
