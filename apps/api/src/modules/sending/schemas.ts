import { CONTACT_EINVOICE_FORMATS, DOCUMENT_FAMILIES, sending } from '@fakturo/domain';
import { type Static, Type } from '@sinclair/typebox';
import { InstantString, Nullable, PageOf, PageQuerySchema, StringEnum } from '../../schemas/common';

// The send log of documents (issue 5, item 7). The domain types (sending/types.ts) are asserted against
// these schemas at the end of the file.

const Recipients = Type.Array(
  Type.String({ minLength: 3, maxLength: 254, examples: ['billing@example.com'] }),
  {
    minItems: 1,
    maxItems: sending.MAX_RECIPIENTS,
    description:
      'E-mail addresses the mail goes to; default: the contact’s billing addresses (else its first)',
  },
);

const EInvoiceFormat = StringEnum(
  CONTACT_EINVOICE_FORMATS,
  'xrechnung-cii / xrechnung-ubl: the XRechnung XML attached beside the PDF; zugferd: the Factur-X PDF (XML embedded) instead of the plain PDF',
);

export const DocumentSendSchema = Type.Object(
  {
    id: Type.String({ examples: ['dsnd_01JD3Y8WQ4XK0R5N6S7T8V9W0A'] }),
    documentId: Type.String(),
    documentFamily: StringEnum(DOCUMENT_FAMILIES, 'Where the document lives: invoice, credit_note or quote'),
    documentNumber: Nullable(Type.String()),
    status: StringEnum(
      sending.DOCUMENT_SEND_STATUSES,
      'queued (waiting for the worker, or for its next attempt after a transient failure), sending, sent, failed',
    ),
    trigger: StringEnum(
      sending.DOCUMENT_SEND_TRIGGERS,
      'manual (POST …/send), schedule (the send date arrived), billing_run (finalize_and_send)',
    ),
    recipients: Type.Array(Type.String()),
    rejectedRecipients: Type.Array(Type.String(), {
      description: 'Addresses the server refused while it accepted the others (the mail went to the rest)',
    }),
    eInvoiceFormat: Nullable(EInvoiceFormat),
    attachments: Type.Array(
      Type.Object({
        filename: Type.String(),
        contentType: Type.String(),
        size: Type.Integer({ description: 'Bytes' }),
        sha256: Type.String({ description: 'The same SHA-256 as the stored file (GoBD)' }),
      }),
      { description: 'What the mail carried; empty until it was composed' },
    ),
    attempts: Type.Integer({ description: 'Delivery attempts so far' }),
    lastErrorCode: Nullable(
      Type.String({
        description:
          'smtp_rejected (5xx: bounced), smtp_deferred (4xx), smtp_unreachable, smtp_auth_failed, recipient_missing, einvoice_rules_violated, …',
      }),
    ),
    lastError: Nullable(Type.String()),
    smtpCode: Nullable(Type.Integer({ description: 'The SMTP server’s reply code to the last attempt' })),
    smtpResponse: Nullable(
      Type.String({ description: 'The SMTP server’s reply, e.g. why it bounced the mail' }),
    ),
    messageId: Nullable(Type.String({ description: 'Message-ID of the mail (the same on every attempt)' })),
    nextAttemptAt: Nullable({ ...InstantString, description: 'When the worker tries again' }),
    lastAttemptAt: Nullable(InstantString),
    sentAt: Nullable(InstantString),
    failedAt: Nullable(InstantString),
    createdAt: InstantString,
    updatedAt: InstantString,
  },
  {
    $id: 'DocumentSend',
    description:
      'One e-mail of a document and how its delivery went. Transient failures (4xx, server unreachable) are retried with back-off (about 22 hours in all); a 5xx rejection fails the send at once.',
  },
);

export const DocumentSendPageSchema = PageOf(Type.Ref(DocumentSendSchema), 'DocumentSend');

export const SendDocumentSchema = Type.Object(
  {
    recipients: Type.Optional(Recipients),
    eInvoiceFormat: Type.Optional(
      Nullable({
        ...EInvoiceFormat,
        description:
          'Default: the contact’s `eInvoiceFormat`. null sends the PDF alone. Not for pro-formas (not invoices in the EN 16931 sense).',
      }),
    ),
  },
  {
    $id: 'SendDocument',
    additionalProperties: false,
    description: 'Optional: to whom, and which e-invoice goes with the PDF.',
  },
);

export const SendQuoteSchema = Type.Object(
  { recipients: Type.Optional(Recipients) },
  { $id: 'SendQuote', additionalProperties: false, description: 'Optional: to whom.' },
);

export const RetrySendSchema = Type.Object(
  { recipients: Type.Optional(Recipients) },
  {
    $id: 'RetryDocumentSend',
    additionalProperties: false,
    description: 'Optional: corrected addresses (after a bounce); default the same as before.',
  },
);

export const DocumentSendListQuerySchema = Type.Object(
  { ...PageQuerySchema, status: Type.Optional(StringEnum(sending.DOCUMENT_SEND_STATUSES)) },
  { additionalProperties: false },
);

export const ShareLinkSchema = Type.Object(
  {
    id: Type.String({ examples: ['dtok_01JD3Y8WQ4XK0R5N6S7T8V9W0A'] }),
    documentId: Type.String(),
    sendId: Nullable(
      Type.String({
        description: 'The send whose e-mail carries this link; null for a link made with `…/share-link`',
      }),
    ),
    url: Type.Optional(
      Type.String({
        format: 'uri',
        examples: ['https://billing.example.com/portal/fkp_Qm9vb…'],
        description:
          'The customer portal page of the document, with its secret token. Only in the answer of the create: the token is not stored (only its SHA-256) and cannot be read again.',
      }),
    ),
    expiresAt: { ...InstantString, description: 'From then on the portal answers 410' },
    revokedAt: Nullable({ ...InstantString, description: 'Revoked links open nothing (410)' }),
    createdAt: InstantString,
  },
  {
    $id: 'ShareLink',
    description:
      'A link to the customer portal page of one issued document: no API key, the token is the access. The page shows the document, its PDF and e-invoices, lets an open invoice be paid online and a quote be accepted or declined.',
  },
);

export const ShareLinkPageSchema = PageOf(Type.Ref(ShareLinkSchema), 'ShareLink');

export const CreateShareLinkSchema = Type.Object(
  {
    expiresInDays: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: sending.shareLinks.MAX_SHARE_LINK_DAYS,
        examples: [30],
        description: `Days until the link expires (default ${sending.ACCESS_TOKEN_TTL_DAYS}, as a mailed link)`,
      }),
    ),
  },
  {
    $id: 'CreateShareLink',
    additionalProperties: false,
    description: 'Optional: how long the link opens the page.',
  },
);

export const ShareLinkListQuerySchema = Type.Object(PageQuerySchema, { additionalProperties: false });

export const sendingSchemas = [
  DocumentSendSchema,
  DocumentSendPageSchema,
  SendDocumentSchema,
  SendQuoteSchema,
  RetrySendSchema,
  ShareLinkSchema,
  ShareLinkPageSchema,
  CreateShareLinkSchema,
];

// The wire schema and the domain type must describe the same object; these fail to compile when they drift.
type Assert<T extends true> = T;
export type _SendMatches = Assert<
  sending.DocumentSend extends Static<typeof DocumentSendSchema> ? true : false
>;
export type _SendInputMatches = Assert<
  Static<typeof SendDocumentSchema> extends sending.SendInput ? true : false
>;
export type _QuoteInputMatches = Assert<
  Static<typeof SendQuoteSchema> extends sending.SendInput ? true : false
>;
export type _RetryMatches = Assert<Static<typeof RetrySendSchema> extends sending.RetryInput ? true : false>;
export type _ListMatches = Assert<
  Static<typeof DocumentSendListQuerySchema> extends sending.DocumentSendListQuery ? true : false
>;
export type _ShareLinkMatches = Assert<
  sending.shareLinks.ShareLink extends Static<typeof ShareLinkSchema> ? true : false
>;
export type _ShareLinkInputMatches = Assert<
  Static<typeof CreateShareLinkSchema> extends sending.shareLinks.ShareLinkInput ? true : false
>;
