/**
 * examples/billing.ts against the real API and the real worker (as `npm start` runs them): a contract billed
 * by a billing run, and the issued invoice's PDF on disk.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { startWorker } from '@fakturo/worker';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../billing';
import { startLiveApi } from './support';

const api = await startLiveApi();
const worker = await startWorker({ db: api.t.db, databaseUrl: api.t.database.url, concurrency: 2 });
afterAll(() => worker.stop());
const examplesDir = resolve(import.meta.dirname, '..');
const tsx = resolve(examplesDir, '../node_modules/.bin/tsx');

describe('examples/billing.ts', () => {
  it('bills a new contract with a billing run and saves the issued invoice as PDF', async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'fakturo-billing-'));
    const lines: string[] = [];
    const result = await main({ fakturo: api.fakturo, outDir, log: (line) => lines.push(line) });

    // a fresh organisation gets demo seller details, so it can issue at all
    expect(lines[0]).toBe(
      `filled in demo seller details of ${(await api.fakturo.organization.get()).legalName}: address, vatId, bankAccount`,
    );
    expect(result.run).toMatchObject({
      status: 'completed',
      mode: 'finalize',
      processed: 1,
      invoicesCreated: 1,
    });
    expect(result.invoice).toMatchObject({
      status: 'finalized',
      number: expect.stringMatching(/^RE-\d{4}-\d{5}$/),
      contactId: result.contact.id,
      billingRunId: result.run.id,
      lineNetTotal: 9800,
      grossTotal: 11662,
    });
    expect(result.invoice.lines).toEqual([
      expect.objectContaining({ name: 'Managed hosting', quantity: '2', netAmount: 9800 }),
    ]);

    expect(result.pdfPath).toBe(join(outDir, `${result.invoice.number}.pdf`));
    const pdf = readFileSync(result.pdfPath);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // the file holds exactly the stored, hashed document
    const stored = await api.t.api({ method: 'GET', url: `/v1/invoices/${result.invoice.id}` });
    expect(stored.body.pdfSha256).toBe(createHash('sha256').update(pdf).digest('hex'));
    expect(lines.at(-1)).toBe(`saved ${result.pdfPath} (${pdf.length} bytes)`);
    expect(lines).toContain(`invoice ${result.invoice.number}: 116.62 EUR, due ${result.invoice.dueDate}`);
  }, 60_000);

  it('runs as a script with one command, writing the PDF into the current directory', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'fakturo-billing-cli-'));
    const { stdout } = await promisify(execFile)(tsx, [join(examplesDir, 'billing.ts')], {
      cwd,
      env: { ...process.env, FAKTURO_BASE_URL: api.baseUrl, FAKTURO_API_KEY: api.t.main.apiKey },
    });
    // the organisation has its seller details by now: they are left alone
    expect(stdout).not.toContain('demo seller details');
    const number = /^invoice (RE-\d{4}-\d{5}):/m.exec(stdout)?.[1];
    expect(number).toBeDefined();
    expect(readdirSync(cwd)).toEqual([`${number}.pdf`]);
    expect(
      readFileSync(join(cwd, `${number}.pdf`))
        .subarray(0, 5)
        .toString('latin1'),
    ).toBe('%PDF-');
  }, 60_000);
});
