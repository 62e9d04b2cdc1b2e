/**
 * The whole story of the webhook issue, as an integrator sees it: with the SDK, subscribe the example
 * receiver to `contact.*`, create a contact, and the worker delivers a signed `contact.created` that the
 * receiver verifies with `verifyWebhook` and the endpoint's secret.
 */
import type { WebhookEvent } from '@fakturo/sdk';
import { personInput } from '@fakturo/testing';
import { startWorker } from '@fakturo/worker';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../webhook-receiver';
import { startLiveApi } from './support';

// The receiver listens on 127.0.0.1, which the API and worker only deliver to with this development switch.
process.env.FAKTURO_WEBHOOK_ALLOW_PRIVATE = 'true';
const api = await startLiveApi();
const worker = await startWorker({ db: api.t.db, databaseUrl: api.t.database.url, concurrency: 2 });
afterAll(() => worker.stop());

async function until<T>(probe: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('examples/webhook-receiver.ts with real deliveries from the worker', () => {
  it('receives and verifies the signed contact.created of a contact created through the SDK', async () => {
    // The secret exists once the endpoint does; the receiver's port once it listens. So: subscribe a
    // placeholder URL, start the receiver with the secret, then point the endpoint at it.
    const endpoint = await api.fakturo.webhookEndpoints.create({
      url: 'http://127.0.0.1:9/',
      enabledEvents: ['contact.*'],
    });
    const received: WebhookEvent[] = [];
    const receiver = await main({
      secret: endpoint.secret,
      port: 0,
      log: () => {},
      onEvent: (e) => void received.push(e),
    });
    try {
      await api.fakturo.webhookEndpoints.update(
        endpoint.id,
        { url: receiver.url },
        { ifMatch: endpoint.version },
      );

      const contact = await api.fakturo.contacts.create(personInput({ lastName: 'Empfänger' }));
      const event = await until(async () => received.find((e) => e.type === 'contact.created'));
      expect(event).toMatchObject({
        type: 'contact.created',
        organizationId: api.t.main.organizationId,
        data: { object: { id: contact.id, lastName: 'Empfänger' } },
      });
      expect(event).toEqual(await api.fakturo.events.get(event.id));

      const delivery = await until(async () => {
        const log = await api.fakturo.webhookEndpoints.listDeliveries(endpoint.id, { eventId: event.id });
        return log.data[0]?.status === 'succeeded' ? log.data[0] : undefined;
      });
      expect(delivery).toMatchObject({ eventType: 'contact.created', lastStatusCode: 204, attempts: 1 });
    } finally {
      await receiver.close();
    }
  });
});
