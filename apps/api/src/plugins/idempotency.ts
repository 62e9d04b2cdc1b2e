import type { Db } from '@fakturo/db';
import { DomainError, idempotency } from '@fakturo/domain';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';

declare module 'fastify' {
  interface FastifyRequest {
    idempotencyKey?: string;
  }
}

const KEY_SHAPE = /^[\x21-\x7e]{1,255}$/;
const REPLAYED_HEADERS = ['content-type', 'location', 'etag'];

/**
 * `Idempotency-Key` on every POST (API.md): the first response is stored in PostgreSQL and replayed for the
 * same key and body (header `Idempotent-Replayed: true`); another body → 422; still running → 409.
 * The key is claimed after validation, so a malformed request stores nothing and can be corrected.
 */
export const idempotencyPlugin = fp(
  async (app: FastifyInstance, options: { db: Db }) => {
    app.addHook('preHandler', async (request: FastifyRequest, reply: FastifyReply) => {
      if (request.method !== 'POST' || !request.ctx) return;
      const key = request.headers['idempotency-key'];
      if (key === undefined) return;
      if (typeof key !== 'string' || !KEY_SHAPE.test(key)) {
        throw new DomainError('invalid_request', 'idempotency_key_invalid', 'Idempotency-Key needs 1–255 visible ASCII characters.');
      }
      const hash = idempotency.requestHash(request.method, request.url, request.body);
      const claim = await idempotency.claim(options.db, request.ctx.organizationId, key, hash, new Date());
      if (claim.kind === 'replay') {
        const { status, headers, body } = claim.response;
        reply.code(status).headers(headers).header('idempotent-replayed', 'true');
        return reply.send(body);
      }
      request.idempotencyKey = key;
    });

    app.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
      const key = request.idempotencyKey;
      if (!key) return payload;
      request.idempotencyKey = undefined;
      if (reply.statusCode >= 500) {
        await idempotency.release(options.db, request.ctx.organizationId, key);
        return payload;
      }
      const headers: Record<string, string> = {};
      for (const name of REPLAYED_HEADERS) {
        const value = reply.getHeader(name);
        if (value !== undefined) headers[name] = String(value);
      }
      await idempotency.complete(options.db, request.ctx.organizationId, key, {
        status: reply.statusCode,
        headers,
        body: typeof payload === 'string' ? payload : Buffer.isBuffer(payload) ? payload.toString('utf8') : '',
      });
      return payload;
    });
  },
  { name: 'idempotency', dependencies: ['auth'] },
);
