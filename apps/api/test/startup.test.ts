import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { personInput } from '@fakturo/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli';

/**
 * The start-up contract of API.md, end to end: `npx tsx apps/api/src/main.ts --with-worker` on a fresh data
 * directory boots the embedded PostgreSQL, creates the first organisation and its key, answers on /readyz,
 * and stops cleanly on SIGTERM, finishing the request in flight.
 */

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const BOOTSTRAP_KEY = 'fk_startup_test_bootstrap_key_0001';
const START_TIMEOUT_MS = 60_000;

const dirs: string[] = [];
const running = new Set<ChildProcess>();

afterAll(() => {
  // A failed test may leave a server behind: end its whole process group (npx, tsx, node and PostgreSQL).
  for (const child of running) {
    try {
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
    } catch {
      // the group ended on its own meanwhile
    }
  }
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function freshDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'fakturo-startup-'));
  // as root, the embedded PostgreSQL runs as the unprivileged `postgres` user, which must enter the folder
  chmodSync(dir, 0o755);
  dirs.push(dir);
  return dir;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Server {
  port: number;
  url: string;
  output: () => string;
  /** The node process that runs main.ts (npx and tsx wrap it); its pid is in every log line. */
  serverPid: () => number;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  waitFor: (pattern: RegExp, timeoutMs?: number) => Promise<void>;
  /** The process spawned: npx, or npm for `viaNpmStart`. */
  pid: number;
  /**
   * The status of a GET /healthz sent the moment the first-start banner appeared on the output, as a user
   * would try its curl; 0 when the connection was refused, null when no banner came.
   */
  bannerProbe: () => Promise<number> | null;
}

async function start(dataDir: string, bootstrapKey?: string, viaNpmStart = false): Promise<Server> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    FAKTURO_DATA_DIR: dataDir,
    HOST: '127.0.0.1',
    PORT: String(port),
    LOG_LEVEL: 'info',
    FAKTURO_BOOTSTRAP_API_KEY: bootstrapKey,
  };
  delete env.DATABASE_URL; // the contract under test is the embedded database
  delete env.FAKTURO_PG_PORT;
  if (!bootstrapKey) delete env.FAKTURO_BOOTSTRAP_API_KEY;

  const [command, args] = viaNpmStart
    ? ['npm', ['start']]
    : ['npx', ['tsx', 'apps/api/src/main.ts', '--with-worker']];
  const child = spawn(command, args, {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group, so afterAll can clean up everything it started
  });
  running.add(child);
  let output = '';
  let bannerProbe: Promise<number> | null = null;
  const url = `http://127.0.0.1:${port}`;
  child.stdout!.on('data', (chunk) => {
    output += chunk;
    if (!bannerProbe && output.includes('Fakturo is set up'))
      bannerProbe = fetch(`${url}/healthz`).then(
        (res) => res.status,
        () => 0,
      );
  });
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => {
      running.delete(child);
      resolve({ code, signal });
    }),
  );
  let hasExited = false;
  void exited.then(() => (hasExited = true));

  const waitFor = async (pattern: RegExp, timeoutMs = START_TIMEOUT_MS) => {
    const deadline = Date.now() + timeoutMs;
    while (!pattern.test(output)) {
      if (hasExited) throw new Error(`server exited while waiting for ${pattern}:\n${output}`);
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern}:\n${output}`);
      await sleep(50);
    }
  };

  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (hasExited) throw new Error(`server exited during start-up:\n${output}`);
    if (Date.now() > deadline) {
      // not left running: it would hold the data directory the next test starts on
      process.kill(-child.pid!, 'SIGKILL');
      await exited;
      throw new Error(`server not ready after ${START_TIMEOUT_MS} ms:\n${output}`);
    }
    const status = await fetch(`${url}/readyz`).then(
      (res) => res.status,
      () => 0,
    );
    if (status === 200) break;
    await sleep(100);
  }

  const serverPid = () => {
    const pid = /"pid":(\d+)/.exec(output)?.[1];
    if (!pid) throw new Error(`no pid in the server log:\n${output}`);
    return Number(pid);
  };
  return {
    port,
    url,
    output: () => output,
    serverPid,
    exited,
    waitFor,
    pid: child.pid!,
    bannerProbe: () => bannerProbe,
  };
}

/** SIGTERM to the server process (as Docker and Kubernetes send it); resolves with its exit and duration. */
async function terminate(server: Server) {
  const started = Date.now();
  process.kill(server.serverPid(), 'SIGTERM');
  const exit = await Promise.race([server.exited, sleep(20_000).then(() => ({ code: -1, signal: null }))]);
  return { ...exit, ms: Date.now() - started };
}

function getOrganization(server: Server, key: string) {
  return fetch(`${server.url}/v1/organization`, { headers: { authorization: `Bearer ${key}` } });
}

const BANNER = /Fakturo is set up\. Your API key \(shown once, also in (.+)\):\s+(fk_[A-Za-z0-9_-]+)/;

// Started now, checked in the last test: two fresh data directories initialise in parallel.
const keylessDir = freshDataDir();
const keylessStart = start(keylessDir);
keylessStart.catch(() => {}); // reported by the test that awaits it

describe('start-up contract', () => {
  const dataDir = freshDataDir();
  let organizationId: string;

  it('first start with FAKTURO_BOOTSTRAP_API_KEY creates one organisation with that key, and SIGTERM lets the request in flight finish', async () => {
    const server = await start(dataDir, BOOTSTRAP_KEY);

    const org = await getOrganization(server, BOOTSTRAP_KEY);
    expect(org.status).toBe(200);
    organizationId = ((await org.json()) as { id: string }).id;
    expect(organizationId).toMatch(/^org_[0-9A-Z]{26}$/);
    const keyFile = join(dataDir, 'api-key');
    expect(readFileSync(keyFile, 'utf8')).toBe(`${BOOTSTRAP_KEY}\n`);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(server.output()).toMatch(BANNER);

    // A request whose body is still arriving when SIGTERM comes must complete, database work included.
    const body = JSON.stringify(personInput({ firstName: 'Ida', lastName: 'Inflight' }));
    const inFlight = request({
      host: '127.0.0.1',
      port: server.port,
      method: 'POST',
      path: '/v1/contacts',
      agent: false,
      headers: {
        authorization: `Bearer ${BOOTSTRAP_KEY}`,
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
      },
    });
    const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
      inFlight.on('response', (res) => {
        let text = '';
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode!, body: text }));
      });
      inFlight.on('error', reject);
    });
    inFlight.write(body.slice(0, 10));
    await server.waitFor(/"url":"\/v1\/contacts"[^\n]*"msg":"incoming request"/);

    const stopping = terminate(server);
    await server.waitFor(/"reason":"SIGTERM"[^\n]*"msg":"shutting down/);
    // No new connections once shutdown began...
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
    // ...but the one in flight completes.
    inFlight.end(body.slice(10));
    const created = await response;
    expect(created.status).toBe(201);
    expect(JSON.parse(created.body)).toMatchObject({ lastName: 'Inflight', customerNumber: 'K-00001' });

    const exit = await stopping;
    expect(exit).toMatchObject({ code: 0, signal: null });
    expect(exit.ms).toBeLessThan(20_000);
    expect(server.output()).toContain('"msg":"stopped"');
  }, 90_000);

  it('a second start on the same data directory keeps the one organisation and ignores a new bootstrap key', async () => {
    const server = await start(dataDir, 'fk_startup_test_other_bootstrap_0002');
    expect(server.output()).not.toMatch(BANNER);
    const org = await getOrganization(server, BOOTSTRAP_KEY);
    expect(org.status).toBe(200);
    expect(((await org.json()) as { id: string }).id).toBe(organizationId);
    expect((await getOrganization(server, 'fk_startup_test_other_bootstrap_0002')).status).toBe(401);
    expect(readFileSync(join(dataDir, 'api-key'), 'utf8')).toBe(`${BOOTSTRAP_KEY}\n`);
    const exit = await terminate(server);
    expect(exit, server.output().slice(-3000)).toMatchObject({ code: 0, signal: null });

    // Count with the operator CLI on the same data directory, as an operator would.
    let out = '';
    const code = await runCli(['org:list', '--json'], {
      out: { write: (text: string) => (out += text) },
      env: { FAKTURO_DATA_DIR: dataDir },
    });
    expect(code).toBe(0);
    expect(JSON.parse(out).data.map((o: { id: string }) => o.id)).toEqual([organizationId]);
  }, 90_000);

  it('`npm start` passes SIGTERM on: the server shuts down gracefully instead of outliving npm', async () => {
    // npm signals its script's process; the scripts `exec` tsx, so no shell sits in between that would die
    // and leave the server running without a parent
    const server = await start(freshDataDir(), 'fk_startup_test_npm_start_bootstrap_03', true);
    const serverPid = server.serverPid();
    expect(serverPid).not.toBe(server.pid);
    process.kill(server.pid, 'SIGTERM');
    await server.waitFor(/"reason":"SIGTERM"[^\n]*"msg":"shutting down/, 20_000);
    await server.waitFor(/"msg":"stopped"/, 20_000);
    await server.exited;
    // the server process itself is gone (signal 0 only asks whether it exists)
    await expect
      .poll(() => {
        try {
          process.kill(serverPid, 0);
          return 'running';
        } catch {
          return 'gone';
        }
      })
      .toBe('gone');
  }, 90_000);

  it('a first start without a bootstrap key prints a generated key once and writes it to FAKTURO_DATA_DIR/api-key', async () => {
    const server = await keylessStart;
    const banner = BANNER.exec(server.output());
    expect(banner).not.toBeNull();
    const [, file, key] = banner!;
    expect(file).toBe(join(keylessDir, 'api-key'));
    expect(readFileSync(file!, 'utf8')).toBe(`${key}\n`);
    expect((await getOrganization(server, key!)).status).toBe(200);
    expect(server.output().split(key!).length - 1).toBe(2); // the banner and the curl hint, nowhere else
    // the banner's curl works at once: it is printed when the API listens, not while the worker and the routes
    // are still starting (a request sent the moment it appeared used to be refused)
    expect(await server.bannerProbe()).toBe(200);
    // the worker's pool comes with its error handlers: graphile-worker has nothing to warn about
    await server.waitFor(/Worker connected and looking for jobs/);
    expect(server.output()).not.toMatch(/error handlers/);
    expect(await terminate(server)).toMatchObject({ code: 0, signal: null });
  }, 90_000);
});
