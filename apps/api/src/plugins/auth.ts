import type { Db } from '@fakturo/db';
import { apiKeys, type Clock, type Ctx, DomainError, testClock } from '@fakturo/domain';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';

declare module 'fastify' {
  interface FastifyRequest {
    /** The authenticated, organisation-scoped context every domain call receives. */
    ctx: Ctx;
  }
  interface FastifyContextConfig {
    /** Public routes (health, docs, PSP callbacks) skip authentication. */
    public?: boolean;
    /** Scope required; default `read` for GET/HEAD and `write` otherwise. */
    scope?: 'read' | 'write';
  }
  interface FastifyInstance {
    /** Drops cached authentications, e.g. after a key was revoked. */
    forgetAuthentications(): void;
  }
}

const CACHE_TTL_MS = 5_000;

/** Unknown keys one address may try per window before it is refused without a lookup (429). */
export const FAILED_AUTH_LIMIT = { max: 100, windowMs: 60_000 };

/**
 * Counts the unknown keys each client address sent. The per-key rate limit cannot count them (there is no
 * key), so without this a client could make the database look up one made-up key after another, as fast as
 * it can send. Fixed windows in process memory, like the per-key limit.
 */
class FailedAuthentications {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();

  constructor(private readonly limit: { max: number; windowMs: number }) {}

  /** Seconds until `ip` may try again, or 0 when it may now. */
  retryAfter(ip: string, now: number): number {
    const window = this.windows.get(ip);
    if (!window || window.resetAt <= now || window.count < this.limit.max) return 0;
    return Math.ceil((window.resetAt - now) / 1000);
  }

  failed(ip: string, now: number): void {
    const window = this.windows.get(ip);
    if (window && window.resetAt > now) {
      window.count += 1;
      return;
    }
    if (this.windows.size > 10_000) this.windows.clear();
    this.windows.set(ip, { count: 1, resetAt: now + this.limit.windowMs });
  }
}

/** The secret of `Authorization: Bearer <secret>`, or null when the header is missing or has another shape. */
export function bearerSecret(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match ? match[1]! : null;
}

/**
 * Authentication resolves an actor and exactly one organisation in this single place and puts them in
 * `request.ctx`. Modules never look at credentials; dashboard sessions and accountants acting for a client
 * organisation become further branches here, not changes to the modules.
 *
 * Resolved keys are cached for a few seconds, so a hot read costs one query, not two; revoking a key
 * clears this process's cache at once, other processes within CACHE_TTL_MS. Unknown keys are counted per
 * client address (`FAILED_AUTH_LIMIT`); past the limit the address gets 429 without a lookup.
 */
export const authPlugin = fp(
  async (
    app: FastifyInstance,
    options: {
      db: Db;
      clock: (organizationId: string) => Clock;
      failedLimit?: { max: number; windowMs: number };
    },
  ) => {
    const cache = new Map<string, { auth: apiKeys.Authenticated; expires: number }>();
    const failures = new FailedAuthentications(options.failedLimit ?? FAILED_AUTH_LIMIT);
    /** Secrets that authenticated in this process (looked up as usual, but never refused by `failures`). */
    const known = new Set<string>();
    app.decorate('forgetAuthentications', () => cache.clear());
    app.decorateRequest('ctx', null as unknown as Ctx);

    async function resolve(
      secret: string,
      ip: string,
      reply: FastifyReply,
    ): Promise<apiKeys.Authenticated | null> {
      const hit = cache.get(secret);
      const now = Date.now();
      if (hit && hit.expires > now) return hit.auth;
      // An address that sent too many unknown keys is refused before the lookup — unless this key has
      // authenticated here before: behind a proxy or NAT many clients share one address, and one client's
      // broken key must not lock the others out.
      const wait = known.has(secret) ? 0 : failures.retryAfter(ip, now);
      if (wait > 0) {
        reply.header('retry-after', String(wait));
        throw new DomainError(
          'rate_limited',
          'rate_limited',
          `Too many requests with unknown API keys from this address. Retry after the time in Retry-After.`,
        );
      }
      const auth = await apiKeys.authenticate(options.db, secret);
      if (!auth) failures.failed(ip, now);
      else {
        if (known.size > 10_000) known.clear();
        known.add(secret);
      }
      // A sandbox's test clock may move at any moment, from any process: its keys are not cached, so every
      // request reads the clock with the key (one query, as on a cache miss).
      if (auth && !auth.isSandbox) {
        if (cache.size > 10_000) cache.clear();
        cache.set(secret, { auth, expires: now + CACHE_TTL_MS });
      }
      if (auth) {
        void apiKeys
          .touch(options.db, auth.keyId, new Date())
          .catch((err) => app.log.warn({ err }, 'key touch failed'));
      }
      return auth;
    }

    app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
      const config = request.routeOptions.config;
      const url = request.routeOptions.url;
      // Only the API itself is private; health, /docs and /openapi.json are public.
      if (config?.public || !url || !(url.startsWith('/v1/') || url === '/graphql')) return;
      const secret = bearerSecret(request);
      if (!secret) {
        throw new DomainError(
          'unauthenticated',
          'api_key_missing',
          'Send your secret key as `Authorization: Bearer <key>`.',
        );
      }
      const auth = await resolve(secret, request.ip, reply);
      if (!auth) {
        throw new DomainError('unauthenticated', 'api_key_invalid', 'The API key is unknown or revoked.');
      }
      // GraphQL sends queries by POST too: the HTTP method says nothing there, so /graphql needs `read` and the
      // graphql plugin asks for `write` when the operation is a mutation.
      const needed =
        config?.scope ??
        (request.method === 'GET' || request.method === 'HEAD' || url === '/graphql' ? 'read' : 'write');
      if (!auth.scopes.includes(needed)) {
        throw new DomainError('forbidden', 'scope_missing', `This key lacks the '${needed}' scope.`);
      }
      request.ctx = {
        db: options.db,
        organizationId: auth.organizationId,
        // a sandbox with a test clock lives at its clock's time; everyone else at the injected clock
        clock: testClock.clockFrom(auth.clockTime, options.clock(auth.organizationId)),
        actor: { type: 'api_key', id: auth.keyId, scopes: auth.scopes },
        requestId: request.id,
      };
    });
  },
  { name: 'auth' },
);
