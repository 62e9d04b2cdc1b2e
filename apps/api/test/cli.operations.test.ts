import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { bankStatementFiles } from '@fakturo/domain';
import { companyInput, createTestApp } from '@fakturo/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT, runCli } from '../src/cli';
import { createArticle, createContact, createContract, readyToBill } from './billing.support';

// API.md: the operator CLI starts a billing run and imports a bank statement — the same domain services as
// POST /v1/billing-runs and POST /v1/bank-statements, with their rules and their error codes.
const t = await createTestApp();
const org = t.main.organizationId;
const SAMPLES = resolve(__dirname, '../../../../shared/schemas/samples');
const files = mkdtempSync(join(tmpdir(), 'fakturo-cli-'));
afterAll(() => rmSync(files, { recursive: true, force: true }));

async function cli(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    db: t.db,
    out: { write: (text: string) => (stdout += text) },
    err: { write: (text: string) => (stderr += text) },
  });
  return { code, stdout, stderr };
}

async function count(table: string, organizationId = org): Promise<number> {
  const [{ n }] = await t.db(table).where({ organization_id: organizationId }).count({ n: '*' });
  return Number(n);
}

function file(name: string, content: string | Buffer): string {
  const path = join(files, name);
  writeFileSync(path, content);
  return path;
}

describe('operator CLI: billing:run', () => {
  let contract: { id: string };

  beforeAll(async () => {
    await readyToBill(t);
    const article = await createArticle(t, {
      name: 'Hosting',
      unitCode: 'MON',
      priceModel: { kind: 'per_unit', unitAmount: '1000' },
    });
    const contact = await createContact(t, companyInput());
    contract = await createContract(t, {
      contactId: contact.id,
      startDate: '2026-01-01',
      items: [{ articleId: article.id, quantity: '2' }],
    });
  });

  it('--dry-run shows what a run would bill and writes nothing', async () => {
    const res = await cli(['billing:run', '--org', org, '--as-of', '2026-03-15', '--dry-run']);
    expect(res).toMatchObject({ code: EXIT.ok, stderr: '' });
    // January, February and March, in advance: three invoices of 2 × 10.00 net, 19 % VAT
    expect(res.stdout).toContain('3 invoice(s) would be created');
    expect(res.stdout).toContain('EUR: 3 invoice(s), net 60.00 EUR, VAT 11.40 EUR, gross 71.40 EUR');
    expect(await count('billing_runs')).toBe(0);
    expect(await count('documents')).toBe(0);
  });

  it('starts a run for the worker, with its job in the same transaction; --json prints the run', async () => {
    const res = await cli([
      'billing:run',
      '--org',
      org,
      '--as-of',
      '2026-03-15',
      '--mode',
      'finalize',
      '--contracts',
      contract.id,
      '--json',
    ]);
    expect(res.code).toBe(EXIT.ok);
    const run = JSON.parse(res.stdout);
    expect(run).toMatchObject({
      id: expect.stringMatching(/^brun_/),
      asOf: '2026-03-15',
      mode: 'finalize',
      status: 'pending',
      trigger: 'api',
      filters: { contactIds: null, contractIds: [contract.id] },
    });
    const jobs = await t.db.raw(
      `SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE task_identifier = 'billing_run_plan' AND key = ?`,
      [`billing_run_plan:${run.id}`],
    );
    expect(jobs.rows[0].n).toBe(1);
    const shown = await t.api({ method: 'GET', url: `/v1/billing-runs/${run.id}` });
    expect(shown.status).toBe(200);
  });

  it("answers the domain's errors (exit 1) and a wrong command line (exit 2), writing nothing", async () => {
    const before = await count('billing_runs');
    const future = await cli(['billing:run', '--org', org, '--as-of', '2999-01-01']);
    expect(future.code).toBe(EXIT.failed);
    expect(future.stderr).toMatch(/asOf: .*\(as_of_in_future\)/);

    const stranger = await t.tenant('Fremd GmbH');
    const foreign = await cli([
      'billing:run',
      '--org',
      stranger.organizationId,
      '--as-of',
      '2026-03-15',
      '--contracts',
      contract.id,
    ]);
    expect(foreign.code).toBe(EXIT.failed);
    expect(foreign.stderr).toContain('(contract_not_found)');

    const mode = await cli(['billing:run', '--org', org, '--mode', 'everything']);
    expect(mode.code).toBe(EXIT.usage);
    expect(mode.stderr).toContain('--mode takes one of draft, finalize, finalize_and_send');
    expect((await cli(['billing:run'])).code).toBe(EXIT.usage);
    expect(await count('billing_runs')).toBe(before);
    expect(await count('billing_runs', stranger.organizationId)).toBe(0);
  });
});

describe('operator CLI: bank-statement:import', () => {
  it('imports a camt.053 file once: the same file again skips every transaction, and reconciliation is queued', async () => {
    const tenant = await t.tenant('Bank GmbH');
    const path = join(SAMPLES, 'camt/camt053.v2.multi.statement.xml');
    const first = await cli(['bank-statement:import', '--org', tenant.organizationId, '--file', path]);
    expect(first).toMatchObject({ code: EXIT.ok, stderr: '' });
    expect(first.stdout).toContain('Imported 2 transaction(s) from 2 camt.053 statement(s)');
    expect(first.stdout).toMatch(/bst_\w+ {2}NL26VAYB8060476890 {2}/);
    expect(await count('bank_transactions', tenant.organizationId)).toBe(2);
    const jobs = await t.db.raw(
      `SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE task_identifier = 'bank_reconcile' AND key = ?`,
      [`bank_reconcile:${tenant.organizationId}`],
    );
    expect(jobs.rows[0].n).toBe(1);

    const again = await cli([
      'bank-statement:import',
      '--org',
      tenant.organizationId,
      '--file',
      path,
      '--json',
    ]);
    expect(again.code).toBe(EXIT.ok);
    expect(JSON.parse(again.stdout)).toMatchObject({ format: 'camt.053', imported: 0, skipped: 2 });
    expect(await count('bank_transactions', tenant.organizationId)).toBe(2);
    // the API lists what the CLI imported
    const listed = await t.api({ method: 'GET', url: '/v1/bank-transactions' }, tenant);
    expect(listed.body.data).toHaveLength(2);
  });

  it('reads a German CSV export in Windows-1252 with the columns named on the command line', async () => {
    const tenant = await t.tenant('CSV GmbH');
    const csv = Buffer.from(
      [
        'Buchungstag;Betrag;Auftraggeber;Verwendungszweck',
        '03.03.2026;119,00;Müller GmbH;Rechnung RE-2026-0042',
        '04.03.2026;-12,50;Bäckerei;Kaffee',
        '',
      ].join('\r\n'),
      'latin1',
    );
    const res = await cli([
      'bank-statement:import',
      '--org',
      tenant.organizationId,
      '--file',
      file('umsaetze.csv', csv),
      '--format',
      'csv',
      '--charset',
      'windows-1252',
      '--columns',
      'bookingDate=Buchungstag,amount=Betrag,counterpartyName=Auftraggeber,remittanceInformation=Verwendungszweck',
      '--currency',
      'EUR',
      '--account-iban',
      'DE89370400440532013000',
    ]);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(EXIT.ok);
    const rows = await t
      .db('bank_transactions')
      .where({ organization_id: tenant.organizationId })
      .orderBy('booking_date')
      .select('booking_date', 'amount', 'credit_debit', 'counterparty_name');
    expect(rows).toMatchObject([
      { amount: 11900, credit_debit: 'credit', counterparty_name: 'Müller GmbH' },
      { amount: -1250, credit_debit: 'debit', counterparty_name: 'Bäckerei' },
    ]);
  });

  it('refuses a malformed file naming where (exit 1), and a wrong command line (exit 2), writing nothing', async () => {
    const tenant = await t.tenant('Kaputt GmbH');
    const broken = file('broken.xml', '<Document><BkToCstmrStmt><Stmt>');
    const res = await cli(['bank-statement:import', '--org', tenant.organizationId, '--file', broken]);
    expect(res.code).toBe(EXIT.failed);
    expect(res.stderr).toMatch(/^error: .+\(\w+\)/);

    const tooLarge = file('large.txt', Buffer.alloc(bankStatementFiles.MAX_FILE_BYTES + 1, 0x20));
    const large = await cli(['bank-statement:import', '--org', tenant.organizationId, '--file', tooLarge]);
    expect(large.code).toBe(EXIT.failed);
    expect(large.stderr).toContain('(bank_statement_too_large)');

    const format = await cli([
      'bank-statement:import',
      '--org',
      tenant.organizationId,
      '--file',
      broken,
      '--format',
      'pdf',
    ]);
    expect(format.code).toBe(EXIT.usage);
    const columns = await cli([
      'bank-statement:import',
      '--org',
      tenant.organizationId,
      '--file',
      broken,
      '--columns',
      'date=Buchungstag',
    ]);
    expect(columns.code).toBe(EXIT.usage);
    expect(columns.stderr).toContain("unknown field: 'date'");
    expect((await cli(['bank-statement:import', '--org', tenant.organizationId])).code).toBe(EXIT.usage);
    expect(await count('bank_statements', tenant.organizationId)).toBe(0);
    expect(readFileSync(broken, 'utf8')).toContain('<Document>');
  });
});
