import {
  type BankStatementImportInput,
  bankStatementFiles,
  bankStatements,
  type CsvColumnMapping,
} from '@fakturo/domain';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { IdParams, problemResponses } from '../../schemas/common';
import {
  type BankStatementImportQuery,
  BankStatementImportQuerySchema,
  BankStatementImportSchema,
  BankStatementListQuerySchema,
  BankStatementPageSchema,
  BankStatementSchema,
  BankTransactionListQuerySchema,
  BankTransactionPageSchema,
  BankTransactionSchema,
} from './schemas';

const tags = ['Banking'];

/** The media types a statement file may be sent as; anything else is 415. */
const FILE_TYPES = ['application/xml', 'text/xml', 'text/plain', 'text/csv', 'application/octet-stream'];

// each CSV field is the query parameter `<field>Column`
const COLUMN_PARAMS = bankStatementFiles.CSV_COLUMN_FIELDS.map(
  (field) => [`${field}Column` as keyof BankStatementImportQuery, field] as const,
);

/** The query's flat CSV parameters as the domain's column mapping; a `text/csv` body means format csv. */
function importInput(
  content: string,
  query: BankStatementImportQuery,
  contentType: string,
): BankStatementImportInput {
  const columns: Partial<CsvColumnMapping> = {};
  for (const [param, field] of COLUMN_PARAMS) {
    const value = query[param];
    if (typeof value === 'string') columns[field] = value;
  }
  const format = query.format ?? (/^text\/csv\b/i.test(contentType) ? 'csv' : undefined);
  const csvGiven = Object.keys(columns).length > 0;
  return {
    content,
    format,
    csv:
      csvGiven || format === 'csv'
        ? {
            columns: columns as CsvColumnMapping,
            delimiter: query.delimiter === 'tab' ? '\t' : query.delimiter,
            decimalSeparator: query.decimalSeparator,
            dateFormat: query.dateFormat,
            skipLines: query.skipLines,
            currency: query.currency,
            accountIban: query.accountIban,
          }
        : undefined,
  };
}

const IMPORT_DESCRIPTION = `Send the file as the request body (at most ${bankStatementFiles.MAX_FILE_BYTES / 1024 / 1024} MiB, else 413), with
\`Content-Type\` \`application/xml\` (camt), \`text/plain\` (MT940), \`text/csv\` (CSV) or \`application/octet-stream\`.
The charset comes from \`Content-Type\` (\`; charset=iso-8859-1\`), the XML declaration or a byte order mark; without
one, UTF-8, and Windows-1252 when the bytes are not UTF-8 (German banks' MT940 and CSV exports).

**Formats.** camt.053 and camt.054 in versions 001.02 and 001.08 (recognised by their namespace); MT940 with the
German structure of field :86: (\`?20\`–\`?32\`, SEPA tags \`EREF+\`, \`MREF+\`, \`KREF+\`, \`CRED+\`, \`SVWZ+\`, return
reasons in \`?34\`); CSV with the column mapping given as query parameters (\`bookingDateColumn\` and \`amountColumn\`
— or \`creditColumn\` + \`debitColumn\` — at least; values are header names). A file may hold several statements.

**Idempotent.** Every transaction gets a de-duplication key (the bank's entry reference where the format makes it
unique, else a hash of account, date, amount, references, counterparty, text and its occurrence in the statement):
importing the same file again or an overlapping statement stores nothing twice; \`skipped\` counts what was already
there. Only booked entries are imported (camt pending entries are reported in \`warnings\`).

**Refused, nothing written.** A file that cannot be read answers 422 naming the line or element:
\`bank_statement_invalid\` (with every problem in \`errors\`), \`xml_malformed\`, \`xml_doctype_forbidden\` (a DOCTYPE is
never accepted: no external entities), \`xml_too_deep\`, \`csv_malformed\`, \`csv_column_unknown\` (in \`errors\`),
\`bank_statement_format_unknown\`, \`bank_statement_format_unsupported\` (another camt version),
\`bank_statement_too_many_transactions\` (over ${bankStatementFiles.MAX_TRANSACTIONS}).`;

export const bankStatementRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // The file body parsers live in this child context only: no other route takes these media types raw.
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser(
      FILE_TYPES,
      { parseAs: 'buffer', bodyLimit: bankStatementFiles.MAX_FILE_BYTES },
      (request, body, done) => {
        const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(String(request.headers['content-type'] ?? ''));
        try {
          done(null, bankStatementFiles.decodeStatementFile(body as Buffer, charset?.[1]));
        } catch (error) {
          done(error as Error, undefined);
        }
      },
    );

    scope.post(
      '/bank-statements',
      {
        bodyLimit: bankStatementFiles.MAX_FILE_BYTES,
        schema: {
          tags,
          operationId: 'importBankStatement',
          summary: 'Import a bank statement file (camt.053/.054, MT940, CSV)',
          description: IMPORT_DESCRIPTION,
          querystring: BankStatementImportQuerySchema,
          body: {
            content: Object.fromEntries(
              FILE_TYPES.map((type) => [
                type,
                { schema: Type.String({ description: 'The statement file' }) },
              ]),
            ),
          },
          response: { 201: Type.Ref(BankStatementImportSchema), ...problemResponses },
        },
      },
      async (request, reply) => {
        // a per-content-type body schema is not a TypeBox schema, so the type provider cannot infer this route
        const query = request.query as BankStatementImportQuery;
        const input = importInput(
          request.body as string,
          query,
          String(request.headers['content-type'] ?? ''),
        );
        const result = await bankStatements.importFile(request.ctx, input);
        return reply.code(201).send(result);
      },
    );
  });

  app.get(
    '/bank-statements',
    {
      schema: {
        tags,
        operationId: 'listBankStatements',
        summary: 'List imported bank statements',
        querystring: BankStatementListQuerySchema,
        response: { 200: Type.Ref(BankStatementPageSchema), ...problemResponses },
      },
    },
    async (request) => bankStatements.listStatements(request.ctx, request.query),
  );

  app.get(
    '/bank-statements/:id',
    {
      schema: {
        tags,
        operationId: 'getBankStatement',
        summary: 'Get a bank statement',
        params: IdParams,
        response: { 200: Type.Ref(BankStatementSchema), ...problemResponses },
      },
    },
    async (request) => bankStatements.getStatement(request.ctx, request.params.id),
  );

  app.get(
    '/bank-transactions',
    {
      schema: {
        tags,
        operationId: 'listBankTransactions',
        summary: 'List bank transactions',
        description:
          'Newest import first. Filters: `status` (unmatched, suggested, matched, ignored), `statementId`, booking date range, signed amount range in minor units, `creditDebit`, `currency`.',
        querystring: BankTransactionListQuerySchema,
        response: { 200: Type.Ref(BankTransactionPageSchema), ...problemResponses },
      },
    },
    async (request) => bankStatements.listTransactions(request.ctx, request.query),
  );

  app.get(
    '/bank-transactions/:id',
    {
      schema: {
        tags,
        operationId: 'getBankTransaction',
        summary: 'Get a bank transaction',
        params: IdParams,
        response: { 200: Type.Ref(BankTransactionSchema), ...problemResponses },
      },
    },
    async (request) => bankStatements.getTransaction(request.ctx, request.params.id),
  );
};
