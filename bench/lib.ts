import { type ChildProcess, fork, spawn } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { Session } from 'node:inspector/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { connect, type Db, migrateLatest, startEmbeddedPostgres } from '@fakturo/db';
import autocannon from 'autocannon';
import { Logger, runMigrations } from 'graphile-worker';
import { Pool } from 'undici';

/** Shared helpers of the benchmarks in bench/: a throwaway database, a server process, measuring, reporting. */

// ---------------------------------------------------------------------------------------------------------------
// Database

export interface BenchDatabase {
  db: Db;
  url: string;
  /** CPU seconds used so far by the PostgreSQL server (postmaster and all its processes); null off Linux. */
  cpuSeconds: () => number | null;
  stop: () => Promise<void>;
}

/**
 * A fresh embedded PostgreSQL in a temporary folder, migrated (ours and graphile-worker's schema), removed
 * again by `stop`. Same server flags as `npm start` (fsync on), so write figures include a real commit.
 */
export async function startBenchDatabase(options: { poolMax?: number } = {}): Promise<BenchDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'fakturo-bench-pg-'));
  // as root the server runs as the unprivileged `postgres` user, which must be able to enter the folder
  chmodSync(dir, 0o755);
  const server = await startEmbeddedPostgres({ dataDir: join(dir, 'pg'), persistent: false });
  const admin = connect(server.url('postgres'), { poolMax: 1 });
  let db: Db | null = null;
  try {
    await admin.raw('CREATE DATABASE fakturo_bench');
    const url = server.url('fakturo_bench');
    db = connect(url, { poolMax: options.poolMax, applicationName: 'fakturo-bench' });
    await migrateLatest(db);
    // the domain enqueues jobs with graphile_worker.add_job in the writing transaction, so its schema must exist
    await runMigrations({ connectionString: url, logger: new Logger(() => () => {}) });
    const opened = db;
    const postmaster = Number(readFileSync(join(dir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
    return {
      db: opened,
      url,
      cpuSeconds: () => processTreeCpuSeconds(postmaster),
      stop: async () => {
        await untilPoolIdle(opened);
        await opened.destroy();
        await server.stop();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await db?.destroy();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  } finally {
    await admin.destroy();
  }
}

/**
 * When a load run ends, the server may still be answering requests whose client hung up; closing the pool
 * under them would only print aborted-acquire noise. Wait (bounded) until they are done.
 */
async function untilPoolIdle(db: Db, timeoutMs = 10_000): Promise<void> {
  const pool = (db.client as { pool?: { numUsed(): number; numPendingAcquires(): number } }).pool;
  const deadline = Date.now() + timeoutMs;
  while (pool && pool.numUsed() + pool.numPendingAcquires() > 0 && Date.now() < deadline) {
    await new Promise((wait) => setTimeout(wait, 50));
  }
}

const CLOCK_TICKS_PER_SECOND = 100; // USER_HZ; `getconf CLK_TCK` is 100 on every mainstream Linux

/**
 * CPU seconds (user + system) of a process and all its descendants, read from /proc: the live processes'
 * own time plus what their exited children left in `cutime`/`cstime`. PostgreSQL runs one process per
 * connection, so this is how its share of a benchmark is counted. Null where there is no /proc.
 */
export function processTreeCpuSeconds(rootPid: number): number | null {
  if (!existsSync('/proc/self/stat')) return null;
  const children = new Map<number, number[]>();
  const ticks = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // exited while we read
    }
    // fields after the parenthesised command name: state ppid … utime(14) stime(15) cutime(16) cstime(17)
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const pid = Number(entry);
    const ppid = Number(fields[1]);
    ticks.set(pid, Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]));
    children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  }
  if (!ticks.has(rootPid)) return null;
  let total = 0;
  const queue = [rootPid];
  while (queue.length > 0) {
    const pid = queue.pop()!;
    total += ticks.get(pid) ?? 0;
    queue.push(...(children.get(pid) ?? []));
  }
  return total / CLOCK_TICKS_PER_SECOND;
}

// ---------------------------------------------------------------------------------------------------------------
// Running the system under test in its own process

/** What a server-side function returns: data for the load generator, and how to shut down. */
export interface Started<T> {
  info: T;
  stop: () => Promise<void>;
  /** Present for a child process: records a V8 CPU profile of the server between `start` and `stop`. */
  profiler?: Profiler;
  /** CPU seconds used so far, per part of the system under test (e.g. `{ api: 12.3, postgres: 8.1 }`). */
  cpu?: () => Promise<CpuSeconds>;
}

export type CpuSeconds = Record<string, number | null>;

/** CPU seconds (user + system) this Node process has used. */
export function ownCpuSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

export interface Profiler {
  start: () => Promise<void>;
  /** Stops recording and writes the profile (Chrome DevTools `.cpuprofile`) to `file`. */
  stop: (file: string) => Promise<void>;
}

type ParentMessage =
  | { kind: 'start'; input: unknown }
  | { kind: 'stop' }
  | { kind: 'profile-start' }
  | { kind: 'profile-stop'; file: string }
  | { kind: 'cpu' };
type ChildMessage =
  | { kind: 'ready'; info: unknown }
  | { kind: 'failed'; error: string }
  | { kind: 'done'; result?: unknown }
  | { kind: 'error'; error: string };

const SELF = fileURLToPath(import.meta.url);

/**
 * Runs `exported(input)` of `moduleUrl` in a child Node process and resolves with its `info`. The load
 * generator (autocannon) then has an event loop and a heap of its own, as a real client would: on the same
 * event loop its request building and parsing would delay the server's callbacks (see bench/README.md).
 */
export async function inChildProcess<T>(
  moduleUrl: string,
  exported: string,
  input: unknown,
): Promise<Started<T>> {
  // process.execArgv carries tsx's loader, so the child runs TypeScript too
  const child: ChildProcess = fork(SELF, [moduleUrl, exported], {
    execArgv: process.execArgv,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const info = await new Promise<T>((ready, fail) => {
    child.once('message', (message: ChildMessage) => {
      if (message.kind === 'ready') ready(message.info as T);
      else if (message.kind === 'failed')
        fail(new Error(`benchmark server failed to start: ${message.error}`));
    });
    void exited.then((code) =>
      fail(new Error(`benchmark server exited with code ${code} before it was ready`)),
    );
    child.send({ kind: 'start', input } satisfies ParentMessage);
  });
  // one request at a time: the benchmark drives the child step by step
  const request = (message: ParentMessage) =>
    new Promise<unknown>((done, fail) => {
      child.once('message', (reply: ChildMessage) =>
        reply.kind === 'done'
          ? done(reply.result)
          : fail(new Error(reply.kind === 'error' ? reply.error : reply.kind)),
      );
      child.send(message);
    });
  return {
    info,
    profiler: {
      start: async () => void (await request({ kind: 'profile-start' })),
      stop: async (file) => void (await request({ kind: 'profile-stop', file })),
    },
    cpu: async () => (await request({ kind: 'cpu' })) as CpuSeconds,
    stop: async () => {
      if (child.exitCode === null && child.connected) child.send({ kind: 'stop' } satisfies ParentMessage);
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** The child's side of `inChildProcess`: start, profile and stop on request; stop when the parent goes away. */
async function serveAsChild(moduleUrl: string, exported: string): Promise<void> {
  const send = (message: ChildMessage) => new Promise<void>((sent) => process.send!(message, () => sent()));
  let started: Started<unknown> | null = null;
  let session: Session | null = null;
  let stopping: Promise<void> | null = null;
  const stop = () => {
    stopping ??= (async () => {
      await started?.stop();
      process.exit(0);
    })();
    return stopping;
  };
  process.on('disconnect', () => void stop());
  process.on('message', async (message: ParentMessage) => {
    try {
      if (message.kind === 'stop') return void (await stop());
      if (message.kind === 'start') {
        const module = (await import(moduleUrl)) as Record<
          string,
          (input: unknown) => Promise<Started<unknown>>
        >;
        const start = module[exported];
        if (typeof start !== 'function') throw new Error(`${moduleUrl} exports no function '${exported}'`);
        started = await start(message.input);
        return void (await send({ kind: 'ready', info: started.info }));
      }
      if (message.kind === 'cpu') {
        const parts = (await started?.cpu?.()) ?? {};
        return void (await send({ kind: 'done', result: { server: ownCpuSeconds(), ...parts } }));
      }
      if (message.kind === 'profile-start') {
        session = new Session();
        session.connect();
        await session.post('Profiler.enable');
        await session.post('Profiler.start');
      } else {
        if (!session) throw new Error('profile-stop without profile-start');
        const { profile } = await session.post('Profiler.stop');
        session.disconnect();
        session = null;
        writeFileSync(message.file, JSON.stringify(profile));
      }
      await send({ kind: 'done' });
    } catch (error) {
      const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
      if (message.kind !== 'start') return void (await send({ kind: 'error', error: text }));
      await send({ kind: 'failed', error: text });
      process.exit(1);
    }
  });
}

if (process.argv[1] && pathToFileURL(resolve(process.argv[1])).href === import.meta.url && process.send) {
  void serveAsChild(process.argv[2]!, process.argv[3]!);
}

// ---------------------------------------------------------------------------------------------------------------
// Measuring

export interface Measurement {
  title: string;
  /** CPU milliseconds per answered request, per part (`client` is the load generator); when measured. */
  cpuMsPerRequest: Record<string, number>;
  /** Mean completed requests per second over the measured seconds. */
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  requests: number;
  seconds: number;
  connections: number;
  /** Paced runs: the longest the load generator's own event loop was blocked (its stalls count as latency). */
  clientStallMs?: number;
  /**
   * Paced runs: how late an idle process beside the run (a 1 ms timer, nothing else) woke up — the machine's
   * own scheduling stalls, which every process of the run meets too. Null when it could not be measured.
   */
  machineStall?: { maxMs: number; p99Ms: number } | null;
}

export interface MeasureOptions {
  warmupSeconds: number;
  seconds: number;
  /** Records a CPU profile of the server during the measured run (not the warm-up) into `file`. */
  profile?: { profiler: Profiler; file: string };
  /** Samples the system under test's CPU use before and after the measured run. */
  cpu?: () => Promise<CpuSeconds>;
}

/**
 * The measured part of a run, for measure and measurePaced: the server profiled (with --cpu-prof) and the
 * CPU of each part sampled around `run`, as milliseconds per request.
 */
async function measuredRun<R>(
  title: string,
  timing: MeasureOptions,
  log: (line: string) => void,
  run: () => Promise<R>,
  requestsOf: (result: R) => number,
): Promise<{ result: R; cpuMsPerRequest: Record<string, number> }> {
  log(`  ${title}: measuring ${timing.seconds}s`);
  const sample = async (): Promise<CpuSeconds> => ({ ...(await timing.cpu?.()), client: ownCpuSeconds() });
  await timing.profile?.profiler.start();
  const before = await sample();
  const result = await run();
  const after = await sample();
  if (timing.profile) {
    await timing.profile.profiler.stop(timing.profile.file);
    log(`  ${title}: server CPU profile in ${timing.profile.file}`);
  }
  const requests = requestsOf(result);
  const cpuMsPerRequest: Record<string, number> = {};
  for (const [part, end] of Object.entries(after)) {
    const start = before[part];
    if (end !== null && start !== null && start !== undefined)
      cpuMsPerRequest[part] = ((end - start) * 1000) / requests;
  }
  return { result, cpuMsPerRequest };
}

/**
 * Runs autocannon twice with the same options: a warm-up whose figures are thrown away (JIT, pools, caches),
 * then the measured run. Any non-2xx answer, socket error or timeout fails the benchmark: a fast error page
 * is not a result.
 */
export async function measure(
  title: string,
  options: autocannon.Options,
  timing: MeasureOptions,
  log: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
): Promise<Measurement> {
  if (timing.warmupSeconds > 0) {
    log(`  ${title}: warming up ${timing.warmupSeconds}s`);
    // a slow endpoint may answer nothing within a short warm-up; only failures count there
    check(`${title} (warm-up)`, await autocannon({ ...options, duration: timing.warmupSeconds }), true);
  }
  const { result, cpuMsPerRequest } = await measuredRun(
    title,
    timing,
    log,
    () => autocannon({ ...options, title, duration: timing.seconds }),
    (r) => r.requests.total,
  );
  check(title, result);
  return {
    title,
    cpuMsPerRequest,
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    requests: result.requests.total,
    seconds: result.duration,
    connections: result.connections,
  };
}

/** One request of a paced run: where to send it. */
export interface PacedRequest {
  path: string;
  headers: Record<string, string>;
}

/**
 * An open-loop load at a fixed rate: request i is due at start + i / rate, sent when due whether or not
 * earlier ones have been answered (over a keep-alive pool of up to `connections` connections; requests beyond
 * that wait in the pool's queue), and its latency is counted from when it was due — so a stall shows in every
 * request it delays (no coordinated omission) and a late timer only adds to the latency. This is what "p99 at
 * a fixed rate" asks; autocannon's `overallRate` instead spends each connection's per-second budget back to
 * back at the start of every second (see bench/README.md). Any non-2xx answer or error fails the run.
 */
export async function measurePaced(
  title: string,
  options: { url: string; rate: number; connections: number; next: () => PacedRequest },
  timing: MeasureOptions,
  log: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
): Promise<Measurement> {
  const pool = new Pool(options.url, { connections: options.connections, keepAliveTimeout: 30_000 });
  const run = async (seconds: number) => {
    const total = Math.max(1, Math.round(seconds * options.rate));
    const intervalMs = 1000 / options.rate;
    const latencies = new Float64Array(total);
    const failures: string[] = [];
    let issued = 0;
    let answered = 0;
    const start = performance.now();
    await new Promise<void>((resolve) => {
      const fire = (i: number) => {
        const due = start + i * intervalMs;
        const { path, headers } = options.next();
        pool
          .request({ path, method: 'GET', headers })
          .then(async (response) => {
            await response.body.dump();
            if (response.statusCode < 200 || response.statusCode > 299)
              failures.push(`${path}: ${response.statusCode}`);
          })
          .catch((error: unknown) => failures.push(`${path}: ${String(error)}`))
          .finally(() => {
            latencies[i] = performance.now() - due;
            answered += 1;
            if (answered === total) resolve();
          });
      };
      const tick = () => {
        const dueNow = Math.min(total, Math.floor((performance.now() - start) / intervalMs) + 1);
        while (issued < dueNow) fire(issued++);
        if (issued < total) setTimeout(tick, 1);
      };
      tick();
    });
    const elapsed = (performance.now() - start) / 1000;
    if (failures.length > 0)
      throw new Error(`${title}: ${failures.length} of ${total} requests failed, e.g. ${failures[0]}`);
    return { total, elapsed, latencies: latencies.sort() };
  };
  try {
    if (timing.warmupSeconds > 0) {
      log(`  ${title}: warming up ${timing.warmupSeconds}s`);
      await run(timing.warmupSeconds);
    }
    const loop = monitorEventLoopDelay({ resolution: 1 });
    let machineStall: Measurement['machineStall'] = null;
    const { result, cpuMsPerRequest } = await measuredRun(
      title,
      timing,
      log,
      async () => {
        const canary = await startCanary();
        loop.enable();
        try {
          return await run(timing.seconds);
        } finally {
          loop.disable();
          machineStall = await canary.stop();
        }
      },
      (r) => r.total,
    );
    const { total, elapsed, latencies } = result;
    const at = (q: number) => latencies[Math.min(total - 1, Math.floor(q * total))]!;
    return {
      title,
      cpuMsPerRequest,
      requestsPerSecond: total / elapsed,
      p50Ms: at(0.5),
      p99Ms: at(0.99),
      maxMs: latencies[total - 1]!,
      requests: total,
      seconds: elapsed,
      connections: options.connections,
      clientStallMs: loop.max / 1e6,
      machineStall,
    };
  } finally {
    await pool.close();
  }
}

/** The idle process of `machineStall`: a 1 ms timer's lateness, printed as JSON when its stdin closes. */
const CANARY = `
const { monitorEventLoopDelay } = require('node:perf_hooks');
const loop = monitorEventLoopDelay({ resolution: 1 });
loop.enable();
process.stdout.write('ready\\n');
process.stdin.resume();
process.stdin.on('end', () => {
  loop.disable();
  process.stdout.write(JSON.stringify({ maxMs: loop.max / 1e6, p99Ms: loop.percentile(99) / 1e6 }));
});
`;

/** Starts the idle canary process; `stop` ends it and resolves with what it saw (null if it failed). */
async function startCanary(): Promise<{ stop: () => Promise<Measurement['machineStall']> }> {
  const child = spawn(process.execPath, ['-e', CANARY], { stdio: ['pipe', 'pipe', 'ignore'] });
  let output = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => (output += chunk));
  const exited = new Promise<void>((done) => child.once('close', () => done()));
  // measuring starts once its loop runs (Node's own start-up is not a stall)
  await Promise.race([
    new Promise<void>((ready) => child.stdout.on('data', () => output.includes('ready\n') && ready())),
    exited,
  ]);
  return {
    stop: async () => {
      child.stdin.end();
      await exited;
      try {
        return JSON.parse(output.slice(output.indexOf('\n') + 1)) as { maxMs: number; p99Ms: number };
      } catch {
        return null;
      }
    },
  };
}

function check(title: string, result: autocannon.Result, mayBeEmpty = false): void {
  const failed = result.non2xx + result.errors + result.timeouts + result.mismatches;
  if (failed === 0 && (mayBeEmpty || result.requests.total > 0)) return;
  throw new Error(
    `${title}: ${result.requests.total} answers, ${result.non2xx} non-2xx, ${result.errors} errors, ` +
      `${result.timeouts} timeouts, ${result.mismatches} mismatches; status codes ${JSON.stringify(result.statusCodeStats)}`,
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Profiles

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

/** Where a frame's code comes from: an npm package, a Node built-in, a file of ours, or V8 itself. */
function origin(url: string): string {
  if (!url) return '(V8: idle, GC, native)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  if (url.startsWith('node:')) return 'node (built-in)';
  const root = pathToFileURL(resolve(SELF, '..', '..')).href + '/';
  return url.startsWith(root) ? url.slice(root.length) : url;
}

/**
 * A short reading of a `.cpuprofile`: the share of sampled time spent in each package or file (self time),
 * and the busiest functions. Enough to say what dominates; open the file in Chrome DevTools for the tree.
 */
export function summariseProfile(file: string, top = 12): string {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as {
    nodes: ProfileNode[];
    samples: number[];
    timeDeltas: number[];
  };
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  for (const [i, id] of profile.samples.entries())
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  const total = [...self.values()].reduce((a, b) => a + b, 0) || 1;
  const byOrigin = new Map<string, number>();
  const byFunction = new Map<string, number>();
  for (const [id, time] of self) {
    const frame = byId.get(id)!.callFrame;
    const where = origin(frame.url);
    const name = frame.functionName || '(anonymous)';
    const key = frame.url ? `${name} (${where}:${frame.lineNumber + 1})` : name;
    byOrigin.set(where, (byOrigin.get(where) ?? 0) + time);
    byFunction.set(key, (byFunction.get(key) ?? 0) + time);
  }
  const percent = (t: number) => `${((t / total) * 100).toFixed(1).padStart(5)}%`;
  const list = (m: Map<string, number>) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, t]) => `    ${percent(t)}  ${k}`);
  return [
    `  self time by origin (${(total / 1e6).toFixed(1)} s sampled):`,
    ...list(byOrigin),
    '  busiest functions:',
    ...list(byFunction),
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------------------------
// Reporting

export interface Target {
  label: string;
  pass: boolean;
}

export function atLeast(label: string, value: number, minimum: number): Target {
  return { label, pass: value >= minimum };
}

export function atMost(label: string, value: number, maximum: number): Target {
  return { label, pass: value <= maximum };
}

/** A Markdown table: readable in a terminal and pasted as is into BENCHMARKS.md. */
export function markdownTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...rows.map(line)].join('\n');
}

export const formatInt = (n: number) => Math.round(n).toLocaleString('en-US');
export const formatMs = (n: number) => `${n.toLocaleString('en-US', { maximumFractionDigits: 1 })} ms`;
export const formatRatio = (n: number) => `${n.toFixed(3)}×`;

/** One line naming the machine, so a figure is never read without its hardware. */
export function machineDescription(): string {
  const cores = cpus();
  const model = cores[0]?.model.trim() || 'unknown CPU';
  return (
    `${cores.length} cores (${model}), ${Math.round(totalmem() / 2 ** 30)} GiB RAM, ` +
    `Node ${process.version}, ${process.platform}/${process.arch}`
  );
}

/** A folder for benchmark output (profiles) under the system temp folder, so nothing lands in the tree. */
export function outputDir(name: string): string {
  const dir = resolve(tmpdir(), 'fakturo-bench', name);
  mkdirSync(dir, { recursive: true });
  return dir;
}
