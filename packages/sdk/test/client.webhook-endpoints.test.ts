import { describe, expect, it } from 'vitest';
import { PreconditionFailedError, ValidationError, type WebhookEndpointWithSecret } from '../src/index';
import { startLiveApi } from './support';

// Endpoints on 127.0.0.1 (nothing listens there in this file) need the development switch.
process.env.FAKTURO_WEBHOOK_ALLOW_PRIVATE = 'true';
const api = await startLiveApi();
const fakturo = api.client();

describe('webhook endpoints through the SDK', () => {
  it('creates an endpoint with its secret once, then reads, updates with ifMatch, lists and deletes it', async () => {
    const created: WebhookEndpointWithSecret = await fakturo.webhookEndpoints.create({
      url: 'http://127.0.0.1:9/hooks',
      enabledEvents: ['contact.*'],
      description: 'CRM sync',
    });
    expect(created).toMatchObject({ url: 'http://127.0.0.1:9/hooks', enabled: true, version: 1 });
    expect(created.secret).toMatch(/^whsec_/);

    const read = await fakturo.webhookEndpoints.get(created.id);
    expect(read).not.toHaveProperty('secret');
    const updated = await fakturo.webhookEndpoints.update(
      created.id,
      { enabledEvents: ['*'] },
      { ifMatch: read.version },
    );
    expect(updated).toMatchObject({ enabledEvents: ['*'], version: 2 });
    await expect(
      fakturo.webhookEndpoints.update(created.id, { description: 'stale' }, { ifMatch: read.version }),
    ).rejects.toBeInstanceOf(PreconditionFailedError);

    expect(
      (await fakturo.webhookEndpoints.listAutoPaging({}, { maxItems: 10 }).toArray()).map((e) => e.id),
    ).toContain(created.id);
    await fakturo.webhookEndpoints.del(created.id);
    expect((await fakturo.webhookEndpoints.list()).data.map((e) => e.id)).not.toContain(created.id);
  });

  it('rotates the secret: a new one, with the old one valid for the overlap', async () => {
    const created = await fakturo.webhookEndpoints.create({
      url: 'http://127.0.0.1:9/r',
      enabledEvents: ['*'],
    });
    const rotated = await fakturo.webhookEndpoints.rotateSecret(created.id, { expiresIn: 3600 });
    expect(rotated.secret).toMatch(/^whsec_/);
    expect(rotated.secret).not.toBe(created.secret);
    expect(rotated.previousSecretExpiresAt).not.toBeNull();
  });

  it('queues a test delivery and shows it in the delivery log', async () => {
    const created = await fakturo.webhookEndpoints.create({
      url: 'http://127.0.0.1:9/t',
      enabledEvents: ['*'],
    });
    const delivery = await fakturo.webhookEndpoints.test(created.id);
    expect(delivery).toMatchObject({ endpointId: created.id, trigger: 'test' });
    const log = await fakturo.webhookEndpoints.listDeliveries(created.id);
    expect(log.data.map((d) => d.id)).toContain(delivery.id);
    expect(await fakturo.webhookDeliveries.get(delivery.id)).toMatchObject({
      id: delivery.id,
      trigger: 'test',
    });
  });

  it('walks the whole delivery log page by page, filters kept', async () => {
    const created = await fakturo.webhookEndpoints.create({
      url: 'http://127.0.0.1:9/log',
      enabledEvents: ['*'],
    });
    const tests = [];
    for (let i = 0; i < 5; i += 1) tests.push(await fakturo.webhookEndpoints.test(created.id));
    const newestFirst = tests.map((d) => d.id).reverse();

    const all = await fakturo.webhookEndpoints
      .listDeliveriesAutoPaging(created.id, { limit: 2, eventType: 'webhook.test' }, { maxItems: 100 })
      .toArray();
    expect(all.map((d) => d.id)).toEqual(newestFirst);
    const bounded = await fakturo.webhookEndpoints
      .listDeliveriesAutoPaging(created.id, { limit: 2 }, { maxItems: 3 })
      .toArray();
    expect(bounded.map((d) => d.id)).toEqual(newestFirst.slice(0, 3));
  });

  it('refuses a link-local URL, naming the field', async () => {
    const error = await fakturo.webhookEndpoints
      .create({ url: 'http://169.254.169.254/latest', enabledEvents: ['*'] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).errors[0]).toMatchObject({
      path: 'url',
      code: 'webhook_url_not_allowed',
    });
  });
});
