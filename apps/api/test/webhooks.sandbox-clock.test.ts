import { systemClock, webhooks } from '@fakturo/domain';
import { createTestApp, type TestTenant } from '@fakturo/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readyToBill, sandboxTenant, worker } from './billing.support';
import { type Receiver, startReceiver } from './webhooks.receiver';

// A sandbox whose test clock was advanced runs its API requests months ahead of the worker, which sends
// webhooks on real time. A test send, a manual retry and a replay asked for through the API must still be
// sent at once, not when real time reaches the test clock.
process.env.FAKTURO_WEBHOOK_ALLOW_PRIVATE = 'true';
const t = await createTestApp();
const w = worker(t);

let receiver: Receiver;
let sandbox: TestTenant;
let endpoint: { id: string; secret: string };

beforeAll(async () => {
  // /gone answers 410 Gone (the endpoint is disabled), every other path 200
  receiver = await startReceiver((request) => (request.path.endsWith('/gone') ? 410 : 200));
  sandbox = await sandboxTenant(t, systemClock);
  await readyToBill(t, sandbox);
  const advanced = await t.api(
    { method: 'POST', url: '/v1/test-clock/advance', body: { days: 60 } },
    sandbox,
  );
  expect(advanced.status, JSON.stringify(advanced.body)).toBe(200);
  await w.run();
  const created = await t.api(
    {
      method: 'POST',
      url: '/v1/webhook-endpoints',
      body: { url: `${receiver.url}/sandbox`, enabledEvents: ['contact.*'] },
    },
    sandbox,
  );
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  endpoint = created.body;
});

afterAll(async () => {
  await receiver.close();
});

async function deliveryOf(id: string) {
  return (await t.api({ method: 'GET', url: `/v1/webhook-deliveries/${id}` }, sandbox)).body;
}

describe('webhooks of a sandbox whose test clock is ahead of real time', () => {
  it('sends a test event, a manual retry and a replay at once', async () => {
    const test = await t.api(
      { method: 'POST', url: `/v1/webhook-endpoints/${endpoint.id}/test`, body: {} },
      sandbox,
    );
    expect(test.status, JSON.stringify(test.body)).toBe(202);
    // due now for the worker, which runs on real time
    expect(Date.parse(test.body.nextAttemptAt)).toBeLessThanOrEqual(Date.now());

    await w.run(['webhooks_deliver']);
    expect(receiver.received).toHaveLength(1);
    const [first] = receiver.received;
    expect(first!.headers['webhook-id']).toBe(test.body.eventId);
    expect(
      webhooks.signing.verify(endpoint.secret, first!.headers as Record<string, string>, first!.body),
    ).toBe(true);
    expect((await deliveryOf(test.body.id)).status).toBe('succeeded');

    const retry = await t.api(
      { method: 'POST', url: `/v1/webhook-deliveries/${test.body.id}/retry`, body: {} },
      sandbox,
    );
    expect(retry.status, JSON.stringify(retry.body)).toBe(202);
    await w.run(['webhooks_deliver']);
    expect(receiver.received).toHaveLength(2);
    expect((await deliveryOf(test.body.id)).status).toBe('succeeded');

    const replay = await t.api(
      {
        method: 'POST',
        url: `/v1/webhook-endpoints/${endpoint.id}/replay`,
        body: { eventIds: [test.body.eventId] },
      },
      sandbox,
    );
    expect(replay.status, JSON.stringify(replay.body)).toBe(202);
    expect(replay.body.enqueued).toBe(1);
    await w.run(['webhooks_deliver']);
    expect(receiver.received).toHaveLength(3);
    expect(receiver.received[2]!.headers['webhook-id']).toBe(test.body.eventId);
  });
});

// "An endpoint receives what happened after it was created" is decided by the ids (ULIDs on real time), not
// by created_at: an endpoint's created_at is on the test clock, while the events the worker writes itself
// (webhook_endpoint.disabled) carry real time. Compared by created_at, such an event looked older than every
// endpoint created after the advance and was never sent.

const create = async (path: string, enabledEvents: string[]) => {
  const res = await t.api(
    { method: 'POST', url: '/v1/webhook-endpoints', body: { url: `${receiver.url}${path}`, enabledEvents } },
    sandbox,
  );
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; createdAt: string };
};

describe('events the worker writes in a sandbox whose test clock is ahead', () => {
  it('reach an endpoint created after the advance', async () => {
    const watcher = await create('/watcher', ['webhook_endpoint.*']);
    const gone = await create('/gone', ['contact.*']);
    expect(Date.parse(watcher.createdAt)).toBeGreaterThan(Date.now() + 50 * 86_400_000);

    // the test event to /gone is answered 410: the worker disables the endpoint and writes the event
    const test = await t.api(
      { method: 'POST', url: `/v1/webhook-endpoints/${gone.id}/test`, body: {} },
      sandbox,
    );
    expect(test.status, JSON.stringify(test.body)).toBe(202);
    await w.run();
    await w.run();

    const disabled = await t.api({ method: 'GET', url: `/v1/webhook-endpoints/${gone.id}` }, sandbox);
    expect(disabled.body).toMatchObject({ enabled: false, disabledReason: 'gone' });
    const event = (await t.api({ method: 'GET', url: '/v1/events?type=webhook_endpoint.disabled' }, sandbox))
      .body.data[0];
    // written on real time, months before the watcher's created_at
    expect(Date.parse(event.createdAt)).toBeLessThan(Date.parse(watcher.createdAt));
    const sent = receiver.received
      .filter((r) => r.path.endsWith('/watcher'))
      .map((r) => JSON.parse(r.body) as { id: string; type: string })
      .filter((e) => e.type === 'webhook_endpoint.disabled');
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      id: event.id,
      type: 'webhook_endpoint.disabled',
      data: { object: { id: gone.id, enabled: false } },
    });
  });
});
