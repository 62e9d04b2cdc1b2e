import { randomBytes } from 'node:crypto';
import { signTestWebhook, type WebhookEvent } from '@fakturo/sdk';
import { personInput } from '@fakturo/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../webhook-receiver';
import { startLiveApi } from './support';

const api = await startLiveApi();
const secret = `whsec_${randomBytes(24).toString('base64')}`;
const received: WebhookEvent[] = [];
const lines: string[] = [];
const receiver = await main({
  secret,
  port: 0,
  log: (line) => lines.push(line),
  onEvent: (e) => void received.push(e),
});
afterAll(() => receiver.close());

/** A real contact.created event from the API, as a delivery would carry it. */
async function contactCreatedPayload(): Promise<{ event: WebhookEvent; payload: string }> {
  const contact = await api.fakturo.contacts.create(personInput());
  const { data } = await api.fakturo.events.list({ type: 'contact.created', resourceId: contact.id });
  return { event: data[0]!, payload: JSON.stringify(data[0]) };
}

function post(payload: string, headers: Record<string, string>) {
  return fetch(receiver.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: payload,
  });
}

describe('examples/webhook-receiver.ts', () => {
  it('accepts a signed contact.created delivery and hands the verified event on', async () => {
    const { event, payload } = await contactCreatedPayload();
    const response = await post(payload, signTestWebhook(payload, secret, { id: event.id }));
    expect(response.status).toBe(204);
    expect(received.at(-1)).toEqual(event);
    expect(lines).toContain(`contact.created ${event.id} at ${event.createdAt}`);
  });

  it('refuses a tampered body with 400 and never hands it on', async () => {
    const { payload } = await contactCreatedPayload();
    const headers = signTestWebhook(payload, secret);
    const before = received.length;
    const response = await post(payload.replace('"contact.created"', '"contact.archived"'), headers);
    expect(response.status).toBe(400);
    expect(await response.text()).toBe('webhook_signature_invalid');
    expect(received.length).toBe(before);
  });

  it('refuses other secrets, stale timestamps and unsigned requests', async () => {
    const { payload } = await contactCreatedPayload();
    const before = received.length;
    const other = `whsec_${randomBytes(24).toString('base64')}`;
    const wrongKey = await post(payload, signTestWebhook(payload, other));
    expect([wrongKey.status, await wrongKey.text()]).toEqual([400, 'webhook_signature_invalid']);
    const stale = await post(
      payload,
      signTestWebhook(payload, secret, { timestamp: new Date(Date.now() - 600_000) }),
    );
    expect([stale.status, await stale.text()]).toEqual([400, 'webhook_timestamp_too_old']);
    const unsigned = await post(payload, {});
    expect([unsigned.status, await unsigned.text()]).toEqual([400, 'webhook_header_missing']);
    expect((await fetch(receiver.url)).status).toBe(405);
    expect(received.length).toBe(before);
  });

  it('handles a delivery that arrives twice once', async () => {
    const { payload } = await contactCreatedPayload();
    const headers = signTestWebhook(payload, secret, { id: 'msg_twice' });
    const before = received.length;
    expect((await post(payload, headers)).status).toBe(204);
    expect((await post(payload, headers)).status).toBe(204);
    expect(received.length).toBe(before + 1);
    expect(lines).toContain('duplicate msg_twice (contact.created) ignored');
  });

  it('will not start without a secret', async () => {
    const saved = process.env.FAKTURO_WEBHOOK_SECRET;
    delete process.env.FAKTURO_WEBHOOK_SECRET;
    try {
      await expect(main({ port: 0, log: () => {} })).rejects.toThrow(/FAKTURO_WEBHOOK_SECRET/);
    } finally {
      if (saved !== undefined) process.env.FAKTURO_WEBHOOK_SECRET = saved;
    }
  });
});
