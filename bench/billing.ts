import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Db } from '@fakturo/db';
import {
  type BillingRun,
  billingRuns,
  fixedClock,
  newId,
  organizations,
  systemContext,
  webhooks,
} from '@fakturo/domain';
import { createTaskList } from '@fakturo/worker';
import { Logger, run as runWorker } from 'graphile-worker';
import type { Knex } from 'knex';
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
 * One billing run over 100,000 monthly contracts (3 items each) through the real worker path — the plan job,
 * then batch jobs taken by graphile-worker, each batch one transaction — read against a raw baseline
 * measured in the same run: multi-row INSERTs of the same number and shape of invoice, line and event rows
 * into the same tables. Method and findings: docs/billing.md ("Performance") and BENCHMARKS.md ("billing").
 */

// Targets of issue 4, item 7.
const TARGET_SECONDS = 15;
const TARGET_RATIO = 0.4;

const USAGE = `usage: npm run bench -- billing [--contracts N] [--concurrency N] [--mode draft|finalize] [--cpu-prof]

  --contracts N     active monthly contracts to seed (default 100000), 3 items each, 4 per contact
  --concurrency N   batch jobs the worker runs at once (default 2: one per core)
  --mode M          the run's mode (default draft; finalize also numbers the invoices and freezes snapshots)
  --cpu-prof        record a CPU profile of the run (this process: worker and domain) and summarise it`;

const AS_OF = '2026-03-01';
const CONTRACTS_PER_CONTACT = 4;

/**
 * Seeds with set-based SQL (generate_series): contacts with an address, contracts starting on AS_OF (one
 * period due), and three items each — a per-unit price, a flat fee and graduated tiers, so the run prices
 * every kind of line, not only the cheap ones.
 */
async function seed(db: Db, organizationId: string, contracts: number): Promise<void> {
  const contacts = Math.ceil(contracts / CONTRACTS_PER_CONTACT);
  await db.raw(
    `INSERT INTO contacts (id, organization_id, kind, customer_number, company_name, display_name, billing_address, emails)
     SELECT 'con_' || lpad(i::text, 26, '0'), ?, 'company', 'K-' || lpad(i::text, 7, '0'), 'Kunde ' || i || ' GmbH',
            'Kunde ' || i || ' GmbH',
            '{"line1":"Musterstraße 1","postalCode":"10115","city":"Berlin","country":"DE"}'::jsonb,
            jsonb_build_array(jsonb_build_object('email', 'billing' || i || '@kunde.example', 'type', 'billing'))
       FROM generate_series(1, ?) i`,
    [organizationId, contacts],
  );
  await db.raw(
    `INSERT INTO contracts (id, organization_id, contact_id, status, currency, interval_months, timing, start_date)
     SELECT 'ctr_' || lpad(i::text, 26, '0'), ?, 'con_' || lpad(((i - 1) / ${CONTRACTS_PER_CONTACT} + 1)::text, 26, '0'),
            'active', 'EUR', 1, 'in_advance', ?::date
       FROM generate_series(1, ?) i`,
    [organizationId, AS_OF, contracts],
  );
  const items: [string, string, string, string][] = [
    ['1', 'Hosting', '3', '{"kind":"per_unit","unitAmount":"1250"}'],
    ['2', 'Grundgebühr', '1', '{"kind":"flat","amount":4900}'],
    [
      '3',
      'API-Aufrufe',
      '12000',
      '{"kind":"graduated","tiers":[{"upTo":10000,"unitAmount":"0.5"},{"upTo":null,"unitAmount":"0.35","flatAmount":100}]}',
    ],
  ];
  for (const [position, name, quantity, price] of items) {
    await db.raw(
      `INSERT INTO contract_items (id, organization_id, contract_id, position, name, quantity, unit_code, price_model)
       SELECT 'cti_' || lpad((i * 3 + ?)::text, 26, '0'), ?, 'ctr_' || lpad(i::text, 26, '0'), ?, ?, ?::numeric, 'C62', ?::jsonb
         FROM generate_series(1, ?) i`,
      [Number(position), organizationId, Number(position), name, quantity, price, contracts],
    );
  }
  await db.raw('ANALYZE');
}

async function commits(db: Db): Promise<number> {
  const { rows } = await db.raw<{ rows: { n: string }[] }>(
    'SELECT xact_commit AS n FROM pg_stat_database WHERE datname = current_database()',
  );
  return Number(rows[0]!.n);
}

/** The stats collector publishes counters lazily; read them after a moment so the figure is complete. */
async function settledCommits(db: Db): Promise<number> {
  await db.raw('SELECT pg_stat_clear_snapshot()');
  await new Promise((resolve) => setTimeout(resolve, 600));
  return commits(db);
}

async function rowCounts(db: Db, runId: string) {
  const [{ documents }] = await db('documents').where('billing_run_id', runId).count({ documents: '*' });
  const [{ lines }] = await db('document_lines as l')
    .join('documents as d', 'd.id', 'l.document_id')
    .where('d.billing_run_id', runId)
    .count({ lines: '*' });
  const [{ events }] = await db('events').where('type', 'invoice.created').count({ events: '*' });
  const [{ periods }] = await db('billed_periods').where('billing_run_id', runId).count({ periods: '*' });
  return {
    documents: Number(documents),
    lines: Number(lines),
    events: Number(events),
    periods: Number(periods),
  };
}

/**
 * The raw baseline: the same number of documents, lines and events, shaped like the run's (the same columns,
 * values of the same size), written by multi-row INSERT … VALUES in transactions of BATCH_SIZE invoices, on
 * as many connections as the worker runs batches. No reading, no pricing, no tax, no guard — the floor of
 * what writing these rows costs here.
 */
async function baseline(
  db: Db,
  organizationId: string,
  sample: {
    document: Record<string, unknown>;
    lines: Record<string, unknown>[];
    event: Record<string, unknown>;
  },
  invoices: number,
  concurrency: number,
  style: 'values' | 'json',
): Promise<{ seconds: number; rows: number; commits: number }> {
  const documentColumns = Object.keys(sample.document);
  const lineColumns = Object.keys(sample.lines[0]!);
  const eventColumns = Object.keys(sample.event);
  const contactIds: string[] = await db('contacts')
    .where('organization_id', organizationId)
    .orderBy('id')
    .pluck('id');
  const jsonColumns = new Set(['tax_breakdown', 'data', 'seller', 'buyer', 'payment_means']);
  const values = (row: Record<string, unknown>, columns: string[]) =>
    columns.map((c) => {
      const v = row[c];
      return (jsonColumns.has(c) && v !== null && v !== undefined ? JSON.stringify(v) : v) as Knex.Value;
    });
  // `values`: INSERT … VALUES (…), (…) with one parameter per value; `json`: the rows as one JSON parameter,
  // INSERT … SELECT FROM json_populate_recordset (what the run does, without anything else)
  const statement = (table: string, columns: string[], rows: Record<string, unknown>[]) => {
    const list = columns.join(', ');
    if (style === 'json') {
      return db.raw(
        `INSERT INTO ${table} (${list}) SELECT ${list} FROM json_populate_recordset(NULL::${table}, ?::json)`,
        [JSON.stringify(rows)],
      );
    }
    const placeholders = rows.map(() => `(${columns.map(() => '?').join(', ')})`).join(', ');
    return db.raw(
      `INSERT INTO ${table} (${list}) VALUES ${placeholders}`,
      rows.flatMap((r) => values(r, columns)),
    );
  };
  const batches = Math.ceil(invoices / billingRuns.BATCH_SIZE);
  let next = 0;
  const before = await settledCommits(db);
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let b = next++; b < batches; b = next++) {
        const count = Math.min(billingRuns.BATCH_SIZE, invoices - b * billingRuns.BATCH_SIZE);
        const documents: Record<string, unknown>[] = [];
        const lines: Record<string, unknown>[] = [];
        const events: Record<string, unknown>[] = [];
        for (let i = 0; i < count; i++) {
          const id = newId('document');
          documents.push({
            ...sample.document,
            id,
            contact_id: contactIds[(b * billingRuns.BATCH_SIZE + i) % contactIds.length],
            billing_run_id: 'baseline',
          });
          for (const line of sample.lines)
            lines.push({ ...line, id: newId('documentLine'), document_id: id });
          events.push({ ...sample.event, id: newId('event'), resource_id: id, type: 'baseline.created' });
        }
        await db.transaction(async (trx) => {
          await statement('documents', documentColumns, documents).transacting(trx);
          for (let i = 0; i < lines.length; i += 1000) {
            await statement('document_lines', lineColumns, lines.slice(i, i + 1000)).transacting(trx);
          }
          await statement('events', eventColumns, events).transacting(trx);
        });
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const after = await settledCommits(db);
  // Emptied with TRUNCATE (nothing but baseline rows and set-up events are there yet): a row-by-row DELETE of
  // 100,000 documents checks the unindexed self-references of documents (preceding_document_id,
  // cancelled_by_document_id) once per row, minutes of work that measure nothing.
  await db.raw('TRUNCATE documents, document_lines, events CASCADE');
  await db.raw('VACUUM ANALYZE documents, document_lines, events');
  return { seconds, rows: invoices * (2 + sample.lines.length), commits: after - before };
}

export async function run(args: string[]): Promise<boolean> {
  const { values } = parseArgs({
    args,
    options: {
      contracts: { type: 'string', default: '100000' },
      concurrency: { type: 'string', default: '2' },
      mode: { type: 'string', default: 'draft' },
      'cpu-prof': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return true;
  }
  const contracts = Number(values.contracts);
  const concurrency = Number(values.concurrency);
  if (!Number.isInteger(contracts) || contracts < 1)
    throw new Error('--contracts must be a positive integer');
  if (!Number.isInteger(concurrency) || concurrency < 1)
    throw new Error('--concurrency must be a positive integer');
  const mode = values.mode as 'draft' | 'finalize';
  if (mode !== 'draft' && mode !== 'finalize') throw new Error('--mode must be draft or finalize');
  const log = (line: string) => process.stderr.write(`${line}\n`);

  log('starting PostgreSQL…');
  const database = await startBenchDatabase({ poolMax: concurrency + 4 });
  const sender = webhooks.createSender({ policy: webhooks.ssrf.policyFromEnv() });
  try {
    const clock = fixedClock(`${AS_OF}T08:00:00Z`);
    const { organization } = await organizations.create(database.db, clock, { legalName: 'Benchmark GmbH' });
    const ctx = systemContext(database.db, organization.id, clock, 'bench');
    await organizations.update(ctx, {
      address: { line1: 'Friedrichstraße 1', postalCode: '10117', city: 'Berlin', country: 'DE' },
      vatId: 'DE136695976',
      bankAccount: { iban: 'DE89370400440532013000', bic: 'COBADEFFXXX' },
    });
    log(`seeding ${formatInt(contracts)} contracts (3 items each) with set-based SQL…`);
    let t0 = performance.now();
    await seed(database.db, organization.id, contracts);
    log(`  seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    // The baseline's rows copy the shape of the run's: one invoice of a dry run over a few contracts.
    const preview = (await billingRuns.start(ctx, {
      asOf: AS_OF,
      dryRun: true,
      contractIds: [`ctr_${'1'.padStart(26, '0')}`],
    })) as Awaited<ReturnType<typeof billingRuns.start>> & { invoices: { lines: unknown[] }[] };
    if (!('dryRun' in preview) || preview.invoices.length !== 1)
      throw new Error('the preview should bill one invoice');
    const now = clock.now();
    const invoice = preview.invoices[0] as unknown as {
      lineNetTotal: number;
      taxTotal: number;
      grossTotal: number;
      taxBreakdown: unknown;
      lines: {
        name: string;
        quantity: string;
        unitAmount: string;
        netAmount: number;
        taxCategory: string;
        taxRate: string;
        contractId: string;
        contractItemId: string;
      }[];
    };
    const document = {
      id: '',
      organization_id: organization.id,
      contact_id: '',
      type: 'invoice',
      status: 'draft',
      number: null,
      created_at: now,
      type_code: '380',
      issue_date: AS_OF,
      service_period_start: AS_OF,
      service_period_end: '2026-03-31',
      due_date: '2026-03-15',
      currency: 'EUR',
      language: 'de',
      line_net_total: invoice.lineNetTotal,
      tax_basis_total: invoice.lineNetTotal,
      tax_total: invoice.taxTotal,
      gross_total: invoice.grossTotal,
      amount_due: invoice.grossTotal,
      tax_breakdown: invoice.taxBreakdown,
      billing_run_id: '',
      collective: false,
      updated_at: now,
    };
    const lines = invoice.lines.map((l, i) => ({
      id: '',
      organization_id: organization.id,
      document_id: '',
      position: i + 1,
      contract_id: l.contractId,
      contract_item_id: l.contractItemId,
      name: l.name,
      quantity: l.quantity,
      unit_code: 'C62',
      unit_amount: l.unitAmount,
      net_amount: l.netAmount,
      tax_category: l.taxCategory,
      tax_rate: l.taxRate,
      period_start: AS_OF,
      period_end: '2026-03-31',
    }));
    const event = {
      id: '',
      organization_id: organization.id,
      type: 'invoice.created',
      resource_type: 'invoice',
      resource_id: '',
      // the run's own invoice.created payload (billing-runs/service.invoiceObject): head, totals, three lines
      data: {
        object: billingRuns.invoiceObject(
          { ...document, id: newId('document') },
          lines.map((l) => ({ ...l, id: newId('documentLine') })),
          'draft',
        ),
      },
      request_id: null,
      created_at: now,
    };

    log(
      `baseline: multi-row INSERTs of ${formatInt(contracts)} invoices, ${formatInt(contracts * lines.length)} lines and ${formatInt(contracts)} events…`,
    );
    const bases = {
      values: await baseline(
        database.db,
        organization.id,
        { document, lines, event },
        contracts,
        concurrency,
        'values',
      ),
    };
    log(
      `  INSERT … VALUES: ${bases.values.seconds.toFixed(2)} s, ${formatInt(bases.values.rows / bases.values.seconds)} rows/s`,
    );
    const json = await baseline(
      database.db,
      organization.id,
      { document, lines, event },
      contracts,
      concurrency,
      'json',
    );
    log(
      `  INSERT … SELECT FROM json_populate_recordset: ${json.seconds.toFixed(2)} s, ${formatInt(json.rows / json.seconds)} rows/s`,
    );
    // the ratio is taken against the faster of the two: the floor of writing these rows here
    const base = json.seconds < bases.values.seconds ? json : bases.values;

    log(`billing run (${mode}) through the worker, ${concurrency} batch jobs at once…`);
    const worker = await runWorker({
      connectionString: database.url,
      concurrency,
      noHandleSignals: true,
      pollInterval: 1000,
      taskList: createTaskList(database.db, { clock, webhookSender: sender }),
      logger: new Logger(() => () => {}),
    });
    let session: Session | null = null;
    if (values['cpu-prof']) {
      session = new Session();
      session.connect();
      await session.post('Profiler.enable');
      await session.post('Profiler.start');
    }
    const before = await settledCommits(database.db);
    const cpuBefore = process.cpuUsage();
    t0 = performance.now();
    const started = (await billingRuns.start(ctx, { asOf: AS_OF, mode })) as BillingRun;
    let current = started;
    let polls = 0;
    while (!['completed', 'failed', 'cancelled'].includes(current.status)) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      current = await billingRuns.get(ctx, started.id);
      polls += 1;
    }
    const seconds = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    const nodeCpuSeconds = (cpu.user + cpu.system) / 1e6;
    let profileFile: string | null = null;
    if (session) {
      const { profile } = await session.post('Profiler.stop');
      session.disconnect();
      profileFile = join(outputDir('billing'), 'run.cpuprofile');
      writeFileSync(profileFile, JSON.stringify(profile));
    }
    await worker.stop();
    // the bench's own progress polls are single-statement transactions too; they are not the run's
    const runCommits = (await settledCommits(database.db)) - before - polls;
    const counts = await rowCounts(database.db, started.id);
    if (current.status !== 'completed' || current.failed > 0 || counts.documents !== contracts) {
      throw new Error(
        `the run did not bill every contract: ${JSON.stringify({ status: current.status, failed: current.failed, errors: current.errors.slice(0, 3), counts })}`,
      );
    }
    const runRows = counts.documents + counts.lines + counts.events;
    const ratio = runRows / seconds / (base.rows / base.seconds);
    const targets: Target[] = [
      atMost(`run ≤ ${TARGET_SECONDS} s`, seconds, TARGET_SECONDS),
      atLeast(`≥ ${TARGET_RATIO}× baseline rows/s`, ratio, TARGET_RATIO),
    ];
    console.log(`\n## billing — ${new Date().toISOString().slice(0, 10)}, ${machineDescription()}\n`);
    console.log(
      markdownTable(
        [
          'measure',
          'billing run',
          `raw baseline (${base === json ? 'json_populate_recordset' : 'VALUES'}, the faster)`,
        ],
        [
          ['contracts', formatInt(contracts), '—'],
          [
            'invoices / lines / events',
            `${formatInt(counts.documents)} / ${formatInt(counts.lines)} / ${formatInt(counts.events)}`,
            `${formatInt(contracts)} / ${formatInt(contracts * lines.length)} / ${formatInt(contracts)}`,
          ],
          ['billed-period keys', formatInt(counts.periods), '—'],
          ['seconds', seconds.toFixed(2), base.seconds.toFixed(2)],
          ['contracts/s', formatInt(contracts / seconds), '—'],
          [
            'rows/s (invoices + lines + events)',
            formatInt(runRows / seconds),
            formatInt(base.rows / base.seconds),
          ],
          ['run rows/s ÷ baseline rows/s', formatRatio(ratio), '1.000×'],
          ['commits', formatInt(runCommits), formatInt(base.commits)],
          [
            'other baseline rows/s',
            '—',
            `${formatInt(base === json ? bases.values.rows / bases.values.seconds : json.rows / json.seconds)} (${base === json ? 'VALUES' : 'json_populate_recordset'})`,
          ],
          [
            'batches',
            formatInt(current.batchesTotal),
            formatInt(Math.ceil(contracts / billingRuns.BATCH_SIZE)),
          ],
          ['Node CPU seconds (worker and domain)', nodeCpuSeconds.toFixed(2), '—'],
        ],
      ),
    );
    console.log(
      `\nmode ${mode}, ${concurrency} batch jobs at once, batches of ${billingRuns.BATCH_SIZE} contracts`,
    );
    for (const target of targets) console.log(`${target.pass ? 'PASS' : 'MISS'}  ${target.label}`);
    if (profileFile) console.log(`\nCPU profile: ${profileFile}\n${summariseProfile(profileFile)}`);
    return targets.every((t) => t.pass);
  } finally {
    await sender.close();
    await database.stop();
  }
}
