import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildApp } from '@fakturo/api';
import { type ContactInput, contacts, organizations, systemClock, systemContext } from '@fakturo/domain';
import type autocannon from 'autocannon';
import Fastify from 'fastify';
import {
  atLeast,
  atMost,
  formatInt,
  formatMs,
  formatRatio,
  inChildProcess,
  type Measurement,
  type MeasureOptions,
  machineDescription,
  markdownTable,
  measure,
  measurePaced,
  outputDir,
  type Started,
  startBenchDatabase,
  summariseProfile,
  type Target,
} from './lib';

/**
 * REST API throughput and latency, read against a plain Fastify hello-world measured in the same run and
 * served by the same process, so the ratios stay meaningful on any machine. See bench/README.md.
 */

// Targets of the "Platform foundation" issue.
const TARGET_GET_RATIO = 0.15;
const TARGET_P99_MS = 10;
const TARGET_POST_RPS = 1_500;
/** The fixed-rate run counts as "at the rate" when it delivered at least this share of it. */
const RATE_TOLERANCE = 0.95;

const TITLES = {
  hello: '(a) hello-world: Fastify GET / → {hello:"world"}',
  get: '(b) GET /v1/contacts/{id}',
  post: '(c) POST /v1/contacts',
  rate: '(d) GET /v1/contacts/{id}',
  postNumbered: '(e) POST /v1/contacts with customerNumber (diagnostic)',
  bursts: '(f) GET /v1/contacts/{id}',
  helloRate: '(g) hello-world',
};

/** High enough that no key is ever throttled; the limiter still counts every request, so its cost is measured. */
const RATE_LIMIT_MAX = 1_000_000;

export interface ServerInput {
  contacts: number;
  /** Database pool size of the API; undefined = the production default (10). */
  poolMax?: number;
}

export interface ServerInfo {
  helloUrl: string;
  apiUrl: string;
  apiKey: string;
  contactIds: string[];
}

/** A valid company contact, unique by `tag`, shaped like what a webshop connector sends. */
export function contactInput(tag: string): ContactInput {
  return {
    kind: 'company',
    companyName: `Bench ${tag} GmbH`,
    emails: [{ email: `billing-${tag}@bench.example`, type: 'billing' }],
    billingAddress: { line1: 'Musterstraße 1', postalCode: '10115', city: 'Berlin', country: 'DE' },
    vatId: 'DE136695976',
    bankAccounts: [{ iban: 'DE89370400440532013000', bic: 'COBADEFFXXX' }],
    tags: ['bench'],
  };
}

/**
 * The system under test: embedded PostgreSQL, migrated, one organisation with its key, `contacts` contacts,
 * the real app on a free port, and the hello-world baseline on another port of the same process.
 */
export async function startServers(input: ServerInput): Promise<Started<ServerInfo>> {
  const database = await startBenchDatabase({ poolMax: input.poolMax });
  const servers: { close: () => Promise<unknown> }[] = [];
  try {
    const { organization, apiKey } = await organizations.create(database.db, systemClock, {
      legalName: 'Benchmark GmbH',
    });
    const ctx = systemContext(database.db, organization.id, systemClock, 'bench-seed');
    const contactIds: string[] = [];
    let seeded = 0;
    // a few writers at once: creates queue on the customer-number row lock anyway
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        while (seeded < input.contacts) {
          const n = seeded++;
          contactIds.push((await contacts.create(ctx, contactInput(`seed-${n}`))).id);
        }
      }),
    );

    // A live database has planner statistics (autovacuum analyses a table soon after its first inserts);
    // without them PostgreSQL reads one contact by scanning the organisation's (organization_id, updated_at)
    // index and filtering on id, so GET would cost O(contacts) and the figure would measure a missing ANALYZE.
    await database.db.raw('ANALYZE');

    const app = await buildApp({ db: database.db, rateLimit: { max: RATE_LIMIT_MAX, timeWindowMs: 1000 } });
    servers.push(app);
    const apiUrl = await app.listen({ host: '127.0.0.1', port: 0 });

    const hello = Fastify({ logger: false });
    servers.push(hello);
    hello.get('/', async () => ({ hello: 'world' }));
    const helloUrl = await hello.listen({ host: '127.0.0.1', port: 0 });

    return {
      info: { helloUrl, apiUrl, apiKey: apiKey.secret, contactIds },
      cpu: async () => ({ postgres: database.cpuSeconds() }),
      stop: async () => {
        for (const server of servers) await server.close();
        await database.stop();
      },
    };
  } catch (error) {
    for (const server of servers) await server.close();
    await database.stop();
    throw error;
  }
}

/** One request of each kind before measuring, so a broken route fails loudly instead of timing error pages. */
async function smokeTest(info: ServerInfo): Promise<void> {
  const auth = { authorization: `Bearer ${info.apiKey}` };
  const hello = await fetch(info.helloUrl);
  if ((await hello.text()) !== '{"hello":"world"}') throw new Error('hello-world server answers wrongly');
  const id = info.contactIds[0]!;
  const got = await fetch(`${info.apiUrl}/v1/contacts/${id}`, { headers: auth });
  const contact = (await got.json()) as { id?: string };
  if (got.status !== 200 || contact.id !== id) throw new Error(`GET /v1/contacts/${id} → ${got.status}`);
  const posted = await fetch(`${info.apiUrl}/v1/contacts`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/json' },
    body: JSON.stringify(contactInput('smoke')),
  });
  if (posted.status !== 201) throw new Error(`POST /v1/contacts → ${posted.status}: ${await posted.text()}`);
}

const USAGE = `npm run bench -- api [options]

  --duration <s>          measured seconds per run (default 10)
  --warmup <s>            warm-up seconds before each run, not counted (default 2)
  --connections <n>       connections for the max-throughput runs (default 50)
  --rate <n>              requests/s of the fixed-rate GET run (default 1000)
  --rate-connections <n>  connections of the fixed-rate runs (default 10; see bench/README.md)
  --contacts <n>          contacts seeded before measuring (default 1000)
  --pool <n>              API database pool size (default: the production default, 10)
  --in-process            run the servers on the benchmark's own event loop (for comparison only)
  --only <list>           runs to do, comma-separated (default hello,get,hello-rate,rate,bursts,post; ratios
                          need hello); rate is the paced fixed-rate GET (the p99 target), hello-rate the
                          same paced client against hello-world (a diagnostic: the machine's floor for that
                          tail), bursts the same rate
                          through autocannon's overallRate (a diagnostic: per-second bursts);
                          post-numbered is a diagnostic: POST with the customer number in the body,
                          which skips the organisation's customer-number counter (and its row lock)
  --cpu-prof              profile the server during each measured run; prints where the time goes
  --check                 exit with 1 when a target is missed`;

export async function run(args: string[]): Promise<boolean> {
  const { values } = parseArgs({
    args,
    options: {
      duration: { type: 'string', default: '10' },
      warmup: { type: 'string', default: '2' },
      connections: { type: 'string', default: '50' },
      rate: { type: 'string', default: '1000' },
      'rate-connections': { type: 'string', default: '10' },
      contacts: { type: 'string', default: '1000' },
      pool: { type: 'string' },
      'in-process': { type: 'boolean', default: false },
      'cpu-prof': { type: 'boolean', default: false },
      only: { type: 'string', default: 'hello,get,hello-rate,rate,bursts,post' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return true;
  }
  const positive = (name: string, raw: string | undefined): number => {
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer, got '${raw}'`);
    return n;
  };
  const warmupSeconds = Number(values.warmup);
  if (!Number.isInteger(warmupSeconds) || warmupSeconds < 0)
    throw new Error(`--warmup must be 0 or more, got '${values.warmup}'`);
  const timing = { seconds: positive('duration', values.duration), warmupSeconds };
  const connections = positive('connections', values.connections);
  const rate = positive('rate', values.rate);
  const rateConnections = positive('rate-connections', values['rate-connections']);
  const input: ServerInput = {
    contacts: positive('contacts', values.contacts),
    poolMax: values.pool === undefined ? undefined : positive('pool', values.pool),
  };
  const inProcess = values['in-process'];
  if (inProcess && values['cpu-prof'])
    throw new Error('--cpu-prof profiles the server process; drop --in-process');
  const profileDir = values['cpu-prof'] ? outputDir('api') : null;
  const only = new Set(values.only.split(',').map((part) => part.trim()));
  for (const part of only) {
    if (!['hello', 'get', 'hello-rate', 'rate', 'bursts', 'post', 'post-numbered'].includes(part))
      throw new Error(`--only: unknown run '${part}'`);
  }

  const log = (line: string) => process.stderr.write(`${line}\n`);
  log(
    `starting PostgreSQL, the API and the hello-world server ${inProcess ? 'in this process' : 'in a child process'}…`,
  );
  const servers = inProcess
    ? await startServers(input)
    : await inChildProcess<ServerInfo>(import.meta.url, 'startServers', input);
  const profiles: { title: string; file: string }[] = [];
  /** Timing for one run; with --cpu-prof the server is profiled while that run is measured. */
  const timed = (name: string, title: string): MeasureOptions => {
    const options: MeasureOptions = { ...timing, cpu: servers.cpu };
    if (!profileDir || !servers.profiler) return options;
    const file = join(profileDir, `${name}.cpuprofile`);
    profiles.push({ title, file });
    return { ...options, profile: { profiler: servers.profiler, file } };
  };
  const rows: { m: Measurement; target?: Target; ratio?: number }[] = [];
  try {
    const info = servers.info;
    await smokeTest(info);
    const auth = { authorization: `Bearer ${info.apiKey}` };
    let nextId = 0;
    // every request asks for another contact, so neither PostgreSQL nor the app answers one hot row
    const nextContactPath = () => `/v1/contacts/${info.contactIds[nextId++ % info.contactIds.length]}`;
    const getContact: autocannon.Request = {
      method: 'GET',
      headers: auth,
      setupRequest: (request) => ({ ...request, path: nextContactPath() }),
    };
    let nextBody = 0;
    const postContact: autocannon.Request = {
      method: 'POST',
      path: '/v1/contacts',
      headers: { ...auth, 'content-type': 'application/json' },
      setupRequest: (request) => ({ ...request, body: JSON.stringify(contactInput(`post-${nextBody++}`)) }),
    };
    const postNumbered: autocannon.Request = {
      ...postContact,
      setupRequest: (request) => {
        const tag = `numbered-${nextBody++}`;
        return { ...request, body: JSON.stringify({ ...contactInput(tag), customerNumber: `B-${tag}` }) };
      },
    };

    const hello = only.has('hello')
      ? await measure(TITLES.hello, { url: info.helloUrl, connections }, timed('hello', TITLES.hello))
      : null;
    if (hello) rows.push({ m: hello });
    if (only.has('get')) {
      const get = await measure(
        TITLES.get,
        { url: info.apiUrl, connections, requests: [getContact] },
        timed('get', TITLES.get),
      );
      const ratio = hello ? get.requestsPerSecond / hello.requestsPerSecond : undefined;
      const label = `≥ ${TARGET_GET_RATIO}× hello`;
      rows.push({
        m: get,
        ratio,
        target: ratio === undefined ? undefined : atLeast(label, ratio, TARGET_GET_RATIO),
      });
    }
    if (only.has('hello-rate')) {
      // the same paced client against hello-world: the tail this machine gives a request that does nothing
      const title = `${TITLES.helloRate} at ${formatInt(rate)} req/s, paced: the machine's floor for (d)`;
      rows.push({
        m: await measurePaced(
          title,
          {
            url: info.helloUrl,
            rate,
            connections: rateConnections,
            next: () => ({ path: '/', headers: {} }),
          },
          timed('hello-rate', title),
        ),
      });
    }
    if (only.has('rate')) {
      const title = `${TITLES.rate} at ${formatInt(rate)} req/s, paced`;
      const fixed = await measurePaced(
        title,
        {
          url: info.apiUrl,
          rate,
          connections: rateConnections,
          next: () => ({ path: nextContactPath(), headers: auth }),
        },
        timed('rate', title),
      );
      const delivered = fixed.requestsPerSecond >= rate * RATE_TOLERANCE;
      const label = `p99 ≤ ${TARGET_P99_MS} ms${delivered ? '' : ` (rate not reached: ${formatInt(fixed.requestsPerSecond)}/s)`}`;
      rows.push({
        m: fixed,
        target: { label, pass: delivered && atMost(label, fixed.p99Ms, TARGET_P99_MS).pass },
      });
    }
    if (only.has('bursts')) {
      const title = `${TITLES.bursts} at ${formatInt(rate)} req/s, autocannon overallRate (diagnostic)`;
      rows.push({
        m: await measure(
          title,
          { url: info.apiUrl, connections: rateConnections, overallRate: rate, requests: [getContact] },
          timed('bursts', title),
        ),
      });
    }
    // writes last, so the read runs see exactly the seeded table
    if (only.has('post')) {
      const post = await measure(
        TITLES.post,
        { url: info.apiUrl, connections, requests: [postContact] },
        timed('post', TITLES.post),
      );
      rows.push({
        m: post,
        ratio: hello ? post.requestsPerSecond / hello.requestsPerSecond : undefined,
        target: atLeast(`≥ ${formatInt(TARGET_POST_RPS)} req/s`, post.requestsPerSecond, TARGET_POST_RPS),
      });
    }
    if (only.has('post-numbered')) {
      const numbered = await measure(
        TITLES.postNumbered,
        { url: info.apiUrl, connections, requests: [postNumbered] },
        timed('post-numbered', TITLES.postNumbered),
      );
      rows.push({
        m: numbered,
        ratio: hello ? numbered.requestsPerSecond / hello.requestsPerSecond : undefined,
      });
    }
  } finally {
    await servers.stop();
  }

  // CPU ms per request of each part: steadier than req/s on a shared machine (see bench/README.md)
  const cpuParts = inProcess ? ['client', 'postgres'] : ['server', 'postgres', 'client'];
  const cpuHeader = inProcess ? 'CPU ms/req: node · PG' : 'CPU ms/req: server · PG · client';
  const order = ['(a)', '(b)', '(c)', '(d)', '(e)', '(f)', '(g)'];
  rows.sort((x, y) => order.indexOf(x.m.title.slice(0, 3)) - order.indexOf(y.m.title.slice(0, 3)));
  const table = markdownTable(
    ['measurement', 'conns', 'req/s', '× hello', 'p50', 'p99', cpuHeader, 'target', 'result'],
    rows.map(({ m, ratio, target }) => [
      m.title,
      String(m.connections),
      formatInt(m.requestsPerSecond),
      ratio === undefined ? '' : formatRatio(ratio),
      formatMs(m.p50Ms),
      formatMs(m.p99Ms),
      cpuParts.map((part) => m.cpuMsPerRequest[part]?.toFixed(3) ?? '–').join(' · '),
      target?.label ??
        (m.title.startsWith('(a)')
          ? 'baseline'
          : m.title.startsWith('(g)')
            ? 'baseline of (d)'
            : m.title.startsWith('(e)') || m.title.startsWith('(f)')
              ? 'none'
              : 'ratio needs the hello run'),
      target ? (target.pass ? 'PASS' : 'FAIL') : '',
    ]),
  );
  const passed = rows.every((r) => !r.target || r.target.pass);
  console.log(
    [
      '',
      `API benchmark — ${new Date().toISOString()}`,
      `machine: ${machineDescription()}`,
      `servers: ${inProcess ? 'in the load generator’s process (comparison mode)' : 'one child process (API + hello-world), load generator in the parent'}; ` +
        `PostgreSQL embedded, fsync on; API pool ${input.poolMax ?? 10} connections`,
      `load: autocannon (d, g: a paced open-loop client, latency from each request's due time), ${timing.warmupSeconds}s warm-up + ${timing.seconds}s per run, ${input.contacts} contacts seeded, ` +
        `GET ids rotate over them, POST bodies unique`,
      `rate limit raised to ${formatInt(RATE_LIMIT_MAX)} requests/s per key, so nothing is throttled (the limiter still runs); pino logging off`,
      '',
      table,
      '',
      ...rows
        .filter((r) => r.m.clientStallMs !== undefined)
        .map(
          (r) =>
            `${r.m.title.slice(0, 3)} max latency ${formatMs(r.m.maxMs)}; the load generator's event loop was blocked for at most ${formatMs(r.m.clientStallMs!)}` +
            (r.m.machineStall
              ? `; an idle process beside the run woke up to ${formatMs(r.m.machineStall.maxMs)} late (p99 ${formatMs(r.m.machineStall.p99Ms)})`
              : ''),
        ),
      passed
        ? 'all targets met'
        : 'targets missed: ' +
          rows
            .filter((r) => r.target && !r.target.pass)
            .map((r) => r.m.title)
            .join('; '),
    ].join('\n'),
  );
  for (const { title, file } of profiles)
    console.log(`\nserver CPU profile, ${title}: ${file}\n${summariseProfile(file)}`);
  return passed;
}
