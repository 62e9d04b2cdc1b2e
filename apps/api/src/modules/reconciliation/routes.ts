import { reconciliation } from '@fakturo/domain';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { withEtag } from '../../plugins/versioning';
import { bodyOptional, IdParams, problemResponses } from '../../schemas/common';
import { BankTransactionSchema } from '../bank-statements/schemas';
import {
  BankTransactionIgnoreSchema,
  BankTransactionMatchSchema,
  ReconcileQueuedSchema,
  ReconcileRequestSchema,
} from './schemas';

const tags = ['Banking'];

/** Reconciliation (DOMAIN.md §9): the worker's automatic matching, and a person's decisions. */
export const reconciliationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // a static path: the router prefers it to `/bank-transactions/:id`
  app.post(
    '/bank-transactions/reconcile',
    {
      schema: {
        tags,
        operationId: 'reconcileBankTransactions',
        summary: 'Reconcile unmatched transactions now',
        description:
          'Queues the worker’s matching of unmatched transactions (all, or one statement’s) — an import queues it by itself. The ladder, strongest first: the end-to-end id of one of our SEPA debits (applied); invoice numbers in the remittance text with exactly the open amount, one transfer possibly paying several invoices (applied, confidence 1.0); invoice numbers with another amount (suggested 0.8, partial or over-payment); the payer’s IBAN with exactly one open invoice of that amount (suggested 0.7); amount and payer-name similarity (suggested ≤ 0.5). SEPA returns (AC04, MD06, AM04 …) reverse the collected payment, reopen the invoice and record the return fee. Results arrive as `bank_transaction.matched` / `bank_transaction.suggested` events.',
        body: Type.Ref(ReconcileRequestSchema),
        response: { 202: Type.Ref(ReconcileQueuedSchema), ...problemResponses },
      },
      preValidation: bodyOptional,
    },
    async (request, reply) => {
      reply.code(202);
      return reconciliation.schedule(request.ctx, request.body);
    },
  );

  app.post(
    '/bank-transactions/:id/match',
    {
      schema: {
        tags,
        operationId: 'matchBankTransaction',
        summary: 'Match a transaction to invoices',
        description:
          'A person decides: `acceptSuggestion: true` takes the suggestion, or `allocations` name the invoices the transfer pays (each at most its open amount; the rest becomes the contact’s credit balance), or `contactId` alone books it all to that contact’s credit balance. Books a payment (provider `bank`, external id = the transaction) in one transaction with the match; `status` becomes `matched`.',
        params: IdParams,
        body: Type.Ref(BankTransactionMatchSchema),
        response: { 200: Type.Ref(BankTransactionSchema), ...problemResponses },
      },
    },
    async (request, reply) =>
      withEtag(reply, await reconciliation.match(request.ctx, request.params.id, request.body)),
  );

  app.post(
    '/bank-transactions/:id/unmatch',
    {
      schema: {
        tags,
        operationId: 'unmatchBankTransaction',
        summary: 'Reject a suggestion or undo a match',
        description:
          'A suggestion is rejected (not suggested again for those invoices). A match’s payment is taken back by a refund marked as a booking correction, reopening the invoices it paid. An ignored transaction becomes `unmatched` again, and reconciliation looks at it once more. A SEPA return cannot be unmatched (409): it is the bank’s fact.',
        params: IdParams,
        response: { 200: Type.Ref(BankTransactionSchema), ...problemResponses },
      },
    },
    async (request, reply) => withEtag(reply, await reconciliation.unmatch(request.ctx, request.params.id)),
  );

  app.post(
    '/bank-transactions/:id/ignore',
    {
      schema: {
        tags,
        operationId: 'ignoreBankTransaction',
        summary: 'Set a transaction aside as no invoice payment',
        description:
          'A person clears it from the inbox: bank charges, a transfer between own accounts, an entry shown twice. `status` becomes `ignored` (a suggestion is rejected with it), `matchReason` says who ignored it and why, a `bank_transaction.ignored` event is written, and reconciliation leaves it alone. `unmatch` makes it `unmatched` again; `match` books it after all. A matched transaction must be unmatched first (409 `bank_transaction_matched`); ignoring an ignored one again only changes the reason.',
        params: IdParams,
        body: Type.Ref(BankTransactionIgnoreSchema),
        response: { 200: Type.Ref(BankTransactionSchema), ...problemResponses },
      },
      preValidation: bodyOptional,
    },
    async (request, reply) =>
      withEtag(reply, await reconciliation.ignore(request.ctx, request.params.id, request.body)),
  );
};
