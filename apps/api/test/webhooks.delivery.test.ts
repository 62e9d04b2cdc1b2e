import { jobs, webhooks } from '@fakturo/domain';
import { companyInput, createTestApp } from '@fakturo/testing';
import { startWorker } from '@fakturo/worker';
import type { Runner } from 'graphile-worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Receiver, startReceiver } from './webhooks.receiver';

// The receiver listens on 127.0.0.1, which only FAKTURO_WEBHOOK_ALLOW_PRIVATE=true lets through.
process.env.FAKTURO_WEBHOOK_ALLOW_PRIVATE = 'true';
const t = await createTestApp();

let worker: Runner;
let running = false;
let receiver: Receiver;

beforeAll(async () => {
  receiver = await startReceiver();
  // the real job runner against this file's database, as `npm start` runs it
  worker = await startWorker({ db: t.db, databaseUrl: t.database.url, concurrency: 4 });
  running = true;
});

afterAll(async () => {
  if (running) await worker.stop();
  await receiver.close();
});

async function until<T>(probe: () => Promise<T | undefined | null | false>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('webhook delivery through the worker', () => {
  it('POSTs a signed contact.created to a local receiver after POST /v1/contacts', async () => {
    const endpoint = await t.api({
      method: 'POST',
      url: '/v1/webhook-endpoints',
      body: { url: `${receiver.url}/contacts`, enabledEvents: ['contact.*'] },
    });
    expect(endpoint.status).toBe(201);
    const before = receiver.received.length;

    const contact = await t.api({
      method: 'POST',
      url: '/v1/contacts',
      body: companyInput({ companyName: 'Webhook GmbH' }),
    });
    expect(contact.status).toBe(201);

    const [request] = (await receiver.waitFor(before + 1)).slice(before);
    const event = await t.api({
      method: 'GET',
      url: `/v1/events?type=contact.created&resourceId=${contact.body.id}`,
    });
    const eventId = event.body.data[0].id;

    expect(request!.path).toBe('/hooks/contacts');
    expect(request!.headers['content-type']).toBe('application/json');
    expect(request!.headers['webhook-id']).toBe(eventId);
    const timestamp = Number(request!.headers['webhook-timestamp']);
    expect(Math.abs(timestamp - Date.now() / 1000)).toBeLessThan(30);
    expect(request!.headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]{43}=$/);
    // the receiver's check, with the secret it was shown once
    expect(
      webhooks.signing.verify(
        endpoint.body.secret,
        request!.headers as Record<string, string>,
        request!.body,
      ),
    ).toBe(true);
    // the body is the event exactly as GET /v1/events/{id} returns it
    const single = await t.api({ method: 'GET', url: `/v1/events/${eventId}` });
    expect(request!.body).toBe(single.text);
    expect(JSON.parse(request!.body)).toMatchObject({
      type: 'contact.created',
      data: { object: { id: contact.body.id, companyName: 'Webhook GmbH' } },
    });

    const log = await until(async () => {
      const res = await t.api({ method: 'GET', url: `/v1/webhook-endpoints/${endpoint.body.id}/deliveries` });
      return res.body.data[0]?.status === 'succeeded' ? res.body.data[0] : undefined;
    });
    expect(log).toMatchObject({
      eventId,
      eventType: 'contact.created',
      trigger: 'event',
      attempts: 1,
      lastStatusCode: 200,
      lastResponseExcerpt: 'ok',
      lastError: null,
      nextAttemptAt: null,
    });
    expect(log.lastDurationMs).toBeGreaterThanOrEqual(0);
    expect(await t.db('webhook_outbox').where('event_id', eventId)).toEqual([]); // taken off the queue

    // a second write reaches the same endpoint; an event type it did not subscribe to does not
    await t.api({ method: 'PATCH', url: `/v1/contacts/${contact.body.id}`, body: { notes: 'VIP' } });
    const [updated] = (await receiver.waitFor(before + 2)).slice(before + 1);
    expect(JSON.parse(updated!.body).type).toBe('contact.updated');
    await t.api({
      method: 'PATCH',
      url: `/v1/webhook-endpoints/${endpoint.body.id}`,
      body: { enabled: false },
    });
  });

  it('sends webhook.test to the tested endpoint only', async () => {
    const a = await t.api({
      method: 'POST',
      url: '/v1/webhook-endpoints',
      body: { url: `${receiver.url}/a`, enabledEvents: ['*'] },
    });
    const b = await t.api({
      method: 'POST',
      url: '/v1/webhook-endpoints',
      body: { url: `${receiver.url}/b`, enabledEvents: ['*'] },
    });
    const before = receiver.received.length;
    const test = await t.api({ method: 'POST', url: `/v1/webhook-endpoints/${a.body.id}/test` });
    expect(test.status).toBe(202);
    expect(test.body).toMatchObject({
      endpointId: a.body.id,
      eventType: 'webhook.test',
      trigger: 'test',
      status: 'pending',
    });
    // both endpoints subscribe to everything, so both also hear about each other (webhook_endpoint.created)
    const isTest = (r: { body: string }) => JSON.parse(r.body).type === 'webhook.test';
    const request = await until(async () => receiver.received.slice(before).find(isTest));
    expect(request.path).toBe('/hooks/a');
    expect(JSON.parse(request.body)).toMatchObject({
      type: 'webhook.test',
      data: { object: { id: a.body.id } },
    });
    expect(
      webhooks.signing.verify(a.body.secret, request.headers as Record<string, string>, request.body),
    ).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(
      receiver.received
        .slice(before)
        .filter(isTest)
        .map((r) => r.path),
    ).toEqual(['/hooks/a']);
    const delivered = await until(async () => {
      const res = await t.api({ method: 'GET', url: `/v1/webhook-deliveries/${test.body.id}` });
      return res.body.status === 'succeeded' ? res.body : undefined;
    });
    expect(delivered.attempts).toBe(1);
    for (const e of [a, b]) await t.api({ method: 'DELETE', url: `/v1/webhook-endpoints/${e.body.id}` });
  });

  it('disables an endpoint that answers 410 Gone, with a webhook_endpoint.disabled event', async () => {
    receiver.respondWith((request) =>
      request.path === '/hooks/gone' ? { status: 410, body: 'unsubscribed' } : 200,
    );
    const gone = await t.api({
      method: 'POST',
      url: '/v1/webhook-endpoints',
      body: { url: `${receiver.url}/gone`, enabledEvents: ['contact.*'] },
    });
    await t.api({ method: 'POST', url: '/v1/contacts', body: companyInput() });
    const disabled = await until(async () => {
      const res = await t.api({ method: 'GET', url: `/v1/webhook-endpoints/${gone.body.id}` });
      return res.body.enabled === false ? res.body : undefined;
    });
    expect(disabled).toMatchObject({ disabledReason: 'gone', disabledAt: expect.any(String) });
    const deliveries = await t.api({
      method: 'GET',
      url: `/v1/webhook-endpoints/${gone.body.id}/deliveries`,
    });
    expect(deliveries.body.data[0]).toMatchObject({
      status: 'failed',
      attempts: 1,
      lastStatusCode: 410,
      lastResponseExcerpt: 'unsubscribed',
    });
    const events = await t.api({
      method: 'GET',
      url: `/v1/events?type=webhook_endpoint.disabled&resourceId=${gone.body.id}`,
    });
    expect(events.body.data).toHaveLength(1);
    expect(events.body.data[0].data.object).toMatchObject({
      id: gone.body.id,
      enabled: false,
      disabledReason: 'gone',
    });
    receiver.respondWith(() => 200);
  });
});

describe('the outbox path survives a lost job', () => {
  it('queues nothing and adds no job for an organisation without endpoints', async () => {
    const quiet = await t.tenant('Quiet GmbH');
    const fanOutJobs = async () =>
      (
        await t.db.raw(
          `SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE task_identifier = 'webhooks_fan_out'`,
        )
      ).rows[0].n;
    const before = await fanOutJobs();
    const contact = await t.api({ method: 'POST', url: '/v1/contacts', body: companyInput() }, quiet);
    expect(contact.status).toBe(201);
    expect(await fanOutJobs()).toBe(before);
    expect(await t.db('webhook_outbox').where('organization_id', quiet.organizationId)).toEqual([]);
    expect(await t.db('events').where('organization_id', quiet.organizationId)).toHaveLength(1);
  });

  it('delivers an event whose fan-out job died with its process, via the sweeper', async () => {
    const other = await t.tenant('Crash GmbH');
    const endpoint = await t.api(
      {
        method: 'POST',
        url: '/v1/webhook-endpoints',
        body: { url: `${receiver.url}/crash`, enabledEvents: ['contact.*'] },
      },
      other,
    );
    await worker.stop(); // the process "dies": its queue is left as it is
    running = false;
    const before = receiver.received.length;
    const contact = await t.api({ method: 'POST', url: '/v1/contacts', body: companyInput() }, other);
    // the job committed with the event; it is lost (as when a crash leaves it locked for hours)
    const runnable = async () =>
      (
        await t.db.raw(
          `SELECT count(*)::int AS n FROM graphile_worker.jobs
           WHERE task_identifier = 'webhooks_fan_out' AND locked_at IS NULL AND attempts < max_attempts`,
        )
      ).rows[0].n;
    await t.db.raw(
      `SELECT graphile_worker.remove_job(key) FROM graphile_worker.jobs WHERE task_identifier = 'webhooks_fan_out' AND key IS NOT NULL`,
    );
    expect(await runnable()).toBe(0);
    // the event is still queued: nothing was lost, only the job that would have taken it
    const queued = await t
      .db('webhook_outbox')
      .where('organization_id', other.organizationId)
      .pluck('event_type');
    expect(queued).toContain('contact.created');
    const swept = await webhooks.sweep(t.db, { now: () => new Date() });
    expect(swept.fanOutJobs).toBeGreaterThanOrEqual(1);
    worker = await startWorker({ db: t.db, databaseUrl: t.database.url, concurrency: 4 });
    running = true;
    const request = await until(async () =>
      receiver.received
        .slice(before)
        .find((r) => r.path === '/hooks/crash' && JSON.parse(r.body).type === 'contact.created'),
    );
    expect(JSON.parse(request.body)).toMatchObject({ data: { object: { id: contact.body.id } } });
    await t.api({ method: 'DELETE', url: `/v1/webhook-endpoints/${endpoint.body.id}` }, other);
  });
});

describe('worker tasks check their payload at the door', () => {
  it('records a job with an invalid payload as a permanent failure instead of retrying it', async () => {
    await jobs.enqueue(t.main.ctx, 'webhooks_deliver', {
      organizationId: 'not-an-org',
      endpointId: 'we_x',
    } as never);
    const failure = await until(() => t.db('job_failures').where('task', 'webhooks_deliver').first());
    expect(failure).toMatchObject({ error: "The payload of a 'webhooks_deliver' job is invalid." });
    expect(failure.details.map((d: { path: string }) => d.path).sort()).toEqual([
      'endpointId',
      'organizationId',
    ]);
    const left = await t.db.raw(
      `SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE task_identifier = 'webhooks_deliver' AND last_error IS NOT NULL`,
    );
    expect(left.rows[0].n).toBe(0);
  });
});
