import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Db } from '@fakturo/db';
import {
  audit,
  contacts,
  fixedClock,
  invoices,
  organizations,
  reconciliation,
  systemContext,
} from '@fakturo/domain';
import {
  atLeast,
  atMost,
  formatInt,
  formatRatio,
  machineDescription,
  markdownTable,
  outputDir,
  startBenchDatabase,
  summariseProfile,
  type Target,
} from './lib';

/**
 * Reconciliation of one bank statement of 100,000 lines against 1,000,000 open invoices, through
 * `reconciliation.reconcile` as the worker's `bank_reconcile` job runs it, read against a raw baseline measured
 * in the same run on the same data: a staging table of (invoice number, amount) and one set-based
 * `UPDATE documents … FROM staging`, rolled back so both start from the same state. Method and findings:
 * BENCHMARKS.md ("reconciliation") and docs/bank-statements.md ("Reconciliation").
 */

// Targets of issue 6, item 5.
const TARGET_SECONDS = 10;
const TARGET_RATIO = 0.3;

const USAGE = `usage: npm run bench -- reconciliation [--lines N] [--invoices N] [--no-seal] [--cpu-prof] [--statements]

  --lines N      statement lines (default 100000): 85 % name one invoice with exactly its open amount,
                 5 % name two invoices and pay both, 5 % pay part of the named invoice, 5 % carry no number
                 (the payer's name and an amount of one of its invoices)
  --invoices N   finalized open invoices (default 1000000, at least 6 per line), one line each, 4 per contact
  --no-seal      leave the audit entries unsealed (the worker seals them right after each commit: audit.autoSeal)
  --cpu-prof     record a CPU profile of the run (this process: domain and pg) and summarise it
  --statements   print the wall time the run spent per statement kind (seen from the client)`;

const ISSUED = '2026-03-01';
const BOOKED = '2026-03-10';
const INVOICES_PER_CONTACT = 4;

/** The net amount of invoice i (minor units): spread over ~500,000 values, as real invoices are. */
const NET = (i: string) => `(1000 + ((${i})::bigint * 7919) % 499000)`;
const TAX = (i: string) => `round(${NET(i)} * 0.19)::bigint`;
const GROSS = (i: string) => `(${NET(i)} + ${TAX(i)})`;
/** Invoice i's number; RE-2026-0000001 is the template's (the first the organisation's counter gave). */
const NUMBER = (i: string) => `('RE-2026-' || lpad(((${i}) + 1)::text, 7, '0'))`;

/** `table`'s columns, each taken from the template row `t` unless an expression overrides it. */
async function selectList(db: Db, table: string, overrides: Record<string, string>): Promise<string[]> {
  const columns: string[] = await db('information_schema.columns')
    .where({ table_schema: 'public', table_name: table })
    .orderBy('ordinal_position')
    .pluck('column_name');
  return columns.map((c) => overrides[c] ?? `t.${c}`);
}

/**
 * Seeds with set-based SQL. One invoice is created and finalized through the domain; it is the template for
 * the 1,000,000 others (same seller, buyer snapshot with the contact's name, tax breakdown, one line), written
 * as drafts with their lines and then finalized by one UPDATE — the order the GoBD triggers demand (lines only
 * on drafts; issued content frozen). The statement's lines name the invoices 1, 11, 21 … (10 apart), so the
 * invoices between stay open and unnamed, as most of a large ledger would.
 */
async function seed(
  db: Db,
  organizationId: string,
  options: { lines: number; invoices: number },
): Promise<{ statementId: string; staging: { numbers: (string | null)[]; amounts: number[] } }> {
  const clock = fixedClock(`${ISSUED}T08:00:00Z`);
  const ctx = systemContext(db, organizationId, clock, 'bench');
  const buyer = await contacts.create(ctx, {
    kind: 'company',
    companyName: 'Vorlage GmbH',
    billingAddress: { line1: 'Lindenallee 5', postalCode: '20095', city: 'Hamburg', country: 'DE' },
    emails: [{ email: 'einkauf@vorlage.example', type: 'billing' }],
  });
  const draft = await invoices.create(ctx, {
    contactId: buyer.id,
    issueDate: ISSUED,
    lines: [{ name: 'Wartungsvertrag März', quantity: '1', unitCode: 'C62', unitAmount: 10000 }],
  });
  const template = await invoices.finalize(ctx, draft.id);
  // finalize queued the template's render job; nothing renders here
  await db.raw('DELETE FROM graphile_worker._private_jobs');

  const contactsCount = Math.ceil(options.invoices / INVOICES_PER_CONTACT);
  await db.raw(
    `INSERT INTO contacts (id, organization_id, kind, customer_number, company_name, display_name, billing_address, emails)
     SELECT 'con_' || lpad(i::text, 26, '0'), ?, 'company', 'K-' || lpad(i::text, 7, '0'), 'Kunde ' || i || ' GmbH',
            'Kunde ' || i || ' GmbH',
            '{"line1":"Musterstraße 1","postalCode":"10115","city":"Berlin","country":"DE"}'::jsonb,
            jsonb_build_array(jsonb_build_object('email', 'billing' || i || '@kunde.example', 'type', 'billing'))
       FROM generate_series(1, ?) i`,
    [organizationId, contactsCount],
  );
  const contactOf = `'con_' || lpad(((i - 1) / ${INVOICES_PER_CONTACT} + 1)::text, 26, '0')`;
  const documentColumns = await selectList(db, 'documents', {
    id: `'doc_' || lpad(i::text, 26, '0')`,
    contact_id: contactOf,
    status: `'draft'`,
    number: NUMBER('i'),
    buyer: `jsonb_set(t.buyer, '{name}', to_jsonb('Kunde ' || ((i - 1) / ${INVOICES_PER_CONTACT} + 1) || ' GmbH'))`,
    line_net_total: NET('i'),
    tax_basis_total: NET('i'),
    tax_total: TAX('i'),
    gross_total: GROSS('i'),
    amount_due: GROSS('i'),
    tax_breakdown: `jsonb_set(jsonb_set(t.tax_breakdown, '{0,basis}', to_jsonb(${NET('i')})), '{0,tax}', to_jsonb(${TAX('i')}))`,
    pdf_sha256: 'NULL',
    xml_sha256: 'NULL',
  });
  await db.raw(
    `INSERT INTO documents SELECT ${documentColumns.join(', ')}
       FROM documents t, generate_series(1, ?) i WHERE t.id = ?`,
    [options.invoices, template.id],
  );
  const lineColumns = await selectList(db, 'document_lines', {
    id: `'dli_' || lpad(i::text, 26, '0')`,
    document_id: `'doc_' || lpad(i::text, 26, '0')`,
    unit_amount: `${NET('i')}::numeric`,
    net_amount: NET('i'),
  });
  await db.raw(
    `INSERT INTO document_lines SELECT ${lineColumns.join(', ')}
       FROM document_lines t, generate_series(1, ?) i WHERE t.document_id = ?`,
    [options.invoices, template.id],
  );
  await db.raw(
    `UPDATE documents SET status = 'finalized' WHERE organization_id = ? AND id LIKE 'doc\\_0%' AND status = 'draft'`,
    [organizationId],
  );

  // the statement: line k names invoice b = (k - 1) × step + 1
  const step = Math.floor(options.invoices / options.lines);
  const statementId = `bst_${'1'.padStart(26, '0')}`;
  await db.raw(
    `INSERT INTO bank_statements (id, organization_id, format, account_iban, account_currency, from_date, to_date,
                                  transaction_count, imported_count, file_sha256)
     VALUES (?, ?, 'camt.053', 'DE89370400440532013000', 'EUR', ?, ?, ?, ?, 'bench')`,
    [statementId, organizationId, BOOKED, BOOKED, options.lines, options.lines],
  );
  const b = `((k - 1) * ${step} + 1)`;
  await db.raw(
    `INSERT INTO bank_transactions (id, organization_id, statement_id, dedup_key, status, account_iban, booking_date,
                                    value_date, amount, currency, credit_debit, counterparty_name, counterparty_iban,
                                    remittance_information, end_to_end_id)
     SELECT 'btx_' || lpad(k::text, 26, '0'), ?, ?, 'bench-' || k, 'unmatched', 'DE89370400440532013000', ?, ?,
            CASE k % 20 WHEN 0 THEN ${GROSS(b)} / 2
                        WHEN 1 THEN ${GROSS(`${b} + 4`)}
                        WHEN 2 THEN ${GROSS(b)} + ${GROSS(`${b} + 1`)}
                        ELSE ${GROSS(b)} END,
            'EUR', 'credit',
            'KUNDE ' || ((CASE k % 20 WHEN 1 THEN ${b} + 4 ELSE ${b} END - 1) / ${INVOICES_PER_CONTACT} + 1),
            'DE' || lpad((k * 7)::text, 20, '0'),
            CASE k % 20 WHEN 0 THEN 'Anzahlung ' || ${NUMBER(b)}
                        WHEN 1 THEN 'Vielen Dank fuer die Lieferung'
                        WHEN 2 THEN 'Rechnungen ' || ${NUMBER(b)} || ' und ' || ${NUMBER(`${b} + 1`)}
                        -- a third typed the way people type: no separators, no leading zeros
                        ELSE CASE k % 3 WHEN 0 THEN 'RE2026 ' || (${b} + 1) || ' Kd ' || k
                                        ELSE 'Rechnung ' || ${NUMBER(b)} || ' vom 01.03.2026' END END,
            'NOTPROVIDED'
       FROM generate_series(1, ?) k`,
    [organizationId, statementId, BOOKED, BOOKED, options.lines],
  );
  await db.raw('VACUUM ANALYZE');

  // what the baseline stages: the numbers and amounts of the same lines (two rows for a two-invoice line)
  const { rows } = await db.raw<{ rows: { number: string | null; amount: number }[] }>(
    `SELECT CASE WHEN k % 20 = 1 THEN NULL ELSE ${NUMBER(b)} END AS number,
            CASE k % 20 WHEN 0 THEN ${GROSS(b)} / 2 WHEN 1 THEN ${GROSS(`${b} + 4`)} ELSE ${GROSS(b)} END AS amount
       FROM generate_series(1, ?) k
     UNION ALL
     SELECT ${NUMBER(`${b} + 1`)}, ${GROSS(`${b} + 1`)} FROM generate_series(1, ?) k WHERE k % 20 = 2`,
    [options.lines, options.lines],
  );
  return {
    statementId,
    staging: { numbers: rows.map((r) => r.number), amounts: rows.map((r) => r.amount) },
  };
}

/**
 * The raw baseline: the (number, amount) pairs loaded into a staging table and one set-based UPDATE paying the
 * invoices they name — no matching, no payments, allocations, events or audit. Rolled back (then the table
 * vacuumed), so the reconciliation run starts from the same invoices.
 */
async function baseline(
  db: Db,
  organizationId: string,
  staging: { numbers: (string | null)[]; amounts: number[] },
): Promise<{ seconds: number; updated: number }> {
  let seconds = 0;
  let updated = 0;
  const rollback = new Error('rollback');
  await db
    .transaction(async (trx) => {
      const started = performance.now();
      await trx.raw('CREATE TEMP TABLE staging (number text, amount bigint) ON COMMIT DROP');
      await trx.raw('INSERT INTO staging SELECT * FROM unnest(?::text[], ?::bigint[])', [
        staging.numbers as string[],
        staging.amounts,
      ]);
      await trx.raw('ANALYZE staging');
      const result = await trx.raw(
        `UPDATE documents d
            SET amount_paid = d.amount_paid + s.amount,
                status = CASE WHEN d.amount_paid + s.amount >= d.amount_due THEN 'paid' ELSE 'partially_paid' END,
                paid_at = CASE WHEN d.amount_paid + s.amount >= d.amount_due THEN now() END,
                version = d.version + 1, updated_at = now()
           FROM staging s
          WHERE d.organization_id = ? AND d.type = 'invoice' AND d.number = s.number`,
        [organizationId],
      );
      seconds = (performance.now() - started) / 1000;
      updated = result.rowCount;
      throw rollback;
    })
    .catch((error) => {
      if (error !== rollback) throw error;
    });
  await db.raw('VACUUM ANALYZE documents');
  return { seconds, updated };
}

async function commits(db: Db): Promise<number> {
  await db.raw('SELECT pg_stat_clear_snapshot()');
  await new Promise((resolve) => setTimeout(resolve, 600));
  const { rows } = await db.raw<{ rows: { n: string }[] }>(
    'SELECT xact_commit AS n FROM pg_stat_database WHERE datname = current_database()',
  );
  return Number(rows[0]!.n);
}

/** What the run must have left: every named exact invoice paid, the books balanced, nothing booked twice. */
async function check(db: Db, organizationId: string) {
  const { rows } = await db.raw<{ rows: Record<string, string>[] }>(
    `SELECT
       (SELECT count(*) FROM payments WHERE organization_id = :org) AS payments,
       (SELECT count(*) FROM payment_allocations WHERE organization_id = :org) AS allocations,
       (SELECT count(*) FROM documents WHERE organization_id = :org AND status = 'paid') AS paid,
       (SELECT count(*) FROM bank_transactions WHERE organization_id = :org AND status = 'matched') AS matched,
       (SELECT count(*) FROM bank_transactions WHERE organization_id = :org AND status = 'suggested') AS suggested,
       (SELECT count(*) FROM events WHERE organization_id = :org) AS events,
       (SELECT count(*) FROM audit_log WHERE organization_id = :org) AS audit,
       (SELECT count(*) FROM audit_log WHERE organization_id = :org AND seq IS NULL) AS unsealed,
       (SELECT sum(length(data::text)) FROM events WHERE organization_id = :org) AS event_bytes,
       (SELECT sum(coalesce(length(before::text), 0) + coalesce(length(after::text), 0)) FROM audit_log
         WHERE organization_id = :org) AS audit_bytes,
       (SELECT count(*) FROM documents d
          LEFT JOIN (SELECT document_id, sum(amount) AS s FROM payment_allocations
                      WHERE organization_id = :org GROUP BY 1) a ON a.document_id = d.id
         WHERE d.organization_id = :org AND d.amount_paid <> coalesce(a.s, 0)) AS unbalanced,
       (SELECT count(*) FROM payments p
          LEFT JOIN (SELECT source_payment_id, sum(amount) AS s FROM payment_allocations
                      WHERE organization_id = :org GROUP BY 1) a ON a.source_payment_id = p.id
         WHERE p.organization_id = :org AND p.amount_allocated <> coalesce(a.s, 0)) AS split`,
    { org: organizationId } as never,
  );
  return Object.fromEntries(Object.entries(rows[0]!).map(([k, v]) => [k, Number(v)]));
}

export async function run(args: string[]): Promise<boolean> {
  const { values } = parseArgs({
    args,
    options: {
      lines: { type: 'string', default: '100000' },
      invoices: { type: 'string', default: '1000000' },
      'no-seal': { type: 'boolean', default: false },
      'cpu-prof': { type: 'boolean', default: false },
      statements: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return true;
  }
  const lines = Number(values.lines);
  const invoiceCount = Number(values.invoices);
  if (!Number.isInteger(lines) || lines < 20) throw new Error('--lines must be an integer ≥ 20');
  if (!Number.isInteger(invoiceCount) || invoiceCount < lines * 6)
    throw new Error('--invoices must be at least 6 × --lines');
  const log = (line: string) => process.stderr.write(`${line}\n`);

  log('starting PostgreSQL…');
  const database = await startBenchDatabase({ poolMax: 4 });
  try {
    const clock = fixedClock(`${BOOKED}T18:00:00Z`);
    const { organization } = await organizations.create(database.db, clock, { legalName: 'Benchmark GmbH' });
    const ctx = systemContext(database.db, organization.id, clock, 'bench');
    await organizations.update(ctx, {
      address: { line1: 'Friedrichstraße 1', postalCode: '10117', city: 'Berlin', country: 'DE' },
      vatId: 'DE136695976',
      bankAccount: { iban: 'DE89370400440532013000', bic: 'COBADEFFXXX' },
      // a million invoices a year need seven digits
      numberFormats: { invoice: 'RE-{YYYY}-{SEQ:7}' },
    });
    log(
      `seeding ${formatInt(invoiceCount)} finalized invoices and a statement of ${formatInt(lines)} lines with set-based SQL…`,
    );
    let t0 = performance.now();
    const { statementId, staging } = await seed(database.db, organization.id, {
      lines,
      invoices: invoiceCount,
    });
    log(`  seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    log('baseline: staging table of (number, amount) and one UPDATE documents … FROM staging (rolled back)…');
    const base = await baseline(database.db, organization.id, staging);
    log(`  ${base.seconds.toFixed(2)} s, ${formatInt(base.updated)} invoices updated`);

    const drainSeals = values['no-seal'] ? null : audit.autoSeal(database.db);
    let session: Session | null = null;
    if (values['cpu-prof']) {
      session = new Session();
      session.connect();
      await session.post('Profiler.enable');
      await session.post('Profiler.start');
    }
    // client-side wall time per statement kind (it includes waiting for the event loop, e.g. behind the sealer)
    const statements = new Map<string, { n: number; ms: number }>();
    let recording = true;
    if (values.statements) {
      const started = new Map<string, number>();
      database.db.on('query', (q: { __knexQueryUid: string }) =>
        started.set(q.__knexQueryUid, performance.now()),
      );
      database.db.on('query-response', (_r: unknown, q: { __knexQueryUid: string; sql: string }) => {
        if (!recording) return;
        const key = q.sql.replace(/\s+/g, ' ').trim().slice(0, 80);
        const entry = statements.get(key) ?? { n: 0, ms: 0 };
        entry.n += 1;
        entry.ms += performance.now() - (started.get(q.__knexQueryUid) ?? performance.now());
        started.delete(q.__knexQueryUid);
        statements.set(key, entry);
      });
    }
    log('reconciliation.reconcile over the statement…');
    const commitsBefore = await commits(database.db);
    const pgBefore = database.cpuSeconds();
    const cpuBefore = process.cpuUsage();
    t0 = performance.now();
    const summary = await reconciliation.reconcile(ctx, { statementId });
    const seconds = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    const pgSeconds = (database.cpuSeconds() ?? Number.NaN) - (pgBefore ?? Number.NaN);
    let sealSeconds: number | null = null;
    if (drainSeals) {
      await drainSeals();
      sealSeconds = (performance.now() - t0) / 1000;
    }
    let profileFile: string | null = null;
    if (session) {
      const { profile } = await session.post('Profiler.stop');
      session.disconnect();
      profileFile = join(outputDir('reconciliation'), 'run.cpuprofile');
      writeFileSync(profileFile, JSON.stringify(profile));
    }
    recording = false;
    const runCommits = (await commits(database.db)) - commitsBefore;
    const found = await check(database.db, organization.id);

    // by construction: k % 20 = 2 pays two invoices, 0 is a partial (suggested), 1 has no number
    const twoInvoice = Math.floor((lines + 18) / 20);
    const partial = Math.floor(lines / 20);
    const noNumber = Math.floor((lines + 19) / 20);
    const exact = lines - partial - noNumber;
    const expectedPaid = exact + twoInvoice;
    const problems = [
      summary.applied !== exact && `applied ${summary.applied}, expected ${exact}`,
      found.payments !== exact && `${found.payments} payments, expected ${exact}`,
      found.paid !== expectedPaid && `${found.paid} invoices paid, expected ${expectedPaid}`,
      found.unbalanced > 0 && `${found.unbalanced} invoices whose amount paid differs from their allocations`,
      found.split > 0 && `${found.split} payments whose allocated amount differs from their allocations`,
      summary.examined !== lines && `examined ${summary.examined}, expected ${lines}`,
      summary.suggested < partial &&
        `suggested ${summary.suggested}, expected at least the ${partial} partials`,
    ].filter(Boolean);
    if (problems.length > 0) throw new Error(`the run is wrong: ${problems.join('; ')}`);

    const linesPerSecond = lines / seconds;
    const baseLinesPerSecond = lines / base.seconds;
    const ratio = linesPerSecond / baseLinesPerSecond;
    const targets: Target[] = [
      atMost(`${formatInt(lines)} lines in ≤ ${TARGET_SECONDS} s`, seconds, TARGET_SECONDS),
      atLeast(`≥ ${TARGET_RATIO}× the baseline's lines/s`, ratio, TARGET_RATIO),
    ];
    console.log(`\n## reconciliation — ${new Date().toISOString().slice(0, 10)}, ${machineDescription()}\n`);
    console.log(
      markdownTable(
        ['measure', 'reconcile', 'raw baseline (staging + UPDATE … FROM)'],
        [
          ['statement lines / open invoices', `${formatInt(lines)} / ${formatInt(invoiceCount)}`, 'same'],
          ['seconds', seconds.toFixed(2), base.seconds.toFixed(2)],
          ['lines/s', formatInt(linesPerSecond), formatInt(baseLinesPerSecond)],
          ['lines/s ÷ baseline lines/s', formatRatio(ratio), '1.000×'],
          [
            'applied / suggested / unmatched',
            `${formatInt(summary.applied)} / ${formatInt(summary.suggested)} / ${formatInt(summary.unmatched)}`,
            '—',
          ],
          ['invoices paid', formatInt(found.paid), `${formatInt(base.updated)} updated (incl. partials)`],
          [
            'payments / allocations written',
            `${formatInt(found.payments)} / ${formatInt(found.allocations)}`,
            '—',
          ],
          ['events / audit entries written', `${formatInt(found.events)} / ${formatInt(found.audit)}`, '—'],
          [
            'JSON per line: events + audit (text)',
            `${formatInt(found.event_bytes! / lines)} + ${formatInt(found.audit_bytes! / lines)} bytes`,
            '—',
          ],
          ['commits', formatInt(runCommits), '0 (rolled back)'],
          ['Node CPU seconds (domain, pg)', ((cpu.user + cpu.system) / 1e6).toFixed(2), '—'],
          ['PostgreSQL CPU seconds', Number.isNaN(pgSeconds) ? 'n/a' : pgSeconds.toFixed(2), '—'],
          [
            'audit chain sealed after',
            sealSeconds === null
              ? `not sealed (--no-seal; ${formatInt(found.unsealed)} entries wait)`
              : `${sealSeconds.toFixed(2)} s (${formatInt(found.unsealed)} left)`,
            '—',
          ],
        ],
      ),
    );
    for (const target of targets) console.log(`${target.pass ? 'PASS' : 'MISS'}  ${target.label}`);
    if (values.statements) {
      console.log('\nwall ms per statement kind (client side), busiest first:');
      for (const [sql, { n, ms }] of [...statements].sort((a, b) => b[1].ms - a[1].ms).slice(0, 20)) {
        console.log(`${formatInt(ms).padStart(8)} ms ${formatInt(n).padStart(6)}×  ${sql}`);
      }
    }
    if (profileFile) console.log(`\nCPU profile: ${profileFile}\n${summariseProfile(profileFile)}`);
    return targets.every((t) => t.pass);
  } finally {
    await database.stop();
  }
}
