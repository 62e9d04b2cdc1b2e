import { createServer } from 'node:net';
import { companyInput, personInput } from '@fakturo/testing';
import { describe, expect, it } from 'vitest';
import {
  AuthenticationError,
  ConflictError,
  ConnectionError,
  Fakturo,
  FakturoError,
  NotFoundError,
  PermissionError,
  ValidationError,
} from '../src/index';
import { startLiveApi } from './support';

const api = await startLiveApi();
const fakturo = api.client();

async function failure(promise: Promise<unknown>): Promise<FakturoError> {
  const error = await promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FakturoError);
  return error as FakturoError;
}

describe('errors arrive as one class per kind, with code, status and request id', () => {
  it('401: an unknown key is an AuthenticationError naming the request', async () => {
    const stranger = new Fakturo({ apiKey: 'sk_test_not_a_real_key', baseUrl: api.baseUrl });
    const error = await failure(stranger.organization.get());
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({
      name: 'AuthenticationError',
      status: 401,
      code: 'api_key_invalid',
      requestId: expect.stringMatching(/^req_/),
      type: 'https://docs.fakturo.dev/errors/api_key_invalid',
      errors: [],
    });
    expect(error.headers?.get('x-request-id')).toBe(error.requestId);
  });

  it('echoes a request id the caller chose, so its own traces line up', async () => {
    const error = await failure(
      fakturo.contacts.get('con_missing', { headers: { 'x-request-id': 'trace-4711' } }),
    );
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ status: 404, code: 'contact_not_found', requestId: 'trace-4711' });
  });

  it('403: a read-only key that writes is a PermissionError', async () => {
    const key = await fakturo.apiKeys.create({ name: 'read only', scopes: ['read'] });
    const readOnly = api.client({ apiKey: key.secret });
    expect((await readOnly.contacts.list()).data).toBeInstanceOf(Array);
    const error = await failure(readOnly.contacts.create(personInput()));
    expect(error).toBeInstanceOf(PermissionError);
    expect(error).toMatchObject({ status: 403, code: 'scope_missing' });
  });

  it('422: every broken rule is listed in `errors`, and nothing is written', async () => {
    const before = (await fakturo.contacts.list({ limit: 100 })).data.length;
    const error = await failure(
      fakturo.contacts.create(
        companyInput({ vatId: 'DE000000000', bankAccounts: [{ iban: 'DE00123456780000000000' }] }),
      ),
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.status).toBe(422);
    expect(error.errors.map((e) => e.path).sort()).toEqual(['bankAccounts.0.iban', 'vatId']);
    expect(error.errors.every((e) => typeof e.code === 'string' && e.code.length > 0)).toBe(true);
    expect((await fakturo.contacts.list({ limit: 100 })).data.length).toBe(before);
  });

  it('400: a malformed request is a ValidationError too, naming the unknown field', async () => {
    const error = await failure(fakturo.contacts.create({ ...personInput(), shoeSize: 44 } as never));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ status: 400, code: 'validation_failed' });
    expect(error.errors).toContainEqual(expect.objectContaining({ path: 'shoeSize', code: 'unknown_field' }));
  });

  it('409: deleting a contact that has documents is a ConflictError; archiving is the way', async () => {
    const contact = await fakturo.contacts.create(personInput());
    // Documents have no API yet; this row is what a finalized invoice leaves behind.
    await api.t.db('documents').insert({
      id: 'doc_01JDSDK0000000000000000000',
      organization_id: api.t.main.organizationId,
      contact_id: contact.id,
      type: 'invoice',
      status: 'finalized',
      number: 'RE-2026-00042',
    });
    const error = await failure(fakturo.contacts.del(contact.id));
    expect(error).toBeInstanceOf(ConflictError);
    expect(error).toMatchObject({ status: 409, code: 'contact_has_documents' });
    expect(await fakturo.contacts.archive(contact.id)).toMatchObject({ archived: true });
  });

  it('422: one Idempotency-Key reused for a different request is refused', async () => {
    const idempotencyKey = crypto.randomUUID();
    await fakturo.contacts.create(personInput({ lastName: 'Erst' }), { idempotencyKey });
    const error = await failure(
      fakturo.contacts.create(personInput({ lastName: 'Anders' }), { idempotencyKey }),
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ status: 422, code: 'idempotency_key_reused' });
  });

  it('no server: a ConnectionError without status, after the retries', async () => {
    // a port that was free a moment ago: nothing listens there
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolve(port));
      });
    });
    const offline = new Fakturo({ apiKey: 'sk_x', baseUrl: `http://127.0.0.1:${port}`, maxRetries: 1 });
    const error = await failure(offline.contacts.list());
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).toMatchObject({ status: undefined, code: 'connection_refused', requestId: undefined });
  });

  it('refuses a client without key or base URL at construction', () => {
    expect(() => new Fakturo({ apiKey: '', baseUrl: api.baseUrl })).toThrow(/apiKey/);
    expect(() => new Fakturo({ apiKey: 'sk_x', baseUrl: 'localhost:3000' })).toThrow(/baseUrl/);
    expect(() => new Fakturo({ apiKey: 'sk_x', baseUrl: api.baseUrl, maxRetries: -1 })).toThrow(/maxRetries/);
  });

  it('refuses a zero timeout, which would cut every attempt off before it starts', async () => {
    expect(() => new Fakturo({ apiKey: 'sk_x', baseUrl: api.baseUrl, timeoutMs: 0 })).toThrow(/timeoutMs/);
    await expect(api.client().contacts.list({}, { timeoutMs: 0 })).rejects.toThrow(/timeoutMs/);
  });
});
