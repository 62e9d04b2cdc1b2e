import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import type { Db } from '@fakturo/db';
import { DomainError, idempotency } from '@fakturo/domain';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { bearerSecret } from './auth';

declare module 'fastify' {
  interface FastifyRequest {
    idempotencyKey?: string;
  }
  interface FastifyContextConfig {
    /**
     * The response carries a secret shown once (an API key, later webhook secrets). Such a response is stored
     * for replay only encrypted under the caller's own key secret, which the database never holds, and the
     * replay is bound to that API key.
     */
    secretResponse?: boolean;
  }
}

const KEY_SHAPE = /^[\x21-\x7e]{1,255}$/;
const REPLAYED_HEADERS = ['content-type', 'location', 'etag'];
const SEALED = 'sealed:v1:';

// AES-256-GCM under HMAC(caller's API secret, idempotency key): only a caller holding the secret can derive it;
// the database stores nothing but the secret's SHA-256, so a copy of the database reveals no shown-once secret.
function sealingKey(request: FastifyRequest, key: string): Buffer {
  return createHmac('sha256', bearerSecret(request) ?? '')
    .update(`fakturo idempotency ${key}`)
    .digest();
}

function seal(text: string, secretKey: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', secretKey, iv);
  const data = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
  return SEALED + Buffer.concat([iv, cipher.getAuthTag(), data]).toString('base64');
}

function unseal(stored: string, secretKey: Buffer): string | null {
  const raw = Buffer.from(stored.slice(SEALED.length), 'base64');
  try {
    const decipher = createDecipheriv('aes-256-gcm', secretKey, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}

const reused = () =>
  new DomainError(
    'unprocessable',
    'idempotency_key_reused',
    'This Idempotency-Key was used with a different request; use a new key for a new request.',
  );

/**
 * `Idempotency-Key` on every POST (API.md): the first response is stored in PostgreSQL and replayed for the
 * same key and body (header `Idempotent-Replayed: true`); another body → 422; still running → 409.
 * The key is claimed after authentication, rate limiting and validation (Stripe's rule: only a request that
 * reached its endpoint is stored), so a 401/403/429 or a malformed request stores nothing and can be retried;
 * a 400 the endpoint answers itself is released like a 5xx.
 */
export const idempotencyPlugin = fp(
  async (app: FastifyInstance, options: { db: Db }) => {
    app.addHook('preHandler', async (request: FastifyRequest, reply: FastifyReply) => {
      if (request.method !== 'POST' || !request.ctx) return;
      const key = request.headers['idempotency-key'];
      if (key === undefined) return;
      if (typeof key !== 'string' || !KEY_SHAPE.test(key)) {
        throw new DomainError(
          'invalid_request',
          'idempotency_key_invalid',
          'Idempotency-Key needs 1–255 visible ASCII characters.',
        );
      }
      const secretResponse = Boolean(request.routeOptions.config?.secretResponse);
      // A secret-bearing response is replayed only to the API key that caused it (it alone can decrypt it).
      const target = secretResponse ? `${request.url} by ${request.ctx.actor.id}` : request.url;
      const hash = idempotency.requestHash(request.method, target, request.body);
      const claim = await idempotency.claim(
        options.db,
        request.ctx.organizationId,
        key,
        hash,
        new Date(),
        () => idempotency.legacyRequestHash(request.method, target, request.body),
      );
      if (claim.kind === 'replay') {
        const { status, headers } = claim.response;
        let body = claim.response.body;
        if (body.startsWith(SEALED)) {
          const opened = unseal(body, sealingKey(request, key));
          if (opened === null) throw reused();
          body = opened;
        }
        reply.code(status).headers(headers).header('idempotent-replayed', 'true');
        return reply.send(body);
      }
      request.idempotencyKey = key;
    });

    app.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
      const key = request.idempotencyKey;
      if (!key) return payload;
      request.idempotencyKey = undefined;
      // A 400 is a malformed request, refused before anything was written (a CSV file with an unknown column
      // is found out by its endpoint, after the claim): like a schema 400 it does not consume the key, so the
      // corrected request may follow with the same key. A 5xx releases it too, so the retry runs for real.
      if (reply.statusCode >= 500 || reply.statusCode === 400) {
        await idempotency.release(options.db, request.ctx.organizationId, key);
        return payload;
      }
      const headers: Record<string, string> = {};
      for (const name of REPLAYED_HEADERS) {
        const value = reply.getHeader(name);
        if (value !== undefined) headers[name] = String(value);
      }
      const body =
        typeof payload === 'string' ? payload : Buffer.isBuffer(payload) ? payload.toString('utf8') : '';
      await idempotency.complete(options.db, request.ctx.organizationId, key, {
        status: reply.statusCode,
        headers,
        body: request.routeOptions.config?.secretResponse ? seal(body, sealingKey(request, key)) : body,
      });
      return payload;
    });
  },
  { name: 'idempotency', dependencies: ['auth'] },
);
