import { Readable } from 'node:stream';
import { reports } from '@fakturo/domain';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { type TSchema, Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { problemResponses } from '../../schemas/common';
import {
  AgingReportQuerySchema,
  AgingReportSchema,
  MrrEntryPageSchema,
  MrrMovementsQuerySchema,
  MrrRebuildSchema,
  MrrReportQuerySchema,
  MrrReportSchema,
  RevenueReportQuerySchema,
  RevenueReportSchema,
  VatReportQuerySchema,
  VatReportSchema,
} from './schemas';

const tags = ['Reports'];

const CSV_NOTE =
  'Send `Accept: text/csv` for the same figures as CSV: one row per JSON row, the same field names as columns, the same units (minor units, decimal-string rates), RFC 4180 quoting.';

/** A report answers JSON, or CSV when the caller asks for it (`Accept: text/csv`). */
export function wantsCsv(request: FastifyRequest): boolean {
  return /\btext\/csv\b/i.test(String(request.headers.accept ?? ''));
}

/** The 200 of a report: the JSON schema, and the CSV alternative for the OpenAPI document. */
export function reportResponse(schema: TSchema, description: string) {
  return {
    200: {
      description,
      content: {
        'application/json': { schema: Type.Ref(schema) },
        'text/csv': { schema: Type.String({ description: 'The same rows as CSV (`Accept: text/csv`)' }) },
      },
    },
    ...problemResponses,
  };
}

/** Sends CSV text or a stream of it as a download named `<name>.csv`. */
export function sendCsv(reply: FastifyReply, name: string, csv: string | AsyncIterable<string>) {
  reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}.csv"`);
  // text and streams are sent as they are; the type provider only knows the JSON response
  return reply.send((typeof csv === 'string' ? csv : Readable.from(csv)) as never);
}

export const reportRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/reports/mrr',
    {
      schema: {
        tags,
        operationId: 'getMrrReport',
        summary: 'MRR report',
        description: `Monthly recurring revenue (DOMAIN.md §8) at the end of every period from \`from\` to \`to\` (calendar
months, quarters or years), with ARR = 12 × MRR, customer counts and the period's movements: new, expansion,
contraction, churn and reactivation, and the growth, gross/net churn and retention rates. One row per currency and
period — amounts of different currencies are never added up; the organisation's currency always comes first.
Derived from the contracts' history (item versions, scheduled price changes, pauses, end dates), so any past month
can be read again and gives the same figures. Default range: the 12 months up to today. ${CSV_NOTE}`,
        querystring: MrrReportQuerySchema,
        response: reportResponse(MrrReportSchema, 'The MRR report'),
      },
    },
    async (request, reply) => {
      const report = await reports.mrr(request.ctx, request.query);
      if (wantsCsv(request)) return sendCsv(reply, `mrr-${report.from}-${report.to}`, reports.mrrCsv(report));
      return report;
    },
  );

  app.get(
    '/reports/mrr/movements',
    {
      schema: {
        tags,
        operationId: 'listMrrMovements',
        summary: 'MRR metric entries',
        description: `Every change of a contract's MRR (JustOn's metric entry): previous, change, actual, initial,
expansion, churn, the smoothed change of the customer's burst of changes within two days, and what that burst did to
the customer (\`movement\`). Oldest first; filter by \`contactId\`, \`contractId\`, \`currency\`, \`from\`/\`to\` (entry
date) and \`movement\`. ${CSV_NOTE} As CSV every matching entry is streamed (no page limit).`,
        querystring: MrrMovementsQuerySchema,
        response: reportResponse(MrrEntryPageSchema, 'A page of entries'),
      },
    },
    async (request, reply) => {
      if (wantsCsv(request)) {
        const { limit: _limit, startingAfter: _after, ...filters } = request.query;
        // the first chunk runs the filter checks, so a bad filter still answers problem+json
        const stream = reports.movementsCsv(request.ctx, filters);
        const first = await stream.next();
        const rest = async function* () {
          if (!first.done) yield first.value;
          yield* stream;
        };
        return sendCsv(reply, 'mrr-movements', rest());
      }
      return reports.movements(request.ctx, request.query);
    },
  );

  app.post(
    '/reports/mrr/rebuild',
    {
      schema: {
        tags,
        operationId: 'rebuildMrr',
        summary: 'Rebuild the MRR entries',
        description:
          'Queues a job that recomputes every MRR entry and the monthly sums from the contracts. The entries are kept up to date by every contract change anyway; a rebuild gives exactly the same figures and is there for repairs (e.g. after an MRR rule changed). A second request while one is queued does not queue another.',
        response: { 202: Type.Ref(MrrRebuildSchema), ...problemResponses },
      },
    },
    async (request, reply) => {
      reply.code(202);
      return reports.requestRebuild(request.ctx);
    },
  );

  app.get(
    '/reports/revenue',
    {
      schema: {
        tags,
        operationId: 'getRevenueReport',
        summary: 'Revenue report',
        description: `Revenue per calendar period, per currency (never added across currencies; the organisation's first).
**Invoiced** (by issue date): net, VAT and gross of the issued invoices and corrected invoices less credit notes and
cancellations, by VAT category and rate. **Collected** (by the day the money moved, \`paidAt\` in the organisation's
time zone): succeeded payments less refunds; of it, the money on invoices by VAT category and rate — each invoice's
money split in proportion to what it owes by rate — and the rest, which went into (or came out of) customers' credit
balances. Default range: the 12 months up to today. ${CSV_NOTE} The CSV has one line per currency, period, category
and rate, plus a line without category and rate for the credit-balance part of \`collected\` (a period's totals are
the sums of its lines).`,
        querystring: RevenueReportQuerySchema,
        response: reportResponse(RevenueReportSchema, 'The revenue report'),
      },
    },
    async (request, reply) => {
      const report = await reports.revenue(request.ctx, request.query);
      if (wantsCsv(request))
        return sendCsv(reply, `revenue-${report.from}-${report.to}`, reports.revenueCsv(report));
      return report;
    },
  );

  app.get(
    '/reports/receivables-aging',
    {
      schema: {
        tags,
        operationId: 'getReceivablesAging',
        summary: 'Receivables aging',
        description: `What every contact owed at the end of \`asOf\` (default today on the organisation's clock) on the
invoices issued and not cancelled by then — the amount due less the credit notes issued by then less the money that
moved on it by then (payments by \`paidAt\`, less refunds that reopened it) — in buckets by days past the due date on
that day — current, 1–30, 31–60, 61–90, more than 90 — per currency, with totals and DSO (open receivables ÷ gross
invoiced in the \`dsoDays\` days ending on \`asOf\` × dsoDays). ${CSV_NOTE} The CSV holds the contact rows.`,
        querystring: AgingReportQuerySchema,
        response: reportResponse(AgingReportSchema, 'The aging report'),
      },
    },
    async (request, reply) => {
      const report = await reports.receivablesAging(request.ctx, request.query);
      if (wantsCsv(request))
        return sendCsv(reply, `receivables-aging-${report.asOf}`, reports.agingCsv(report));
      return report;
    },
  );

  app.get(
    '/reports/vat',
    {
      schema: {
        tags,
        operationId: 'getVatReport',
        summary: 'VAT report',
        description: `Net and VAT per period, VAT category and rate from the VAT breakdown of every issued invoice, corrected
invoice, credit note and cancellation (the last two negative) — the figures of a German advance VAT return
(Umsatzsteuer-Voranmeldung): each row names its field (Kennzahl) of form USt 1 A for a German seller in EUR, and
\`totals\` gives per period the taxable, zero-rated, reverse-charge (AE), intra-EU (K), export, exempt and not-taxable
amounts and the VAT owed. Without \`from\` and \`to\`: the previous month (or quarter/year with \`interval\`).
\`dateBasis=supply_date\` assigns invoices by their date of supply instead of their issue date. Other currencies get
rows of their own (a return is filed in EUR: converting them is the filer's step, UStG §16(6)). ${CSV_NOTE} The CSV
holds the rows of \`data\`.`,
        querystring: VatReportQuerySchema,
        response: reportResponse(VatReportSchema, 'The VAT report'),
      },
    },
    async (request, reply) => {
      const report = await reports.vat(request.ctx, request.query);
      if (wantsCsv(request)) return sendCsv(reply, `vat-${report.from}-${report.to}`, reports.vatCsv(report));
      return report;
    },
  );
};
