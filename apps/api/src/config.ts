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
  };
}
