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
  receiver = await startReceiver();
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
