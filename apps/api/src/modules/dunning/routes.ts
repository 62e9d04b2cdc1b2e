import { type DunningNoticeListQuery, dunning } from '@fakturo/domain';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyReply } from 'fastify';
import { expectedVersion, withEtag } from '../../plugins/versioning';
import { bodyOptional, IdParams, problemResponses } from '../../schemas/common';
import {
  DunningNoticeListQuerySchema,
  DunningNoticePageSchema,
  DunningNoticeSchema,
  DunningRunCreateSchema,
  DunningRunListQuerySchema,
  DunningRunPageSchema,
  DunningRunPreviewSchema,
  DunningRunSchema,
  DunningSettingsSchema,
  DunningSettingsUpdateSchema,
} from './schemas';

/**
 * Dunning (DOMAIN.md §10): the levels, runs and the letters they issue. Thin: every rule is in the domain's
 * dunning service.
 */

const tags = ['Dunning'];

/** The stored bytes with their SHA-256, as the document files are served (invoices/document-routes.ts). */
function sendPdf(reply: FastifyReply, file: dunning.NoticeFile) {
  return reply
    .type(file.mimeType)
    .header('content-disposition', `inline; filename="${file.filename}"`)
    .header('etag', `"${file.sha256}"`)
    .header('x-content-sha256', file.sha256)
    .send(file.content);
}

export const dunningRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/dunning-levels',
    {
      schema: {
        tags,
        operationId: 'getDunningLevels',
        summary: 'Get your dunning levels',
        description:
          'Until you save your own, the defaults of DOMAIN.md §10 are in effect (`isDefault: true`): a free payment reminder 7 days after the due date, the 1st dunning notice after 14 days with a fee of 5, the 2nd after 28 days with 10 plus default interest. `ETag` carries the version for `If-Match`.',
        response: { 200: Type.Ref(DunningSettingsSchema), ...problemResponses },
      },
    },
    async (request, reply) => withEtag(reply, await dunning.getSettings(request.ctx)),
  );

  app.put(
    '/dunning-levels',
    {
      schema: {
        tags,
        operationId: 'updateDunningLevels',
        summary: 'Replace your dunning levels',
        description:
          'Replaces every level (an empty list switches dunning off) and your own base rates. Levels are numbered 1, 2, 3 … in order with days after the due date rising; fees are minor units of your currency from 0 and carry no VAT. A rule broken answers 422 naming every offending field, and nothing is written. `If-Match` with the version answers 412 when someone changed the levels meanwhile. Letters already issued keep what they were issued with.',
        body: Type.Ref(DunningSettingsUpdateSchema),
        response: { 200: Type.Ref(DunningSettingsSchema), ...problemResponses },
      },
    },
    async (request, reply) =>
      withEtag(reply, await dunning.updateSettings(request.ctx, request.body, expectedVersion(request))),
  );

  app.get(
    '/dunning-runs',
    {
      schema: {
        tags,
        operationId: 'listDunningRuns',
        summary: 'List dunning runs',
        querystring: DunningRunListQuerySchema,
        response: { 200: Type.Ref(DunningRunPageSchema), ...problemResponses },
      },
    },
    async (request) => dunning.listRuns(request.ctx, request.query),
  );

  app.post(
    '/dunning-runs',
    {
      schema: {
        tags,
        operationId: 'startDunningRun',
        summary: 'Start a dunning run',
        description:
          'Looks at every open invoice past its due date on `asOf` (default today) and issues, per contact, level and currency, one letter for the invoices that reached a level they were not dunned at before: PDF, e-mail, and a `dunning.level_reached` event per invoice. Paid and cancelled invoices are never dunned. The run works in the worker: the answer is 202 with the run; follow it on `GET /dunning-runs/{id}`. With `dryRun: true` the answer is 200 with the letters that would be issued, and nothing is written. The worker also starts one run per day by itself.',
        body: Type.Ref(DunningRunCreateSchema),
        response: {
          200: Type.Ref(DunningRunPreviewSchema),
          202: Type.Ref(DunningRunSchema),
          ...problemResponses,
        },
      },
      preValidation: bodyOptional,
    },
    async (request, reply) => {
      const result = await dunning.start(request.ctx, request.body);
      if ('dryRun' in result) return reply.code(200).send(result);
      reply.code(202).header('location', `/v1/dunning-runs/${result.id}`);
      return result;
    },
  );

  app.get(
    '/dunning-runs/:id',
    {
      schema: {
        tags,
        operationId: 'getDunningRun',
        summary: 'Get a dunning run',
        description:
          'Progress while it runs: contacts processed and failed, letters issued, per-contact errors.',
        params: IdParams,
        response: { 200: Type.Ref(DunningRunSchema), ...problemResponses },
      },
    },
    async (request) => dunning.getRun(request.ctx, request.params.id),
  );

  app.get(
    '/dunning-notices',
    {
      schema: {
        tags,
        operationId: 'listDunningNotices',
        summary: 'List dunning letters',
        description:
          'Newest first. Filter by contact, invoice (the letters that covered it), level, run or status.',
        querystring: DunningNoticeListQuerySchema,
        response: { 200: Type.Ref(DunningNoticePageSchema), ...problemResponses },
      },
    },
    async (request) => dunning.listNotices(request.ctx, request.query as DunningNoticeListQuery),
  );

  app.get(
    '/dunning-notices/:id',
    {
      schema: {
        tags,
        operationId: 'getDunningNotice',
        summary: 'Get a dunning letter',
        params: IdParams,
        response: { 200: Type.Ref(DunningNoticeSchema), ...problemResponses },
      },
    },
    async (request) => dunning.getNotice(request.ctx, request.params.id),
  );

  app.get(
    '/dunning-notices/:id/pdf',
    {
      schema: {
        tags,
        operationId: 'getDunningNoticePdf',
        summary: 'The dunning letter as PDF',
        description:
          'The stored PDF, as it was e-mailed: the same bytes every time, their SHA-256 in `ETag`, `X-Content-SHA256` and the notice’s `pdfSha256`.',
        params: IdParams,
        response: {
          200: {
            description: 'The PDF (A4, PDF/A-3b)',
            content: { 'application/pdf': { schema: Type.String({ format: 'binary' }) } },
          },
          ...problemResponses,
        },
      },
    },
    async (request, reply) => sendPdf(reply, await dunning.pdf(request.ctx, request.params.id)),
  );
};
