import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { apiKeyFromEnv, DEFAULT_BASE_URL } from '../env';
import { main } from '../quickstart';
import { startLiveApi } from './support';

const api = await startLiveApi();
const examplesDir = resolve(import.meta.dirname, '..');
const tsx = resolve(examplesDir, '../node_modules/.bin/tsx');

describe('examples/quickstart.ts', () => {
  it('creates a contact and lists it first among the newest', async () => {
    const lines: string[] = [];
    const { created, newest } = await main({ fakturo: api.fakturo, log: (line) => lines.push(line) });

    const stored = await api.t.api({ method: 'GET', url: `/v1/contacts/${created.id}` });
    expect(stored.status).toBe(200);
    expect(stored.body).toMatchObject({ displayName: 'Beispiel Bäckerei GmbH', kind: 'company' });
    expect(newest[0]!.id).toBe(created.id);
    expect(lines[0]).toBe(
      `created ${created.id}: Beispiel Bäckerei GmbH, customer number ${created.customerNumber}`,
    );
    expect(lines).toContain(`  ${created.customerNumber}  Beispiel Bäckerei GmbH`);
  });

  it('runs as a script with one command, configured by FAKTURO_BASE_URL and FAKTURO_API_KEY', async () => {
    const { stdout } = await promisify(execFile)(tsx, [join(examplesDir, 'quickstart.ts')], {
      env: { ...process.env, FAKTURO_BASE_URL: api.baseUrl, FAKTURO_API_KEY: api.t.main.apiKey },
    });
    const id = /^created (con_\w+):/m.exec(stdout)?.[1];
    expect(id).toBeDefined();
    expect((await api.t.api({ method: 'GET', url: `/v1/contacts/${id}` })).status).toBe(200);
  });

  it('finds the key in FAKTURO_API_KEY, else in the data directory `npm start` wrote it to', () => {
    expect(apiKeyFromEnv({ FAKTURO_API_KEY: ' sk_from_env \n' })).toBe('sk_from_env');
    const dataDir = mkdtempSync(join(tmpdir(), 'fakturo-example-'));
    writeFileSync(join(dataDir, 'api-key'), 'sk_from_file\n');
    expect(apiKeyFromEnv({ FAKTURO_DATA_DIR: dataDir })).toBe('sk_from_file');
    expect(() => apiKeyFromEnv({ FAKTURO_DATA_DIR: join(dataDir, 'nothing-here') })).toThrow(
      /FAKTURO_API_KEY/,
    );
    expect(DEFAULT_BASE_URL).toBe('http://127.0.0.1:3000');
  });
});
