import { randomBytes } from 'node:crypto';
import { personInput } from '@fakturo/testing';
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  FakturoError,
  signTestWebhook,
  verifyWebhook,
  type WebhookEvent,
  WebhookVerificationError,
} from '../src/index';
import { startLiveApi } from './support';

const api = await startLiveApi();
const fakturo = api.client();
const secret = `whsec_${randomBytes(24).toString('base64')}`;

function rejection(run: () => unknown): WebhookVerificationError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(WebhookVerificationError);
    expect(error).toBeInstanceOf(FakturoError);
    return error as WebhookVerificationError;
  }
  throw new Error('expected verification to fail');
}

/** A real `contact.created` event, as the API stores it and as a delivery's body carries it. */
async function realEventPayload(): Promise<{ event: WebhookEvent; payload: string }> {
  const contact = await fakturo.contacts.create(personInput());
  const { data } = await fakturo.events.list({ type: 'contact.created', resourceId: contact.id });
  expect(data).toHaveLength(1);
  return { event: data[0]!, payload: JSON.stringify(data[0]) };
}

describe('Standard Webhooks signatures: verifyWebhook and signTestWebhook', () => {
  it('reproduces the reference test vector of the Standard Webhooks specification', () => {
    const vector = {
      secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
      id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
      timestamp: new Date(1614265330 * 1000),
      payload: '{"test": 2432232314}',
      signature: 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
    };
    const headers = signTestWebhook(vector.payload, vector.secret, {
      id: vector.id,
      timestamp: vector.timestamp,
    });
    expect(headers).toEqual({
      'webhook-id': vector.id,
      'webhook-timestamp': '1614265330',
      'webhook-signature': vector.signature,
    });
    expect(verifyWebhook(vector.payload, headers, vector.secret, { now: vector.timestamp })).toEqual({
      test: 2432232314,
    });
  });

  it('round trip: a real contact.created event, signed and verified, comes back typed and whole', async () => {
    const { event, payload } = await realEventPayload();
    const headers = signTestWebhook(payload, secret, { id: event.id });
    const verified = verifyWebhook(payload, headers, secret);
    expectTypeOf(verified).toEqualTypeOf<WebhookEvent>();
    expect(verified).toEqual(event);
    expect(verified).toMatchObject({ type: 'contact.created', organizationId: api.t.main.organizationId });
    // as bytes too (a raw request body), and through a fetch Headers object
    expect(verifyWebhook(Buffer.from(payload), new Headers(headers), secret)).toEqual(event);
  });

  it('rejects a tampered body, a wrong secret, and a signature of another message id', async () => {
    const { payload } = await realEventPayload();
    const headers = signTestWebhook(payload, secret);
    const tampered = payload.replace('contact.created', 'contact.deleted');
    expect(rejection(() => verifyWebhook(tampered, headers, secret)).code).toBe('webhook_signature_invalid');
    // the same JSON re-serialised with other whitespace is another body: only raw bytes verify
    const reformatted = JSON.stringify(JSON.parse(payload), null, 1);
    expect(rejection(() => verifyWebhook(reformatted, headers, secret)).code).toBe(
      'webhook_signature_invalid',
    );
    const otherSecret = `whsec_${randomBytes(24).toString('base64')}`;
    expect(rejection(() => verifyWebhook(payload, headers, otherSecret)).code).toBe(
      'webhook_signature_invalid',
    );
    const moved = { ...headers, 'webhook-id': 'msg_other' };
    expect(rejection(() => verifyWebhook(payload, moved, secret)).code).toBe('webhook_signature_invalid');
  });

  it('refuses timestamps outside the tolerance, either way, and honours a custom tolerance', () => {
    const payload = '{"id":"evt_1","type":"contact.created"}';
    const sentAt = new Date('2026-11-27T10:00:00Z');
    const headers = signTestWebhook(payload, secret, { timestamp: sentAt });
    const at = (seconds: number) => new Date(sentAt.getTime() + seconds * 1000);

    expect(verifyWebhook(payload, headers, secret, { now: at(300) })).toMatchObject({ id: 'evt_1' });
    expect(verifyWebhook(payload, headers, secret, { now: at(-300) })).toMatchObject({ id: 'evt_1' });
    expect(rejection(() => verifyWebhook(payload, headers, secret, { now: at(301) })).code).toBe(
      'webhook_timestamp_too_old',
    );
    expect(rejection(() => verifyWebhook(payload, headers, secret, { now: at(-301) })).code).toBe(
      'webhook_timestamp_too_new',
    );
    expect(
      rejection(() => verifyWebhook(payload, headers, secret, { now: at(11), toleranceSeconds: 10 })).code,
    ).toBe('webhook_timestamp_too_old');
    // a signature made with the current clock verifies with the default clock
    expect(verifyWebhook(payload, signTestWebhook(payload, secret), secret)).toMatchObject({ id: 'evt_1' });
  });

  it('accepts any matching v1 signature among several (secret rotation) and ignores other schemes', () => {
    const payload = '{"id":"evt_2"}';
    const oldSecret = `whsec_${randomBytes(24).toString('base64')}`;
    const timestamp = new Date();
    const id = 'msg_rotation';
    const withOld = signTestWebhook(payload, oldSecret, { id, timestamp })['webhook-signature'];
    const withNew = signTestWebhook(payload, secret, { id, timestamp })['webhook-signature'];
    const headers = {
      'webhook-id': id,
      'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
      'webhook-signature': `v1a,${withNew.slice(3)} ${withOld} ${withNew}`,
    };
    expect(verifyWebhook(payload, headers, secret)).toEqual({ id: 'evt_2' });
    expect(verifyWebhook(payload, headers, oldSecret)).toEqual({ id: 'evt_2' });
    // a receiver in the middle of its own rotation holds both
    const onlyOld = { ...headers, 'webhook-signature': withOld };
    expect(verifyWebhook(payload, onlyOld, [secret, oldSecret])).toEqual({ id: 'evt_2' });
    expect(rejection(() => verifyWebhook(payload, onlyOld, secret)).code).toBe('webhook_signature_invalid');
    // the same bytes under a scheme we do not know are not accepted as v1
    const foreign = { ...headers, 'webhook-signature': `v1a,${withNew.slice(3)}` };
    expect(rejection(() => verifyWebhook(payload, foreign, secret)).code).toBe('webhook_signature_invalid');
  });

  it('reads headers in any case, as Node gives them, and names what is missing or malformed', () => {
    const payload = '{"id":"evt_3"}';
    const signed = signTestWebhook(payload, secret);
    const nodeStyle = {
      'Webhook-Id': signed['webhook-id'],
      'WEBHOOK-TIMESTAMP': signed['webhook-timestamp'],
      'webhook-signature': [signed['webhook-signature']],
      'content-type': 'application/json',
    };
    expect(verifyWebhook(payload, nodeStyle, secret)).toEqual({ id: 'evt_3' });

    for (const name of ['webhook-id', 'webhook-timestamp', 'webhook-signature'] as const) {
      const { [name]: _dropped, ...rest } = signed;
      const error = rejection(() => verifyWebhook(payload, rest, secret));
      expect(error.code).toBe('webhook_header_missing');
      expect(error.message).toContain(name);
      expect(error.status).toBeUndefined();
    }
    const badTime = { ...signed, 'webhook-timestamp': '2026-11-27T10:00:00Z' };
    expect(rejection(() => verifyWebhook(payload, badTime, secret)).code).toBe('webhook_timestamp_invalid');
  });

  it('a correctly signed body that is not JSON is refused as such', () => {
    const headers = signTestWebhook('not json', secret);
    expect(rejection(() => verifyWebhook('not json', headers, secret)).code).toBe('webhook_payload_invalid');
  });

  it('treats a missing or empty secret as a programming error, not a bad request', () => {
    const headers = signTestWebhook('{}', secret);
    expect(() => verifyWebhook('{}', headers, '')).toThrow(TypeError);
    expect(() => verifyWebhook('{}', headers, [])).toThrow(TypeError);
    expect(() => signTestWebhook('{}', 'whsec_')).toThrow(TypeError);
  });

  it('a secret mangled in copying is a TypeError, not a signature that merely fails to match', () => {
    const headers = signTestWebhook('{}', secret);
    for (const mangled of [`${secret} `, `"${secret}"`, `${secret.slice(0, 12)} ${secret.slice(12)}`]) {
      expect(() => verifyWebhook('{}', headers, mangled)).toThrow(TypeError);
    }
    // padding is optional, as many secret stores strip it
    const padded = `whsec_${randomBytes(16).toString('base64')}`;
    expect(padded.endsWith('==')).toBe(true);
    const unpadded = padded.replace(/=+$/, '');
    expect(verifyWebhook('{}', signTestWebhook('{}', padded), unpadded)).toEqual({});
  });

  it('a signature is read exactly: extra characters after a valid one make it not match', () => {
    const headers = signTestWebhook('{}', secret);
    const signature = headers['webhook-signature'];
    expect(verifyWebhook('{}', headers, secret)).toEqual({});
    for (const junk of [
      `${signature}!!`,
      `${signature}AAAA`.replace('=', ''),
      signature.replace('v1,', 'v1, '),
    ]) {
      const error = rejection(() => verifyWebhook('{}', { ...headers, 'webhook-signature': junk }, secret));
      expect(error.code).toBe('webhook_signature_invalid');
    }
  });
});
