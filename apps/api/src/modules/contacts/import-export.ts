import { Readable } from 'node:stream';
import { type ContactInput, contacts, contactsCsv, type FieldError } from '@fakturo/domain';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { type Static, Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { textFieldErrors } from '../../plugins/text-input';
import { problemResponses, StringEnum } from '../../schemas/common';
import { withoutNullableNoise } from '../../schemas/validator';
import { ContactCreateSchema, ContactExportQuerySchema } from './schemas';

const tags = ['Contacts'];

/** Import bodies may be larger than the API's default 1 MiB: a full file of 10,000 rows fits in 5 MiB. */
export const IMPORT_BODY_LIMIT = 5 * 1024 * 1024;

const FieldErrorSchema = Type.Object({
  path: Type.String({ description: 'The CSV column, e.g. `iban` or `billingCountry`' }),
  code: Type.String({ description: 'The same stable code the API uses for that field, e.g. `iban_invalid`' }),
  message: Type.String(),
});

export const ContactImportReportSchema = Type.Object(
  {
    imported: Type.Integer({ minimum: 0, description: 'Contacts created' }),
    failed: Type.Integer({ minimum: 0, description: 'Rows refused (listed in `errors`)' }),
    contactIds: Type.Array(Type.String(), { description: 'Ids of the created contacts, in file order' }),
    errors: Type.Array(
      Type.Object({
        row: Type.Integer({ minimum: 1, description: 'Data row, 1-based (the header is not counted)' }),
        line: Type.Integer({
          minimum: 2,
          description: 'Line of the file where the row starts (the header is line 1)',
        }),
        errors: Type.Array(FieldErrorSchema),
      }),
    ),
  },
  { $id: 'ContactImportReport', description: 'What a CSV import did, row by row.' },
);

const DelimiterSchema = StringEnum([',', ';'] as const, 'Cell delimiter; URL-encode `;` as `%3B`');

const ContactImportQuerySchema = Type.Object(
  {
    atomic: Type.Optional(
      Type.Boolean({
        default: false,
        description:
          'true: one bad row rejects the whole file (422, nothing written); false: valid rows are imported',
      }),
    ),
    delimiter: Type.Optional(DelimiterSchema),
  },
  { additionalProperties: false },
);

const ContactExportQueryWithFormatSchema = Type.Object(
  {
    ...ContactExportQuerySchema.properties,
    delimiter: Type.Optional(DelimiterSchema),
    bom: Type.Optional(
      Type.Boolean({
        description:
          'Start the file with a UTF-8 byte order mark: Excel reads a CSV file without one in the Windows code page and garbles umlauts (with `delimiter=%3B` for a German Excel). The import accepts files with or without it.',
      }),
    ),
  },
  { additionalProperties: false },
);

/** The rows after a UTF-8 byte order mark. */
async function* withByteOrderMark(rows: AsyncIterable<string>): AsyncGenerator<string> {
  yield '\uFEFF';
  yield* rows;
}

export const contactImportExportSchemas = [ContactImportReportSchema];

const COLUMNS = contactsCsv.CONTACT_CSV_COLUMNS.map((c) => `\`${c}\``).join(', ');

const FORMAT = `**Format.** UTF-8 (a byte order mark is tolerated), delimiter \`,\` or \`;\`, RFC 4180 quoting. The first line names
the columns — any subset, in any order, case-insensitive: ${COLUMNS}. Empty cells mean "not given" (defaults apply:
language \`de\`, currency \`EUR\`, the next customer number). \`tags\` and \`groups\` hold several values separated by \`|\`;
\`groups\` names existing contact groups. \`collectiveInvoicing\` is \`true\` or \`false\` (also \`yes\`/\`no\`, \`1\`/\`0\`);
\`eInvoiceFormat\` is \`xrechnung-cii\`, \`xrechnung-ubl\` or \`zugferd\` (empty: the PDF alone). One e-mail (billing), one phone, the billing address, one bank account
(\`iban\`, \`bic\`, \`accountHolder\`) and optionally one SEPA mandate on that account (\`mandateReference\`,
\`mandateSignedDate\`) per row. Cells starting with \`=\`, \`+\`, \`-\`, \`@\`, tab or carriage return are written with a
leading \`'\` on export (so spreadsheets do not run them as formulas), and such a leading \`'\` is removed on import.`;

/** ajv's instancePath `/emails/0/email` → `emails.0.email`, as the API's error handler names fields. */
function toFieldErrors(
  errors: { instancePath: string; keyword: string; message?: string; params?: Record<string, unknown> }[],
): FieldError[] {
  return withoutNullableNoise(errors).map((error) => {
    const parts = error.instancePath.split('/').filter(Boolean);
    const missing = error.params?.missingProperty ?? error.params?.additionalProperty;
    if (typeof missing === 'string') parts.push(missing);
    const code =
      error.keyword === 'required'
        ? 'required'
        : error.keyword === 'enum' || error.keyword === 'anyOf'
          ? 'value_not_allowed'
          : error.keyword === 'pattern' || error.keyword === 'format'
            ? 'format_invalid'
            : `${error.keyword.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}_invalid`;
    return { path: parts.join('.') || 'row', code, message: error.message ?? 'is invalid' };
  });
}

const CREATE_BODY = Type.Ref(ContactCreateSchema);

/**
 * Each row passes the same body schema as `POST /v1/contacts` (lengths, patterns), with the same ajv. It
 * checks a copy: the API's ajv coerces types in place (a `null` in a nullable string would become `""`).
 */
function shapeChecker(request: FastifyRequest) {
  const validate = request.compileValidationSchema(CREATE_BODY, 'body');
  // a cell holding a character XML cannot carry is that row's error, as the same field of a JSON body is a 400
  return (input: ContactInput): FieldError[] => [
    ...(validate(structuredClone(input))
      ? []
      : toFieldErrors((validate.errors ?? []) as Parameters<typeof toFieldErrors>[0])),
    ...textFieldErrors(input),
  ];
}

export const contactImportExportRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // The CSV body parser lives in this child context only: no other route accepts text/csv, and this route
  // accepts nothing else (415).
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser(
      'text/csv',
      { parseAs: 'string', bodyLimit: IMPORT_BODY_LIMIT },
      (_request, body, done) => done(null, body),
    );

    scope.post(
      '/contacts/import',
      {
        bodyLimit: IMPORT_BODY_LIMIT,
        schema: {
          tags,
          operationId: 'importContacts',
          summary: 'Import contacts from CSV',
          description: `Send the file as the body with \`Content-Type: text/csv\` (at most 5 MiB and 10,000 rows).
Every row is checked like \`POST /v1/contacts\` (IBAN, BIC, VAT id, addresses, mandate references, customer numbers,
\`externalId\` + \`source\`), and rows repeating a customer number, a \`source\` + \`externalId\` or a mandate reference of
an earlier row are refused too. The valid rows are created in one transaction (one \`contact.created\` event each),
the others are reported by row and line with the offending column. With \`atomic=true\` one bad row rejects the file:
422 \`contact_import_rejected\` with the same report in \`rows\`, and nothing is written. A file that cannot be read
(malformed CSV — the error names the line —, an unknown column, more than 10,000 rows, not UTF-8) is refused with 400.

${FORMAT}`,
          querystring: ContactImportQuerySchema,
          body: { content: { 'text/csv': { schema: Type.String({ description: 'The CSV file' }) } } },
          response: { 200: Type.Ref(ContactImportReportSchema), ...problemResponses },
        },
      },
      async (request) => {
        // a per-content-type body schema is not a TypeBox schema, so the type provider cannot infer this route
        const query = request.query as Static<typeof ContactImportQuerySchema>;
        return contacts.importCsv(request.ctx, request.body as string, {
          atomic: query.atomic,
          delimiter: query.delimiter,
          checkShape: shapeChecker(request),
        });
      },
    );
  });

  app.get(
    '/contacts/export',
    {
      schema: {
        tags,
        operationId: 'exportContacts',
        summary: 'Export contacts as CSV',
        description: `The contacts matching the same filters as \`GET /v1/contacts\` (archived ones only with
\`archived=true\`), oldest first, as a CSV file in the import format: an exported file imports again. Streamed, so
any number of contacts can be exported. \`delimiter=%3B\` writes \`;\` for spreadsheet programs set to a German locale, and
\`bom=true\` starts the file with a UTF-8 byte order mark, without which Excel garbles umlauts (\`?delimiter=%3B&bom=true\`
opens right in a German Excel by double-click).

${FORMAT}`,
        querystring: ContactExportQueryWithFormatSchema,
        response: {
          200: {
            description: 'The CSV file (`text/csv; charset=utf-8`), as an attachment',
            content: { 'text/csv': { schema: Type.String() } },
          },
          ...problemResponses,
        },
      },
    },
    async (request, reply) => {
      const { delimiter, bom, ...filters } = request.query;
      const day = request.ctx.clock.now().toISOString().slice(0, 10);
      reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="contacts-${day}.csv"`);
      // a stream is sent as it is (no serialisation); the type provider only knows the JSON responses
      const rows = contacts.exportCsv(request.ctx, filters, { delimiter });
      return reply.send(Readable.from(bom ? withByteOrderMark(rows) : rows) as never);
    },
  );
};
