import { PerformanceObserver } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { audit, contacts, newId, organizations, systemClock, systemContext } from '@fakturo/domain';
import { contactInput } from './api';
import {
  type BenchDatabase,
  formatInt,
  formatRatio,
  machineDescription,
  markdownTable,
  ownCpuSeconds,
  startBenchDatabase,
} from './lib';

/**
 * The contact write path without HTTP: concurrent `contacts.create` calls in this process (the group commit,
 * each create's checks, its event and audit entry in one statement per batch, the sealer linking the entries
 * into the hash chain) against a raw baseline in the same run — the same contact and bank account rows, with
 * the same number of writers, as plain multi-row INSERTs of a batch's size, nothing else.
 *
 * A diagnostic for changes to that path (no target: issue 2's target is POST /v1/contacts in `api`). Beside
 * the rates it prints what moves less with this VM's speed than a rate does: the garbage collector's pauses and
 * the WAL written per create.
 */

const USAGE = `usage: npm run bench -- contacts [--creates N] [--writers N] [--rounds N]

  --creates N   creates per round (default 6000)
  --writers N   concurrent writers, like concurrent requests (default 50)
  --rounds N    measured rounds after one warm-up round (default 3)`;

/** Rows per statement of the baseline: about what one group-commit batch carries under 50 writers. */
const BASELINE_BATCH = 20;

interface Round {
  label: string;
  perSecond: number;
  nodeMs: number;
  postgresMs: number | null;
  gcMs: number;
  walBytes: number;
}

let gcPauseMs = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) gcPauseMs += entry.duration;
}).observe({ entryTypes: ['gc'] });

async function walPosition(database: BenchDatabase): Promise<string> {
  return (await database.db.raw<{ rows: { lsn: string }[] }>('SELECT pg_current_wal_lsn() AS lsn')).rows[0]!
    .lsn;
}

/** Runs `writers` loops sharing `total` units of work; measures this process, PostgreSQL, GC and WAL. */
async function measured(
  database: BenchDatabase,
  label: string,
  total: number,
  writers: number,
  unit: () => Promise<number>,
): Promise<Round> {
  const lsn = await walPosition(database);
  const gc = gcPauseMs;
  const postgres = database.cpuSeconds();
  const cpu = ownCpuSeconds();
  const started = performance.now();
  let done = 0;
  await Promise.all(
    Array.from({ length: writers }, async () => {
      // not `done += await unit()`: that reads `done` before the await and writes back a stale sum
      while (done < total) {
        const units = await unit();
        done += units;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const used = ownCpuSeconds() - cpu;
  const postgresAfter = database.cpuSeconds();
  const wal = await database.db.raw<{ rows: { bytes: string }[] }>(
    'SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), ?) AS bytes',
    [lsn],
  );
  return {
    label,
    perSecond: done / seconds,
    nodeMs: (used * 1000) / done,
    postgresMs:
      postgres === null || postgresAfter === null ? null : ((postgresAfter - postgres) * 1000) / done,
    gcMs: (gcPauseMs - gc) / done,
    walBytes: Number(wal.rows[0]!.bytes) / done,
  };
}

export async function run(args: string[]): Promise<boolean> {
  const { values } = parseArgs({
    args,
    options: {
      creates: { type: 'string', default: '6000' },
      writers: { type: 'string', default: '50' },
      rounds: { type: 'string', default: '3' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return true;
  }
  const creates = Number(values.creates);
  const writers = Number(values.writers);
  const rounds = Number(values.rounds);
  if (![creates, writers, rounds].every((n) => Number.isInteger(n) && n > 0)) {
    console.error(USAGE);
    return false;
  }

  console.log('starting PostgreSQL…');
  const database = await startBenchDatabase();
  const drain = audit.autoSeal(database.db, (error) => console.error('seal failed', error));
  try {
    const { organization } = await organizations.create(database.db, systemClock, {
      legalName: 'Bench GmbH',
    });
    const ctx = systemContext(database.db, organization.id, systemClock, 'bench');
    let next = 0;
    const create = async () => {
      await contacts.create(ctx, contactInput(`write-${next++}`));
      return 1;
    };
    // the baseline: the rows a create writes into contacts and contact_bank_accounts, as multi-row INSERTs
    const baseline = async () => {
      const rows = Array.from({ length: BASELINE_BATCH }, () => {
        const n = next++;
        return { id: newId('contact'), n };
      });
      await database.db.transaction(async (trx) => {
        await trx('contacts').insert(
          rows.map(({ id, n }) => ({
            id,
            organization_id: organization.id,
            customer_number: `B-${n}`,
            kind: 'company',
            company_name: `Bench write-${n} GmbH`,
            display_name: `Bench write-${n} GmbH`,
            emails: JSON.stringify([{ email: `billing-write-${n}@bench.example`, type: 'billing' }]),
            billing_address: JSON.stringify(contactInput('x').billingAddress),
            vat_id: 'DE136695976',
            tags: ['bench'],
          })),
        );
        await trx('contact_bank_accounts').insert(
          rows.map(({ id }) => ({
            id: newId('bankAccount'),
            organization_id: organization.id,
            contact_id: id,
            iban: 'DE89370400440532013000',
            bic: 'COBADEFFXXX',
            is_default: true,
            position: 0,
          })),
        );
      });
      return BASELINE_BATCH;
    };

    console.log(`  warm-up: ${formatInt(creates)} creates`);
    await measured(database, 'warm-up', creates, writers, create);
    const results: Round[] = [];
    for (let round = 1; round <= rounds; round++) {
      console.log(`  round ${round}: raw INSERTs, then creates`);
      results.push(
        await measured(
          database,
          `(raw) INSERT contacts + bank accounts, ${round}`,
          creates,
          writers,
          baseline,
        ),
      );
      results.push(await measured(database, `contacts.create, ${round}`, creates, writers, create));
    }
    await drain();

    console.log(`\nContacts write benchmark — ${new Date().toISOString()}`);
    console.log(`machine: ${machineDescription()}`);
    console.log(
      `${formatInt(creates)} per round, ${writers} writers, PostgreSQL embedded (fsync on); raw: multi-row INSERTs of ${BASELINE_BATCH} contacts and their bank accounts per transaction\n`,
    );
    const rows = results.map((r, i) => {
      const raw = i % 2 === 1 ? results[i - 1]! : undefined;
      return [
        r.label,
        formatInt(r.perSecond),
        raw ? formatRatio(r.perSecond / raw.perSecond) : '',
        r.nodeMs.toFixed(3),
        r.postgresMs === null ? 'n/a' : r.postgresMs.toFixed(3),
        r.gcMs.toFixed(3),
        formatInt(r.walBytes),
      ];
    });
    console.log(
      markdownTable(
        ['measurement', 'per s', '× raw', 'CPU ms: Node', 'PostgreSQL', 'GC pause ms', 'WAL bytes'],
        rows,
      ),
    );
    console.log('\n(per create or row; Node is this process: the domain and the pg client, no HTTP)');
    return true;
  } finally {
    await drain();
    await database.stop();
  }
}
