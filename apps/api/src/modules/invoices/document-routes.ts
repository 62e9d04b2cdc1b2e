import type {
  Ctx,
  Document,
  DocumentDraftInput,
  DocumentListQuery,
  documentService,
  Page,
} from '@fakturo/domain';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { TObject, TSchema } from '@sinclair/typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyReply } from 'fastify';
import { expectedVersion, withEtag } from '../../plugins/versioning';
import { IdParams, problemResponses } from '../../schemas/common';
import { EInvoiceQuerySchema } from './schemas';

/**
 * The routes every document resource shares (`/invoices`, `/credit-notes`, `/quotes`): list, create, read,
 * change and delete drafts, finalize, and the stored PDF. Each resource module adds its own actions.
 */

export interface DocumentVerbs {
  list: (ctx: Ctx, query: DocumentListQuery) => Promise<Page<Document>>;
  get: (ctx: Ctx, id: string) => Promise<Document>;
  create: (ctx: Ctx, input: DocumentDraftInput) => Promise<Document>;
  update: (ctx: Ctx, id: string, patch: DocumentDraftInput, expectedVersion?: number) => Promise<Document>;
  remove: (ctx: Ctx, id: string) => Promise<Document>;
  finalize: (ctx: Ctx, id: string) => Promise<Document>;
  file: (ctx: Ctx, id: string, kind: documentService.FileKind) => Promise<documentService.DocumentFile>;
}

export interface DocumentResource {
  /** URL segment, e.g. `invoices`. */
  path: string;
  /** Singular for operation ids, e.g. `Invoice`, `CreditNote`. */
  name: string;
  /** For people, e.g. `invoice`, `credit note`. */
  label: string;
  /** The prefix of its error codes and events: `invoice`, `credit_note`, `quote`. */
  code: 'invoice' | 'credit_note' | 'quote';
  tags: string[];
  verbs: DocumentVerbs;
  schema: TSchema;
  page: TSchema;
  create: TSchema;
  update: TSchema;
  listQuery: TObject;
  /** Extra words for the create operation. */
  createDescription: string;
}

/** Sends a stored file as it is, with its SHA-256 as ETag and header (the same value as on the document). */
export function sendFile(
  reply: FastifyReply,
  file: documentService.DocumentFile,
  disposition: 'inline' | 'attachment',
) {
  return reply
    .type(file.mimeType)
    .header('content-disposition', `${disposition}; filename="${file.filename}"`)
    .header('etag', `"${file.sha256}"`)
    .header('x-content-sha256', file.sha256)
    .send(file.content);
}

const fileResponse = (mime: string, description: string) => ({
  200: { description, content: { [mime]: { schema: Type.String({ format: 'binary' }) } } },
  ...problemResponses,
});

export function documentRoutes(resource: DocumentResource): FastifyPluginAsyncTypebox {
  const { path, name, label, code, tags, verbs } = resource;
  const response = Type.Ref(resource.schema);
  return async (app) => {
    app.get(
      `/${path}`,
      {
        schema: {
          tags,
          operationId: `list${name}s`,
          summary: `List ${label}s`,
          description:
            'Newest first. Filter by status, contact, creation time, issue date, part of the number (`q`), and `needsAttention=true` for drafts without a send date.',
          querystring: resource.listQuery,
          response: { 200: Type.Ref(resource.page), ...problemResponses },
        },
      },
      async (request) => verbs.list(request.ctx, request.query as DocumentListQuery),
    );

    app.post(
      `/${path}`,
      {
        schema: {
          tags,
          operationId: `create${name}`,
          summary: `Create a draft ${label}`,
          description: `${resource.createDescription} VAT category and rate of every line follow from the organisation (seller), the contact (buyer), the line's supply kind and rate kind and the date of supply; every broken rule is reported at once (422) and nothing is written.`,
          body: Type.Ref(resource.create),
          response: { 201: response, ...problemResponses },
        },
      },
      async (request, reply) => {
        const document = await verbs.create(request.ctx, request.body as DocumentDraftInput);
        reply.code(201).header('location', `/v1/${path}/${document.id}`);
        return withEtag(reply, document);
      },
    );

    app.get(
      `/${path}/:id`,
      {
        schema: {
          tags,
          operationId: `get${name}`,
          summary: `Get a ${label}`,
          params: IdParams,
          response: { 200: response, ...problemResponses },
        },
      },
      async (request, reply) => withEtag(reply, await verbs.get(request.ctx, request.params.id)),
    );

    app.patch(
      `/${path}/:id`,
      {
        schema: {
          tags,
          operationId: `update${name}`,
          summary: `Update a draft ${label}`,
          description:
            'Fields present replace the stored ones; `lines` replaces all lines, and VAT and totals are computed again. Once finalized, only `sendDate` and `metadata` may change — any content change answers 409 `document_immutable` (GoBD). Send `If-Match` to avoid overwriting someone else’s change (412).',
          params: IdParams,
          body: Type.Ref(resource.update),
          response: { 200: response, ...problemResponses },
        },
      },
      async (request, reply) =>
        withEtag(
          reply,
          await verbs.update(
            request.ctx,
            request.params.id,
            request.body as DocumentDraftInput,
            expectedVersion(request),
          ),
        ),
    );

    app.delete(
      `/${path}/:id`,
      {
        schema: {
          tags,
          operationId: `delete${name}`,
          summary: `Delete a draft ${label}`,
          description: `Only drafts; an issued ${label} is kept for its retention period and corrected by a new document (409 \`${resource.code}_not_draft\`).`,
          params: IdParams,
          response: { 204: Type.Null(), ...problemResponses },
        },
      },
      async (request, reply) => {
        await verbs.remove(request.ctx, request.params.id);
        return reply.code(204).send(null);
      },
    );

    app.post(
      `/${path}/:id/finalize`,
      {
        schema: {
          tags,
          operationId: `finalize${name}`,
          summary: `Finalize (issue) a draft ${label}`,
          description:
            'Checks what UStG §14(4) requires (seller address and VAT id or tax number, buyer name and address, at least one line: 422 `document_incomplete` lists every gap), decides VAT for the parties as they are now, sets the issue date (today unless set), the date of supply and the due date from the payment terms, freezes seller, buyer and branding, and takes the next number of the organisation’s range for this type — gap-free, inside the same transaction. The PDF and e-invoices are rendered by the worker and stored with their SHA-256. From now on the content is immutable.' +
            (code === 'invoice'
              ? ' A corrected invoice (384) replaces the invoice it corrects: that invoice is cancelled in the same transaction, with its cancellation document, as `POST /v1/invoices/{id}/cancel` would — and refused as that would be (409 `invoice_has_payments`, `invoice_has_credit_notes`, `invoice_already_cancelled`), writing nothing.'
              : ''),
          params: IdParams,
          response: { 200: response, ...problemResponses },
        },
      },
      async (request, reply) => withEtag(reply, await verbs.finalize(request.ctx, request.params.id)),
    );

    app.get(
      `/${path}/:id/pdf`,
      {
        schema: {
          tags,
          operationId: `get${name}Pdf`,
          summary: `The ${label} as PDF`,
          description:
            'The stored PDF of the issued document: the same bytes every time, their SHA-256 in `ETag`, `X-Content-SHA256` and the document’s `pdfSha256`. If the worker has not rendered it yet, it is rendered now and stored. A draft answers 409.',
          params: IdParams,
          response: fileResponse('application/pdf', 'The PDF (A4, PDF/A-3b)'),
        },
      },
      async (request, reply) =>
        sendFile(reply, await verbs.file(request.ctx, request.params.id, 'pdf'), 'inline'),
    );
  };
}

/** `GET /<path>/{id}/e-invoice?format=…` for the resources that are invoices in the EN 16931 sense. */
export function eInvoiceRoute(
  resource: Pick<DocumentResource, 'path' | 'name' | 'label' | 'tags' | 'verbs'>,
): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      `/${resource.path}/:id/e-invoice`,
      {
        schema: {
          tags: resource.tags,
          operationId: `get${resource.name}EInvoice`,
          summary: `The ${resource.label} as e-invoice`,
          description:
            'EN 16931 e-invoice of the issued document: `xrechnung-cii` and `xrechnung-ubl` (XRechnung 3.0 XML) or `zugferd` (Factur-X EN 16931: the PDF with the CII embedded as factur-x.xml, PDF/A-3). Stored once rendered. A document that breaks an EN 16931 or XRechnung rule answers 422 `einvoice_rules_violated` with the rule ids in `errors` (e.g. BR-DE-15: XRechnung needs the buyer reference, BT-10 — set the contact’s `buyerReference`).',
          params: IdParams,
          querystring: EInvoiceQuerySchema,
          response: {
            200: {
              description: 'The XML (application/xml) or the Factur-X PDF (application/pdf)',
              content: {
                'application/xml': { schema: Type.String() },
                'application/pdf': { schema: Type.String({ format: 'binary' }) },
              },
            },
            ...problemResponses,
          },
        },
      },
      async (request, reply) =>
        sendFile(
          reply,
          await resource.verbs.file(request.ctx, request.params.id, request.query.format),
          'attachment',
        ),
    );
  };
}
