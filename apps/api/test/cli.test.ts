import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { connect } from '@fakturo/db';
import { apiKeys } from '@fakturo/domain';
import { createTestApp } from '@fakturo/testing';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { migrations } from '../../../migrations/index';
import { COMMANDS, EXIT, runCli } from '../src/cli';

const t = await createTestApp();
const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

/** Runs one command line against this file's database and captures what it prints. */
async function cli(argv: string[], db = t.db) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    db,
    out: { write: (text: string) => (stdout += text) },
    err: { write: (text: string) => (stderr += text) },
  });
  return { code, stdout, stderr };
}

async function countRows(table: string): Promise<number> {
  const [{ n }] = await t.db(table).count({ n: '*' });
  return Number(n);
}

function secretIn(stdout: string): string {
  const match = /^\s+(fk_[A-Za-z0-9_-]+)$/m.exec(stdout);
  if (!match) throw new Error(`no secret printed in:\n${stdout}`);
  return match[1]!;
}

async function getOrganization(secret: string) {
  const res = await t.app.inject({
    method: 'GET',
    url: '/v1/organization',
    headers: { authorization: `Bearer ${secret}` },
  });
  return { status: res.statusCode, body: res.json() };
}

describe('operator CLI: organisations', () => {
  it('org:create creates an organisation and prints its key once; the key works against the API', async () => {
    const res = await cli(['org:create', '--name', 'Nordlicht Software GmbH']);
    expect(res).toMatchObject({ code: EXIT.ok, stderr: '' });
    const id = /Created organisation (org_[0-9A-Z]{26}) "Nordlicht Software GmbH"/.exec(res.stdout)?.[1];
    expect(id).toBeDefined();
    const secret = secretIn(res.stdout);

    const org = await getOrganization(secret);
    expect(org.status).toBe(200);
    expect(org.body).toMatchObject({ id, legalName: 'Nordlicht Software GmbH', isSandbox: false });
  });

  it('org:create --sandbox --key uses the given secret, and --json prints the result for scripts', async () => {
    const secret = 'fk_operator_chosen_secret_0001';
    const res = await cli(['org:create', '--name', 'Sandbox AG', '--sandbox', '--key', secret, '--json']);
    expect(res.code).toBe(EXIT.ok);
    const json = JSON.parse(res.stdout);
    expect(json).toMatchObject({
      organization: { legalName: 'Sandbox AG', isSandbox: true },
      apiKey: { secret, scopes: ['read', 'write'], secretHint: '0001' },
    });
    expect((await getOrganization(secret)).body).toMatchObject({ id: json.organization.id, isSandbox: true });
  });

  it('org:create refuses a malformed key secret with the domain code and writes nothing', async () => {
    const before = await countRows('organizations');
    const res = await cli(['org:create', '--name', 'Kurz GmbH', '--key', 'short']);
    expect(res.code).toBe(EXIT.failed);
    expect(res.stdout).toBe('');
    expect(res.stderr).toContain('(api_key_secret_invalid)');
    expect(await countRows('organizations')).toBe(before);
  });

  it('a missing --name or an unknown option is a usage error (exit 2) that shows the usage', async () => {
    const before = await countRows('organizations');
    const missing = await cli(['org:create']);
    expect(missing.code).toBe(EXIT.usage);
    expect(missing.stderr).toContain('--name is required');
    expect(missing.stderr).toContain('usage: npm run fakturo -- org:create --name <legal name>');

    const blank = await cli(['org:create', '--name', '  ']);
    expect(blank.code).toBe(EXIT.usage);

    const unknown = await cli(['org:create', '--name', 'X', '--colour', 'blue']);
    expect(unknown.code).toBe(EXIT.usage);
    expect(unknown.stderr).toContain("Unknown option '--colour'");
    expect(await countRows('organizations')).toBe(before);
  });

  it('org:list lists every organisation, oldest first', async () => {
    const created = JSON.parse((await cli(['org:create', '--name', 'Liste KG', '--json'])).stdout);
    const res = await cli(['org:list']);
    expect(res.code).toBe(EXIT.ok);
    expect(res.stdout).toMatch(
      new RegExp(`${created.organization.id}\\s+\\d{4}-\\d{2}-\\d{2}\\s+live\\s+Liste KG`),
    );
    expect(res.stdout).toContain(t.main.organizationId);

    const json = JSON.parse((await cli(['org:list', '--json'])).stdout);
    const ids: string[] = json.data.map((o: { id: string }) => o.id);
    expect(ids).toHaveLength(await countRows('organizations'));
    expect(ids).toEqual([...ids].sort());
    expect(ids.at(-1)).toBe(created.organization.id);
  });
});

describe('operator CLI: API keys', () => {
  it('key:create makes a key with the asked scopes; a read-only key cannot write', async () => {
    const res = await cli([
      'key:create',
      '--org',
      t.main.organizationId,
      '--name',
      'Reporting',
      '--scopes',
      'read',
    ]);
    expect(res.code).toBe(EXIT.ok);
    expect(res.stdout).toMatch(/Created API key key_[0-9A-Z]{26}\s+Reporting\s+scopes read/);
    const secret = secretIn(res.stdout);

    expect(await apiKeys.authenticate(t.db, secret)).toMatchObject({
      organizationId: t.main.organizationId,
      scopes: ['read'],
    });
    const write = await t.app.inject({
      method: 'POST',
      url: '/v1/contacts',
      headers: { authorization: `Bearer ${secret}` },
      payload: { kind: 'person', firstName: 'Nur', lastName: 'Lesen' },
    });
    expect(write.statusCode).toBe(403);
    expect(write.json().code).toBe('scope_missing');
  });

  it('key:create defaults to read and write, and refuses unknown scopes and unknown organisations', async () => {
    const res = await cli(['key:create', '--org', t.main.organizationId, '--json']);
    expect(JSON.parse(res.stdout).apiKey).toMatchObject({ name: 'CLI key', scopes: ['read', 'write'] });

    const before = await countRows('api_keys');
    const badScope = await cli(['key:create', '--org', t.main.organizationId, '--scopes', 'read,admin']);
    expect(badScope.code).toBe(EXIT.usage);
    expect(badScope.stderr).toContain('unknown: admin');

    const noOrg = await cli(['key:create', '--org', 'org_01J00000000000000000000000']);
    expect(noOrg.code).toBe(EXIT.failed);
    expect(noOrg.stderr).toContain('(organization_not_found)');
    expect(await countRows('api_keys')).toBe(before);
  });

  it('key:list shows the active keys of one organisation only', async () => {
    const other = await t.tenant('Andere GmbH');
    const mine = JSON.parse(
      (await cli(['key:create', '--org', t.main.organizationId, '--json'])).stdout,
    ).apiKey;
    const res = await cli(['key:list', '--org', other.organizationId, '--json']);
    expect(res.code).toBe(EXIT.ok);
    const ids = JSON.parse(res.stdout).data.map((k: { id: string }) => k.id);
    expect(ids).toHaveLength(1);
    expect(ids).not.toContain(mine.id);
    expect((await cli(['key:list', '--org', t.main.organizationId])).stdout).toContain(mine.id);
  });

  it("key:revoke stops a key; another organisation's key id is not found and stays valid", async () => {
    const created = JSON.parse(
      (await cli(['key:create', '--org', t.main.organizationId, '--json'])).stdout,
    ).apiKey;
    const other = await t.tenant('Fremd GmbH');

    const foreign = await cli(['key:revoke', '--org', other.organizationId, '--key', created.id]);
    expect(foreign.code).toBe(EXIT.failed);
    expect(foreign.stderr).toContain('(api_key_not_found)');
    expect(await apiKeys.authenticate(t.db, created.secret)).not.toBeNull();

    const res = await cli(['key:revoke', '--org', t.main.organizationId, '--key', created.id]);
    expect(res.code).toBe(EXIT.ok);
    expect(res.stdout).toContain(`Revoked API key ${created.id}`);
    expect(await apiKeys.authenticate(t.db, created.secret)).toBeNull();
    expect((await getOrganization(created.secret)).status).toBe(401);

    const again = await cli(['key:revoke', '--org', t.main.organizationId, '--key', created.id]);
    expect(again.code).toBe(EXIT.failed);
    expect(again.stderr).toContain('(api_key_not_found)');
  });

  it('key:revoke needs both --org and --key', async () => {
    const res = await cli(['key:revoke', '--org', t.main.organizationId]);
    expect(res.code).toBe(EXIT.usage);
    expect(res.stderr).toContain('--key is required');
  });
});

describe('operator CLI: migrations', () => {
  const admin = connect(inject('adminDatabaseUrl'), { poolMax: 1 });
  const emptyName = `${t.database.name}_empty`;
  const emptyUrl = new URL(t.database.url);
  emptyUrl.pathname = `/${emptyName}`;
  const empty = connect(emptyUrl.toString(), { poolMax: 2 });
  afterAll(async () => {
    await empty.destroy();
    await admin.raw(`DROP DATABASE IF EXISTS ${emptyName} WITH (FORCE)`);
    await admin.destroy();
  });

  it('on an empty database, other commands refuse to run until migrate has applied every migration', async () => {
    await admin.raw(`CREATE DATABASE ${emptyName}`);

    const early = await cli(['org:list'], empty);
    expect(early.code).toBe(EXIT.failed);
    expect(early.stderr).toContain('run `npm run fakturo -- migrate` first');

    const res = await cli(['migrate', '--json'], empty);
    expect(res.code).toBe(EXIT.ok);
    expect(JSON.parse(res.stdout)).toEqual({ applied: migrations.map((m) => m.name) });

    const created = await cli(['org:create', '--name', 'Frisch GmbH', '--json'], empty);
    expect(created.code).toBe(EXIT.ok);
    expect((await cli(['org:list'], empty)).stdout).toContain('Frisch GmbH');
    // graphile-worker's schema too: an import adds its reconciliation job in its own transaction
    const samples = fileURLToPath(new URL('../../../../shared/schemas/samples/', import.meta.url));
    const imported = await cli(
      [
        'bank-statement:import',
        '--org',
        JSON.parse(created.stdout).organization.id,
        '--file',
        `${samples}mt940/mt940.txt`,
      ],
      empty,
    );
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(EXIT.ok);
  });

  it('migrate on a current database applies nothing and says so', async () => {
    const res = await cli(['migrate']);
    expect(res).toMatchObject({
      code: EXIT.ok,
      stdout: 'The database is up to date; no migration to apply.\n',
    });
  });
});

describe('operator CLI: help', () => {
  it('help lists every command; help <command> shows its usage; unknown commands exit 2', async () => {
    const help = await cli(['help']);
    expect(help.code).toBe(EXIT.ok);
    for (const name of ['help', ...Object.keys(COMMANDS)]) expect(help.stdout).toContain(`  ${name} `);

    const one = await cli(['help', 'key:revoke']);
    expect(one.stdout).toContain(
      'usage: npm run fakturo -- key:revoke --org <organisation id> --key <key id>',
    );
    expect((await cli(['key:create', '--help'])).stdout).toContain('--scopes read,write');

    const unknown = await cli(['invoice:frobnicate']);
    expect(unknown.code).toBe(EXIT.usage);
    expect(unknown.stderr).toContain("unknown command 'invoice:frobnicate'");
    expect((await cli([])).code).toBe(EXIT.usage);
  });

  it('runs as a real process: `npx tsx apps/api/src/cli.ts help` exits 0 and lists the commands', async () => {
    const { stdout } = await promisify(execFile)('npx', ['tsx', 'apps/api/src/cli.ts', 'help'], {
      cwd: ROOT,
      timeout: 40_000,
    });
    expect(stdout).toContain('Fakturo operator CLI');
    for (const name of Object.keys(COMMANDS)) expect(stdout).toContain(`  ${name} `);
  }, 60_000);

  it('a real process exits 2 on an unknown command', async () => {
    const run = promisify(execFile)('npx', ['tsx', 'apps/api/src/cli.ts', 'nope'], {
      cwd: ROOT,
      timeout: 40_000,
    });
    await expect(run).rejects.toMatchObject({
      code: EXIT.usage,
      stderr: expect.stringContaining("unknown command 'nope'"),
    });
  }, 60_000);
});
