import { type DocumentFamily, sending } from '@fakturo/domain';
import type { IResolvers, MercuriusContext } from 'mercurius';
import { validateInput } from '../../graphql/validate';
import type { GraphqlModule } from '../../plugins/graphql';
import { defined } from '../articles/graphql';
import {
  CreateShareLinkSchema,
  DocumentSendListQuerySchema,
  RetrySendSchema,
  SendDocumentSchema,
  SendQuoteSchema,
  ShareLinkListQuerySchema,
} from './schemas';

// Sending in GraphQL: the same domain verbs and input schemas as REST.

const typeDefs = `
  type DocumentSendAttachment { filename: String!, contentType: String!, size: Int!, sha256: String! }

  "One e-mail of a document and how its delivery went. Same fields as the REST DocumentSend."
  type DocumentSend {
    id: ID!, documentId: ID!, documentFamily: String!, documentNumber: String, status: String!, trigger: String!,
    recipients: [String!]!, rejectedRecipients: [String!]!, eInvoiceFormat: String,
    attachments: [DocumentSendAttachment!]!, attempts: Int!, lastErrorCode: String, lastError: String, smtpCode: Int,
    smtpResponse: String, messageId: String, nextAttemptAt: String, lastAttemptAt: String, sentAt: String,
    failedAt: String, createdAt: String!, updatedAt: String!
  }
  type DocumentSendConnection { data: [DocumentSend!]!, hasMore: Boolean!, nextCursor: String }

  "A customer portal link to one issued document. Same fields as the REST ShareLink: url only when made."
  type ShareLink { id: ID!, documentId: ID!, sendId: ID, url: String, expiresAt: String!, revokedAt: String, createdAt: String! }
  type ShareLinkConnection { data: [ShareLink!]!, hasMore: Boolean!, nextCursor: String }

  extend type Query {
    documentSend(id: ID!): DocumentSend
    "The send log of an invoice, credit note or quote, newest first."
    documentSends(documentId: ID!, limit: Int, startingAfter: String, status: String): DocumentSendConnection!
    "The portal links of an invoice, credit note or quote, newest first, mailed ones included (without URLs)."
    shareLinks(documentId: ID!, limit: Int, startingAfter: String): ShareLinkConnection!
  }

  extend type Mutation {
    "Queues an e-mail of the issued invoice (PDF, the contact's e-invoice, portal link). eInvoiceFormat: null = PDF only."
    sendInvoice(id: ID!, recipients: [String!], eInvoiceFormat: String): DocumentSend!
    sendCreditNote(id: ID!, recipients: [String!], eInvoiceFormat: String): DocumentSend!
    sendQuote(id: ID!, recipients: [String!]): DocumentSend!
    "Queues a failed send again, to corrected recipients if given."
    retryDocumentSend(id: ID!, recipients: [String!]): DocumentSend!
    "A customer portal link to the issued invoice; its url is in this answer only."
    createInvoiceShareLink(id: ID!, expiresInDays: Int): ShareLink!
    createCreditNoteShareLink(id: ID!, expiresInDays: Int): ShareLink!
    createQuoteShareLink(id: ID!, expiresInDays: Int): ShareLink!
    "Revokes a portal link: the portal answers 410 to it from then on."
    revokeShareLink(id: ID!): ShareLink!
  }
`;

interface SendArgs {
  id: string;
  recipients?: string[] | null;
  eInvoiceFormat?: string | null;
}

/** An omitted argument keeps the default; an explicit `eInvoiceFormat: null` asks for the PDF alone. */
function sendInput(args: SendArgs): Record<string, unknown> {
  return {
    ...(args.recipients != null ? { recipients: args.recipients } : {}),
    ...('eInvoiceFormat' in args ? { eInvoiceFormat: args.eInvoiceFormat } : {}),
  };
}

const sendTo =
  (family: DocumentFamily) =>
  async (_root: unknown, args: SendArgs, { ctx }: MercuriusContext) =>
    sending.send(
      ctx,
      family,
      args.id,
      validateInput(family === 'quote' ? SendQuoteSchema : SendDocumentSchema, sendInput(args)),
    );

const shareLinkTo =
  (family: DocumentFamily) =>
  async (_root: unknown, args: { id: string; expiresInDays?: number | null }, context: MercuriusContext) =>
    sending.shareLinks.create(
      context.ctx,
      family,
      args.id,
      validateInput(
        CreateShareLinkSchema,
        args.expiresInDays != null ? { expiresInDays: args.expiresInDays } : {},
      ),
      context.publicUrl,
    );

const resolvers: IResolvers = {
  Query: {
    documentSend: async (_root, { id }: { id: string }, { ctx }) => {
      try {
        return await sending.get(ctx, id);
      } catch (error) {
        if ((error as { kind?: string }).kind === 'not_found') return null;
        throw error;
      }
    },
    documentSends: async (_root, { documentId, ...args }: { documentId: string }, { ctx }) =>
      sending.listForDocument(
        ctx,
        null,
        documentId,
        validateInput(DocumentSendListQuerySchema, defined(args)),
      ),
    shareLinks: async (_root, { documentId, ...args }: { documentId: string }, { ctx }) =>
      sending.shareLinks.listForDocument(
        ctx,
        null,
        documentId,
        validateInput(ShareLinkListQuerySchema, defined(args)),
      ),
  },
  Mutation: {
    sendInvoice: sendTo('invoice'),
    sendCreditNote: sendTo('credit_note'),
    sendQuote: sendTo('quote'),
    createInvoiceShareLink: shareLinkTo('invoice'),
    createCreditNoteShareLink: shareLinkTo('credit_note'),
    createQuoteShareLink: shareLinkTo('quote'),
    revokeShareLink: async (_root, { id }: { id: string }, { ctx }) => sending.shareLinks.revoke(ctx, id),
    retryDocumentSend: async (_root, args: { id: string; recipients?: string[] | null }, { ctx }) =>
      sending.retry(
        ctx,
        args.id,
        validateInput(RetrySendSchema, args.recipients != null ? { recipients: args.recipients } : {}),
      ),
  },
};

export const sendingGraphql: GraphqlModule = { typeDefs, resolvers };
