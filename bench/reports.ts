import { parseArgs } from 'node:util';
import { buildApp } from '@fakturo/api';
import type { Db } from '@fakturo/db';
import { fixedClock, organizations, reports, systemContext } from '@fakturo/domain';
import {
  atMost,
  formatInt,
  formatMs,
  formatRatio,
  machineDescription,
  markdownTable,
  startBenchDatabase,
  type Target,
} from './lib';

/**
 * The MRR report (`GET /v1/reports/mrr`, 24 months) over 100,000 contracts, warm, against a raw baseline
 * measured in the same run: one `SELECT … sum(…)` over the same contract rows. The report reads the monthly
 * sums the contract changes keep (mrr_monthly), so its cost follows the months asked for, not the contracts;
 * what keeping them costs is printed beside it (the full rebuild, and the refresh one contract change adds).
 * Before timing, the report is checked against MRR computed independently in SQL from the seeded contracts.
 */

// Targets of issue 7, item 7.
const TARGET_MS = 300;
const TARGET_RATIO = 3;

const USAGE = `usage: npm run bench -- reports [--contracts N] [--months N] [--runs N]

  --contracts N   contracts to seed (default 100000), 4 per customer
  --months N      months the contracts start over and the report covers (default 24)
  --runs N        measured runs of each query after 5 warm-up runs (default 30); the median is reported`;

const FIRST_MONTH = '2025-01-01';
const CONTRACTS_PER_CONTACT = 4;

const monthEnd = (first: string, offset: number) => {
  const [y, m] = first.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1 + offset + 1, 0)).toISOString().slice(0, 10);
};

/**
 * Set-based seed (generate_series). Start dates spread over the months; every 10th contract yearly, every 5th
 * quarterly, the rest monthly; every 5th ends after 200 days (churn); every 3rd gets an add-on item from day 90
 * (expansion, a second item version); every 7th has its base item replaced by a dearer one from day 150 and
 * every 11th by a cheaper one (expansion and contraction by item versions). Amounts are multiples of 12, so
 * the independent SQL check can divide by the interval exactly.
 */
async function seed(db: Db, organizationId: string, contracts: number, months: number): Promise<void> {
  const contacts = Math.ceil(contracts / CONTRACTS_PER_CONTACT);
  const days = months * 30;
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
    `INSERT INTO contracts (id, organization_id, contact_id, status, currency, interval_months, timing, start_date, end_date)
     SELECT 'ctr_' || lpad(i::text, 26, '0'), ?, 'con_' || lpad(((i - 1) / ${CONTRACTS_PER_CONTACT} + 1)::text, 26, '0'),
            'active', 'EUR', CASE WHEN i % 10 = 0 THEN 12 WHEN i % 5 = 0 THEN 3 ELSE 1 END, 'in_advance',
            ?::date + (i * 37 % ?), CASE WHEN i % 5 = 1 THEN ?::date + (i * 37 % ?) + 200 END
       FROM generate_series(1, ?) i`,
    [organizationId, FIRST_MONTH, days, FIRST_MONTH, days, contracts],
  );
  const item = (
    id: string,
    position: number,
    price: string,
    quantity: string,
    startsOn: string,
    endsOn: string,
  ) =>
    `INSERT INTO contract_items (id, organization_id, contract_id, position, name, quantity, unit_code, price_model, starts_on, ends_on)
     SELECT ${id}, ?, c.id, ${position}, 'Plan', ${quantity}, 'C62', ${price}, ${startsOn}, ${endsOn}
       FROM contracts c CROSS JOIN LATERAL (SELECT substr(c.id, 5)::int AS i) n
      WHERE c.organization_id = ?`;
  // base item: flat 12.00 × (1 … 20); replaced from day 150 on every 7th (× 2) and every 11th (÷ 2, floor to 12)
  await db.raw(
    item(
      `'cti_a' || lpad(n.i::text, 25, '0')`,
      1,
      `jsonb_build_object('kind', 'flat', 'amount', 1200 * (1 + n.i % 20))`,
      `1`,
      'NULL',
      `CASE WHEN n.i % 7 = 0 OR n.i % 11 = 0 THEN c.start_date + 149 END`,
    ),
    [organizationId, organizationId],
  );
  await db.raw(
    `${item(
      `'cti_b' || lpad(n.i::text, 25, '0')`,
      1,
      `jsonb_build_object('kind', 'flat', 'amount', CASE WHEN n.i % 7 = 0 THEN 2400 * (1 + n.i % 20) ELSE 1200 * greatest(1, (1 + n.i % 20) / 2) END)`,
      `1`,
      'c.start_date + 150',
      'NULL',
    )} AND (n.i % 7 = 0 OR n.i % 11 = 0)`,
    [organizationId, organizationId],
  );
  // add-on seats from day 90 on every 3rd: 6.00 × (1 … 5)
  await db.raw(
    `${item(
      `'cti_c' || lpad(n.i::text, 25, '0')`,
      2,
      `'{"kind":"per_unit","unitAmount":"600"}'::jsonb`,
      `(1 + n.i % 5)::numeric`,
      'c.start_date + 90',
      'NULL',
    )} AND n.i % 3 = 0`,
    [organizationId, organizationId],
  );
  await db.raw('ANALYZE');
}

/** MRR at each month end computed from the contract rows in SQL alone: the check the report must pass. */
async function independentMrr(db: Db, organizationId: string, months: number): Promise<number[]> {
  const { rows } = await db.raw<{ rows: { mrr: string }[] }>(
    `WITH ends AS (
       SELECT (date_trunc('month', g) + interval '1 month - 1 day')::date AS d
         FROM generate_series(?::date, ?::date, interval '1 month') g)
     SELECT e.d, coalesce(sum(
              CASE ci.price_model->>'kind'
                WHEN 'flat' THEN (ci.price_model->>'amount')::bigint
                ELSE ((ci.price_model->>'unitAmount')::numeric * ci.quantity)::bigint END / c.interval_months), 0) AS mrr
       FROM ends e
       LEFT JOIN contracts c ON c.organization_id = ? AND c.start_date <= e.d AND (c.end_date IS NULL OR c.end_date >= e.d)
       LEFT JOIN contract_items ci ON ci.organization_id = c.organization_id AND ci.contract_id = c.id
            AND (ci.starts_on IS NULL OR ci.starts_on <= e.d) AND (ci.ends_on IS NULL OR ci.ends_on >= e.d)
      GROUP BY e.d ORDER BY e.d`,
    [FIRST_MONTH, monthEnd(FIRST_MONTH, months - 1), organizationId],
  );
  return rows.map((r) => Number(r.mrr));
}

interface Timing {
  median: number;
  p95: number;
  min: number;
}

async function timed(fn: () => Promise<unknown>, runs: number, warmup = 5): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return {
    median: samples[Math.floor(samples.length / 2)]!,
    p95: samples[Math.min(samples.length - 1, Math.ceil(samples.length * 0.95) - 1)]!,
    min: samples[0]!,
  };
}

export async function run(args: string[]): Promise<boolean> {
  const { values } = parseArgs({
    args,
    options: {
      contracts: { type: 'string', default: '100000' },
      months: { type: 'string', default: '24' },
      runs: { type: 'string', default: '30' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return true;
  }
  const contracts = Number(values.contracts);
  const months = Number(values.months);
  const runs = Number(values.runs);
  for (const [name, value] of [
    ['contracts', contracts],
    ['months', months],
    ['runs', runs],
  ] as const) {
    if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer`);
  }
  const log = (line: string) => process.stderr.write(`${line}\n`);

  log('starting PostgreSQL…');
  const database = await startBenchDatabase();
  const db = database.db;
  try {
    const to = monthEnd(FIRST_MONTH, months - 1);
    const clock = fixedClock(`${to}T12:00:00Z`);
    const { organization, apiKey } = await organizations.create(db, clock, { legalName: 'Benchmark GmbH' });
    const ctx = systemContext(db, organization.id, clock, 'bench');

    log(`seeding ${formatInt(contracts)} contracts over ${months} months with set-based SQL…`);
    let t0 = performance.now();
    await seed(db, organization.id, contracts, months);
    log(`  seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    log('building the MRR entries (reports.rebuild, the same path as the rebuild job)…');
    t0 = performance.now();
    const built = await reports.rebuild(ctx);
    const rebuildSeconds = (performance.now() - t0) / 1000;
    await db.raw('ANALYZE');
    const monthlyRows = Number(
      (await db('mrr_monthly').where('organization_id', organization.id).count({ n: '*' }))[0]!.n,
    );
    log(
      `  ${formatInt(built.entries)} entries for ${formatInt(built.customers)} customers in ${rebuildSeconds.toFixed(1)} s; ${monthlyRows} monthly rows`,
    );

    // correctness before speed: every month end against the SQL computation
    const report = await reports.mrr(ctx, { from: FIRST_MONTH, to });
    const expected = await independentMrr(db, organization.id, months);
    const got = report.data.filter((r) => r.currency === 'EUR').map((r) => r.mrr);
    const mismatches = expected.filter((mrr, i) => got[i] !== mrr).length;
    if (got.length !== months || mismatches > 0) {
      throw new Error(
        `the report disagrees with the SQL check: report ${JSON.stringify(got)}, SQL ${JSON.stringify(expected)}`,
      );
    }
    log(
      `  report checked against SQL for all ${months} month ends: equal (last month MRR ${formatInt(got[months - 1]!)})`,
    );

    const app = await buildApp({
      db,
      clockFor: () => clock,
      rateLimit: { max: 1_000_000, timeWindowMs: 1000 },
    });
    await app.ready();
    const url = `/v1/reports/mrr?from=${FIRST_MONTH}&to=${to}`;
    const rest = async () => {
      const res = await app.inject({
        method: 'GET',
        url,
        headers: { authorization: `Bearer ${apiKey.secret}` },
      });
      if (res.statusCode !== 200) throw new Error(`GET ${url} answered ${res.statusCode}: ${res.body}`);
    };

    log(`measuring: ${runs} runs each after 5 warm-up runs…`);
    const scanSql = `SELECT currency, count(*) AS contracts, sum(interval_months) AS months
                       FROM contracts WHERE organization_id = ? GROUP BY currency`;
    const scan = await timed(() => db.raw(scanSql, [organization.id]), runs);
    const domain = await timed(() => reports.mrr(ctx, { from: FIRST_MONTH, to }), runs);
    const http = await timed(rest, runs);
    // what keeping the entries costs a contract change: refreshing one customer (4 contracts) in a transaction
    const customer = `con_${'1'.padStart(26, '0')}`;
    const refresh = await timed(
      () => db.transaction((trx) => reports.refreshCustomers({ ...ctx, db: trx }, [customer])),
      runs,
    );
    await app.close();

    const ratio = http.median / scan.median;
    const targets: Target[] = [
      atMost(`GET /v1/reports/mrr ≤ ${TARGET_MS} ms warm`, http.median, TARGET_MS),
      atMost(`≤ ${TARGET_RATIO}× the scan`, ratio, TARGET_RATIO),
    ];
    console.log(`\n${machineDescription()}; ${formatInt(contracts)} contracts, ${months} months\n`);
    console.log(
      markdownTable(
        ['measurement', 'median', 'p95', 'min', '× scan'],
        [
          [
            '(a) SELECT count, sum(…) over the contract rows (baseline)',
            formatMs(scan.median),
            formatMs(scan.p95),
            formatMs(scan.min),
            '',
          ],
          [
            '(b) reports.mrr, 24 months (domain)',
            formatMs(domain.median),
            formatMs(domain.p95),
            formatMs(domain.min),
            formatRatio(domain.median / scan.median),
          ],
          [
            '(c) GET /v1/reports/mrr, 24 months (inject)',
            formatMs(http.median),
            formatMs(http.p95),
            formatMs(http.min),
            formatRatio(ratio),
          ],
          [
            '(d) refresh of one customer (a contract change’s share)',
            formatMs(refresh.median),
            formatMs(refresh.p95),
            formatMs(refresh.min),
            '',
          ],
        ],
      ),
    );
    console.log(
      `\nfull rebuild: ${formatInt(built.entries)} entries in ${rebuildSeconds.toFixed(1)} s (not a target)`,
    );
    console.log(
      `\n${targets.map((target) => `${target.pass ? 'PASS' : 'FAIL'}  ${target.label}`).join('\n')}`,
    );
    return targets.every((target) => target.pass);
  } finally {
    await database.stop();
  }
}
