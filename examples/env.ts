/**
 * Where the examples find the API: FAKTURO_BASE_URL (default http://127.0.0.1:3000, where `npm start`
 * listens) and the key in FAKTURO_API_KEY, or else the one `npm start` wrote to .data/api-key on first start.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Fakturo, type OrganizationUpdateParams } from '@fakturo/sdk';

export const DEFAULT_BASE_URL = 'http://127.0.0.1:3000';

/**
 * The API key from the environment or the local data directory.
 *
 * @example
 * ```ts
 * const apiKey = apiKeyFromEnv(); // FAKTURO_API_KEY, or .data/api-key after `npm start`
 * ```
 */
export function apiKeyFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  if (env.FAKTURO_API_KEY) return env.FAKTURO_API_KEY.trim();
  const dataDir = env.FAKTURO_DATA_DIR
    ? resolve(env.FAKTURO_DATA_DIR)
    : resolve(import.meta.dirname, '..', '.data');
  const keyFile = join(dataDir, 'api-key');
  if (existsSync(keyFile)) return readFileSync(keyFile, 'utf8').trim();
  throw new Error(`No API key: set FAKTURO_API_KEY, or run \`npm start\` once (it writes ${keyFile}).`);
}

/**
 * A client configured from the environment, for running an example by hand.
 *
 * @example
 * ```ts
 * const fakturo = clientFromEnv();
 * console.log((await fakturo.organization.get()).legalName);
 * ```
 */
export function clientFromEnv(env: NodeJS.ProcessEnv = process.env): Fakturo {
  return new Fakturo({ apiKey: apiKeyFromEnv(env), baseUrl: env.FAKTURO_BASE_URL || DEFAULT_BASE_URL });
}

/** True when this module is the script node/tsx was started with (not imported by a test). */
export function isEntryPoint(moduleUrl: string): boolean {
  const entry = process.argv[1];
  return entry !== undefined && new URL(moduleUrl).pathname === resolve(entry);
}

/**
 * Seller details an invoice must show (UStG §14): a fresh organisation has only its name. Only what is
 * missing is filled in, with obvious demo values — your own data is never overwritten.
 */
export async function ensureSellerDetails(fakturo: Fakturo, log: (line: string) => void): Promise<void> {
  const org = await fakturo.organization.get();
  const missing: OrganizationUpdateParams = {};
  if (!org.address) {
    missing.address = { line1: 'Beispielweg 1', postalCode: '10115', city: 'Berlin', country: 'DE' };
  }
  if (!org.vatId && !org.taxNumber) missing.vatId = 'DE136695976';
  if (!org.bankAccount) missing.bankAccount = { iban: 'DE89370400440532013000', bic: 'COBADEFFXXX' };
  if (Object.keys(missing).length === 0) return;
  await fakturo.organization.update(missing, { ifMatch: org.version });
  log(`filled in demo seller details of ${org.legalName}: ${Object.keys(missing).join(', ')}`);
}
