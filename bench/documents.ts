import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { connect, type Db } from '@fakturo/db';
import {
  type Contact,
  type Ctx,
  contacts,
  documentService,
  documents,
  fixedClock,
  invoices,
  jobs,
  organizations,
  systemContext,
} from '@fakturo/domain';
import { createTaskList } from '@fakturo/worker';
import { Logger, run as runWorker } from 'graphile-worker';
import PDFDocument from 'pdfkit';
import { create as createXml } from 'xmlbuilder2';
import {
  atLeast,
  formatInt,
  formatRatio,
  inChildProcess,
  machineDescription,
  markdownTable,
  outputDir,
  ownCpuSeconds,
  type Started,
  startBenchDatabase,
  summariseProfile,
  type Target,
} from './lib';

/**
 * PDFs/s and e-invoice XMLs/s rendered by the worker's `documents_render` task for N finalized invoices
 * (issue 5, item 9), each read against a raw baseline measured in the same run on the same processes:
 * PDFKit writing the same text with the same embedded font but none of our layout, and xmlbuilder2
 * serialising the e-invoice library's object tree alone. See BENCHMARKS.md ("documents").
 *
 * The jobs are queued as a finalizing billing run queues them (`jobs.renderJobs`: batch jobs of
 * `jobs.RENDER_BATCH_SIZE` documents); a diagnostic row renders the XMLs again with one job per document,
 * as a single finalize queues it, to show what the batching is worth on the same machine in the same run.
 */

// Targets of issue 5, item 9 (2 cores).
const TARGET_PDFS_PER_SECOND = 30;
const TARGET_XMLS_PER_SECOND = 300;

const USAGE = `usage: npm run bench -- documents [--invoices N] [--workers N] [--concurrency N]

  --invoices N      finalized invoices to render (default 1000), 2–4 lines each, 3 buyers
  --workers N       worker processes (default 2: one per core; rendering is CPU work in JavaScript)
  --concurrency N   jobs each worker process runs at once (default 2: one renders while one waits on SQL)
  --no-per-document skip the diagnostic row (XMLs again, one job per document as a single finalize queues)
  --cpu-prof        record a CPU profile of the first worker process in each phase and summarise it`;

const ISSUED_AT = '2026-11-27T09:30:00Z';
const silent = new Logger(() => () => {});

// ——— seeding: real drafts finalized through the domain ———

const SELLER = {
  legalName: 'Nordlicht Software GmbH',
  address: { line1: 'Hafenstraße 12', postalCode: '20457', city: 'Hamburg', country: 'DE' },
  vatId: 'DE136695976',
  taxNumber: '22/815/08154',
  email: 'rechnung@nordlicht.example',
  phone: '+49 40 1234567',
  website: 'https://nordlicht.example',
  bankAccount: { iban: 'DE89370400440532013000', bic: 'COBADEFFXXX', bankName: 'Commerzbank' },
  branding: { primaryColor: '#1F4E79', footerText: 'Geschäftsführerin: Jana Berger' },
};

const BUYERS = [
  {
    companyName: 'Bäckerei Müller & Söhne KG',
    city: 'München',
    postalCode: '80331',
    country: 'DE',
    vatId: 'DE129273398',
    language: 'de',
  },
  {
    companyName: 'Alpenblick Consulting GmbH',
    city: 'Wien',
    postalCode: '1060',
    country: 'AT',
    vatId: 'ATU13585627',
    language: 'de',
  },
  {
    companyName: 'Harbour Analytics Ltd',
    city: 'Dublin',
    postalCode: 'D02 X285',
    country: 'IE',
    vatId: null,
    language: 'en',
  },
];

/** Lines that differ per invoice (quantities, prices, periods), so no two documents are laid out alike. */
function linesFor(i: number) {
  const month = String((i % 12) + 1).padStart(2, '0');
  const lines = [
    {
      name: 'Software-Lizenz Fakturo Pro',
      description: `Monatliche Nutzung, ${(i % 9) + 1} Benutzer`,
      quantity: String((i % 9) + 1),
      unitCode: 'C62',
      unitAmount: 4900,
      period: { start: `2026-${month}-01`, end: `2026-${month}-28` },
    },
    {
      name: 'Beratung Einführung',
      quantity: `${(i % 7) + 1}.5`,
      unitCode: 'HUR',
      unitAmount: 12000 + (i % 5) * 500,
      discountPercent: i % 3 === 0 ? '10' : null,
    },
  ];
  if (i % 2 === 0)
    lines.push({
      name: 'Fachbuch „Rechnungswesen kompakt“',
      quantity: '2',
      unitCode: 'C62',
      unitAmount: 2990,
      taxRateKind: 'reduced',
      supplyKind: 'goods',
    } as never);
  if (i % 5 === 0)
    lines.push({
      name: 'Schulung vor Ort',
      description: 'inkl. Anfahrt',
      quantity: '1',
      unitCode: 'DAY',
      unitAmount: 89000,
    } as never);
  return lines;
}

async function seed(db: Db, count: number): Promise<{ ctx: Ctx; ids: string[] }> {
  const clock = fixedClock(ISSUED_AT);
  const { organization } = await organizations.create(db, clock, { legalName: SELLER.legalName });
  const ctx = systemContext(db, organization.id, clock, 'bench');
  await organizations.update(ctx, SELLER);
  const buyers: Contact[] = [];
  for (const [i, b] of BUYERS.entries()) {
    buyers.push(
      await contacts.create(ctx, {
        kind: 'company',
        companyName: b.companyName,
        billingAddress: {
          line1: `Lindenallee ${i + 5}`,
          postalCode: b.postalCode,
          city: b.city,
          country: b.country,
        },
        vatId: b.vatId,
        buyerReference: `04011000-1234${i}-34`,
        language: b.language,
        emails: [{ email: `einkauf${i}@kunde.example`, type: 'billing' }],
      }),
    );
  }
  const ids: string[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      for (let i = next++; i < count; i = next++) {
        const draft = await invoices.create(ctx, {
          contactId: buyers[i % buyers.length]!.id,
          lines: linesFor(i) as never,
        });
        ids.push((await invoices.finalize(ctx, draft.id)).id);
      }
    }),
  );
  // finalize queued a render job per invoice; the benchmark queues its own, phase by phase, as billing runs do
  await db.raw(
    `DELETE FROM graphile_worker._private_jobs WHERE task_id IN
       (SELECT id FROM graphile_worker._private_tasks WHERE identifier = 'documents_render')`,
  );
  return { ctx, ids };
}

// ——— the system under test: worker processes running the real task ———

export async function startRenderWorker(input: { url: string; concurrency: number }): Promise<Started<null>> {
  const db = connect(input.url, { poolMax: input.concurrency + 2 });
  const tasks = createTaskList(db, {
    webhookSender: { send: () => Promise.reject(new Error('unused')), close: async () => {} },
  });
  const runner = await runWorker({
    connectionString: input.url,
    concurrency: input.concurrency,
    noHandleSignals: true,
    pollInterval: 200,
    taskList: { documents_render: tasks.documents_render! },
    logger: silent,
  });
  return {
    info: null,
    stop: async () => {
      await runner.stop();
      await db.destroy();
    },
  };
}

// ——— the raw baselines, run in the same number of processes ———

const require = createRequire(import.meta.url);
let font: Buffer | null = null;

/** PDFKit writing the document's text top to bottom, same font embedded and subset, none of our layout. */
function rawPdf(data: documents.DocumentData): Promise<Buffer> {
  font ??= readFileSync(require.resolve('@expo-google-fonts/inter/400Regular/Inter_400Regular.ttf'));
  const doc = new PDFDocument({ size: 'A4', margin: 50, font: null } as unknown as PDFKit.PDFDocumentOptions);
  doc.registerFont('regular', font);
  doc.font('regular').fontSize(9);
  const money = (n: number | string) => documents.formatAmount(n, data.currency, data.language);
  const text = [
    data.seller.legalName,
    `${data.seller.address.line1}, ${data.seller.address.postalCode} ${data.seller.address.city}`,
    data.buyer.name,
    `${data.buyer.address.line1}, ${data.buyer.address.postalCode} ${data.buyer.address.city}`,
    `${data.number} ${data.issueDate} ${data.dueDate ?? ''}`,
    ...data.lines.flatMap((l) => [
      l.name,
      l.description ?? '',
      `${l.quantity} × ${money(l.unitAmount)} = ${money(l.netAmount)} ${l.taxRate} %`,
    ]),
    ...data.totals.taxBreakdown.map((r) => `${r.category} ${r.rate} % ${money(r.basis)} ${money(r.tax)}`),
    money(data.totals.grossTotal),
    data.paymentTerms ?? '',
    ...data.notes,
  ];
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
  });
  for (const line of text) doc.text(line);
  doc.end();
  return done;
}

/** The e-invoice library's object tree (our mapping, done beforehand) serialised by xmlbuilder2, as it does. */
function rawXml(tree: Record<string, unknown>): string {
  return createXml({ version: '1.0', encoding: 'utf-8' }, tree as never).end({ prettyPrint: true });
}

export async function startBaseline(input: {
  url: string;
  organizationId: string;
  ids: string[];
  kind: 'pdf' | 'xml';
}) {
  const db = connect(input.url, { poolMax: 2 });
  const ctx = systemContext(db, input.organizationId, fixedClock(ISSUED_AT), 'bench');
  const data: documents.DocumentData[] = [];
  for (const id of input.ids) data.push(await documentService.issuedData(ctx, id));
  // the XML baseline serialises trees made beforehand: it is the serialisation alone that is the floor
  const trees = data.map((d) => documents.toInvoiceData(d) as unknown as Record<string, unknown>);
  await db.destroy();
  const cpu0 = ownCpuSeconds();
  const started = performance.now();
  let made = 0;
  if (input.kind === 'pdf') {
    for (const d of data) made += (await rawPdf(d)).length > 0 ? 1 : 0;
  } else {
    // two formats per invoice in the worker (CII and UBL): two serialisations here
    for (const tree of trees)
      made += rawXml(tree).length > 0 && rawXml(structuredClone(tree)).length > 0 ? 2 : 0;
  }
  const seconds = (performance.now() - started) / 1000;
  return { info: { made, seconds, cpu: ownCpuSeconds() - cpu0 }, stop: async () => {} };
}

// ——— measuring ———

async function countFiles(db: Db, kinds: string[]): Promise<number> {
  const [{ n }] = await db('document_files').whereIn('kind', kinds).count<{ n: string }[]>({ n: '*' });
  return Number(n);
}

/**
 * Queues the render jobs for `kinds` and waits until the worker processes have stored them all: `batch` as a
 * finalizing billing run queues them (`jobs.renderJobs`, the production path for many invoices), `single` one
 * job per invoice as a single finalize (or cancel) queues it.
 */
async function measureWorker(
  db: Db,
  ctx: Ctx,
  ids: readonly string[],
  kinds: ('pdf' | 'xrechnung-cii' | 'xrechnung-ubl')[],
  workers: Started<null>[],
  cpu: () => number | null,
  queued: 'batch' | 'single' = 'batch',
): Promise<{ seconds: number; files: number; postgresCpu: number | null; workerCpu: number; jobs: number }> {
  const expected = ids.length * kinds.length;
  const workerCpu = async () => {
    let total = 0;
    for (const w of workers) total += (await w.cpu!()).server ?? 0;
    return total;
  };
  // files stored before (the warm-up's) do not count towards this phase
  const before = await countFiles(db, kinds);
  const w0 = await workerCpu();
  const pg0 = cpu();
  const started = performance.now();
  const specs =
    queued === 'batch'
      ? jobs.renderJobs(ctx.organizationId, ids, { kinds })
      : ids.map((documentId) => ({
          task: 'documents_render' as const,
          payload: { organizationId: ctx.organizationId, documentId, kinds },
        }));
  await db.transaction((trx) => jobs.enqueueMany({ db: trx }, specs));
  for (;;) {
    const files = (await countFiles(db, kinds)) - before;
    if (files >= expected) break;
    const failed = await db.raw(
      `SELECT count(*)::int AS n FROM graphile_worker._private_jobs WHERE last_error IS NOT NULL`,
    );
    if (failed.rows[0].n > 0)
      throw new Error('render jobs failed; see graphile_worker._private_jobs.last_error');
    await new Promise((wait) => setTimeout(wait, 25));
  }
  const seconds = (performance.now() - started) / 1000;
  const pg1 = cpu();
  return {
    seconds,
    files: expected,
    postgresCpu: pg0 !== null && pg1 !== null ? pg1 - pg0 : null,
    workerCpu: (await workerCpu()) - w0,
    jobs: specs.length,
  };
}

async function measureBaseline(
  url: string,
  organizationId: string,
  ids: readonly string[],
  kind: 'pdf' | 'xml',
  processes: number,
): Promise<{ perSecond: number; made: number; seconds: number; cpu: number }> {
  const slices = Array.from({ length: processes }, (_, p) => ids.filter((_, i) => i % processes === p));
  const results = await Promise.all(
    slices.map((slice) =>
      inChildProcess<{ made: number; seconds: number; cpu: number }>(import.meta.url, 'startBaseline', {
        url,
        organizationId,
        ids: slice,
        kind,
      }),
    ),
  );
  for (const r of results) await r.stop();
  const made = results.reduce((s, r) => s + r.info.made, 0);
  // the processes run side by side: the slowest one is the wall time of the whole
  const seconds = Math.max(...results.map((r) => r.info.seconds));
  return { perSecond: made / seconds, made, seconds, cpu: results.reduce((s, r) => s + r.info.cpu, 0) };
}

export async function run(args: string[]): Promise<boolean> {
  const { values } = parseArgs({
    args,
    options: {
      invoices: { type: 'string', default: '1000' },
      workers: { type: 'string', default: '2' },
      concurrency: { type: 'string', default: '2' },
      'no-per-document': { type: 'boolean', default: false },
      'cpu-prof': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return true;
  }
  const count = Number(values.invoices);
  const processes = Number(values.workers);
  const concurrency = Number(values.concurrency);
  for (const [name, n] of [
    ['invoices', count],
    ['workers', processes],
    ['concurrency', concurrency],
  ] as const) {
    if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer`);
  }
  const log = (line: string) => process.stderr.write(`${line}\n`);

  log('starting PostgreSQL…');
  const database = await startBenchDatabase({ poolMax: 8 });
  const started: Started<null>[] = [];
  try {
    log(`seeding ${formatInt(count)} invoices: drafts finalized through the domain…`);
    const t0 = performance.now();
    const { ctx, ids } = await seed(database.db, count);
    log(`  seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    log(`starting ${processes} worker processes (concurrency ${concurrency} each)…`);
    for (let i = 0; i < processes; i++) {
      started.push(
        await inChildProcess<null>(import.meta.url, 'startRenderWorker', { url: database.url, concurrency }),
      );
    }
    // warm-up: the first job of each process loads fonts and compiles the e-invoice schemas (one job per
    // invoice, so every process gets one)
    await measureWorker(
      database.db,
      ctx,
      ids.slice(0, processes * 2),
      ['pdf', 'xrechnung-cii', 'xrechnung-ubl'],
      started,
      database.cpuSeconds,
      'single',
    );
    const rest = ids.slice(processes * 2);

    const profiled = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
      if (!values['cpu-prof']) return work();
      const file = `${outputDir('documents')}/worker-${name}.cpuprofile`;
      await started[0]!.profiler!.start();
      const result = await work();
      await started[0]!.profiler!.stop(file);
      log(`worker CPU profile (${name}): ${file}\n${summariseProfile(file, 15)}`);
      return result;
    };
    log('rendering PDFs…');
    const pdf = await profiled('pdf', () =>
      measureWorker(database.db, ctx, rest, ['pdf'], started, database.cpuSeconds),
    );
    log('rendering XRechnung CII and UBL…');
    const xml = await profiled('xml', () =>
      measureWorker(database.db, ctx, rest, ['xrechnung-cii', 'xrechnung-ubl'], started, database.cpuSeconds),
    );
    let xmlSingle: typeof xml | null = null;
    if (!values['no-per-document']) {
      log('rendering XRechnung CII and UBL again, one job per invoice (diagnostic)…');
      // a scratch database: the stored XMLs are removed (append-only guard switched off) to render them again
      await database.db.transaction(async (trx) => {
        await trx.raw('ALTER TABLE document_files DISABLE TRIGGER document_files_guard');
        await trx.raw(`DELETE FROM document_files WHERE kind IN ('xrechnung-cii', 'xrechnung-ubl')`);
        await trx.raw('ALTER TABLE document_files ENABLE TRIGGER document_files_guard');
      });
      await database.db.raw('VACUUM ANALYZE document_files');
      xmlSingle = await measureWorker(
        database.db,
        ctx,
        rest,
        ['xrechnung-cii', 'xrechnung-ubl'],
        started,
        database.cpuSeconds,
        'single',
      );
    }
    for (const s of started.splice(0)) await s.stop();

    log('baselines…');
    const rawPdfs = await measureBaseline(database.url, ctx.organizationId, rest, 'pdf', processes);
    const rawXmls = await measureBaseline(database.url, ctx.organizationId, rest, 'xml', processes);

    const pdfRate = pdf.files / pdf.seconds;
    const xmlRate = xml.files / xml.seconds;
    // CPU per file (worker processes + PostgreSQL): what the work costs whatever else the machine is doing;
    // 2 cores divided by it is the rate 2 idle cores would sustain
    const cpuMs = (m: { workerCpu: number; postgresCpu: number | null; files: number }) =>
      ((m.workerCpu + (m.postgresCpu ?? 0)) * 1000) / m.files;
    const row = (title: string, m: typeof pdf, rate: number, raw: typeof rawPdfs) => [
      title,
      formatInt(m.jobs),
      formatInt(m.files),
      m.seconds.toFixed(2),
      rate.toFixed(1),
      raw.perSecond.toFixed(1),
      formatRatio(rate / raw.perSecond),
      `${((m.workerCpu * 1000) / m.files).toFixed(1)} + ${(((m.postgresCpu ?? 0) * 1000) / m.files).toFixed(1)}`,
      ((raw.cpu * 1000) / raw.made).toFixed(1),
      (2000 / cpuMs(m)).toFixed(0),
    ];
    const table = markdownTable(
      [
        'what',
        'jobs',
        'files',
        'seconds',
        'files/s',
        'baseline files/s',
        'ratio',
        'CPU ms/file (worker + PG)',
        'baseline CPU ms/file',
        'files/s on 2 idle cores (CPU bound)',
      ],
      [
        row('PDF (worker task: load, render, store, hash)', pdf, pdfRate, rawPdfs),
        row('XRechnung CII + UBL (worker task)', xml, xmlRate, rawXmls),
        ...(xmlSingle
          ? [
              row(
                'diagnostic: XRechnung CII + UBL, one job per invoice',
                xmlSingle,
                xmlSingle.files / xmlSingle.seconds,
                rawXmls,
              ),
            ]
          : []),
      ],
    );
    const targets: Target[] = [
      atLeast('PDFs/s', pdfRate, TARGET_PDFS_PER_SECOND),
      atLeast('e-invoice XMLs/s', xmlRate, TARGET_XMLS_PER_SECOND),
    ];
    console.log(`\n## documents — ${new Date().toISOString().slice(0, 10)}\n\n${machineDescription()}\n`);
    console.log(
      `${formatInt(rest.length)} finalized invoices (2–4 lines, three buyers: DE, AT reverse charge, IE), ${processes} worker processes × concurrency ${concurrency}; jobs queued as a billing run queues them (batch jobs of ${jobs.RENDER_BATCH_SIZE} invoices).`,
    );
    console.log(
      'Baselines, in as many processes: PDFKit writing the same text (same font, embedded) without our layout; xmlbuilder2 serialising the e-invoice library’s object tree alone.\n',
    );
    console.log(table);
    console.log('');
    console.log(
      `targets: ≥ ${TARGET_PDFS_PER_SECOND} PDFs/s and ≥ ${TARGET_XMLS_PER_SECOND} XMLs/s on 2 cores`,
    );
    for (const target of targets) console.log(`${target.pass ? 'met   ' : 'MISSED'}  ${target.label}`);
    return targets.every((target) => target.pass);
  } finally {
    for (const s of started) await s.stop();
    await database.stop();
  }
}
