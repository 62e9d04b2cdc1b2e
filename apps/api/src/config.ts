import { resolve } from 'node:path';

/** Every setting comes from the environment (twelve-factor); defaults make `npm start` work on a fresh machine. */
export interface Config {
  host: string;
  port: number;
  /** Unset: an embedded PostgreSQL runs in `dataDir/postgres`. */
  databaseUrl: string | undefined;
  dataDir: string;
  bootstrapApiKey: string | undefined;
  logLevel: string;
  /** Requests per window per API key. */
  rateLimitMax: number;
  rateLimitWindowMs: number;
  /** Largest JSON body in bytes; file uploads have their own limit per route. */
  bodyLimit: number;
  webhookAllowPrivate: boolean;
  /** Public base URL, used in links (portal, docs). */
  publicUrl: string;
  /**
   * Which proxies in front are trusted to say who the client is (`X-Forwarded-For`): false (none, the default),
   * true (any: only when nothing else can reach the port), or the proxies' addresses and CIDR ranges. The client
   * address is the quote acceptance's evidence and keys the failed-authentication limit.
   */
  trustProxy: boolean | string[];
}

function trustProxy(raw: string | undefined): boolean | string[] {
  const value = raw?.trim() ?? '';
  if (value === '' || value === 'false') return false;
  if (value === 'true') return true;
  // Fastify trusts nobody for a hop count (it cannot check the immediate peer): say so instead
  if (/^\d+$/.test(value))
    throw new Error(`FAKTURO_TRUST_PROXY takes the proxies' addresses/CIDRs, not a hop count: '${raw}'`);
  const list = value.split(',').map((part) => part.trim());
  if (list.some((part) => !/^[0-9A-Fa-f:.]+(\/\d{1,3})?$/.test(part)))
    throw new Error(`FAKTURO_TRUST_PROXY must be false, true or the proxies' addresses/CIDRs, got '${raw}'`);
  return list;
}

function int(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got '${raw}'`);
  return n;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const host = env.HOST || '127.0.0.1';
  const port = int(env, 'PORT', 3000);
  return {
    host,
    port,
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: resolve(env.FAKTURO_DATA_DIR || './.data'),
    bootstrapApiKey: env.FAKTURO_BOOTSTRAP_API_KEY || undefined,
    logLevel: env.LOG_LEVEL || 'info',
    rateLimitMax: int(env, 'FAKTURO_RATE_LIMIT_MAX', 100),
    rateLimitWindowMs: int(env, 'FAKTURO_RATE_LIMIT_WINDOW_MS', 1000),
    bodyLimit: int(env, 'FAKTURO_BODY_LIMIT', 1024 * 1024),
    webhookAllowPrivate: env.FAKTURO_WEBHOOK_ALLOW_PRIVATE === 'true',
    publicUrl: env.FAKTURO_PUBLIC_URL || `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`,
    trustProxy: trustProxy(env.FAKTURO_TRUST_PROXY),
  };
}
