import { payments } from '@fakturo/domain';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { withEtag } from '../../plugins/versioning';
import { bodyOptional, IdParams, problemResponses } from '../../schemas/common';
import { InvoiceSchema } from '../invoices/schemas';
import {
  ApplyCreditSchema,
  BalanceTransactionPageSchema,
  BalanceTransactionQuerySchema,
  CreditBalanceSchema,
  PaymentCreateSchema,
  PaymentListQuerySchema,
  PaymentPageSchema,
  PaymentSchema,
  RefundCreateSchema,
} from './schemas';

const tags = ['Payments'];
const paymentResponse = Type.Ref(PaymentSchema);

export const paymentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/payments',
    {
      schema: {
        tags,
        operationId: 'listPayments',
        summary: 'List payments and refunds',
        description:
          'Newest first. Filter by contact, invoice (every payment or refund that moved money on it), type, status, method, and when the money moved (`paidAtGte`/`paidAtLte`) or the record was made.',
        querystring: PaymentListQuerySchema,
        response: { 200: Type.Ref(PaymentPageSchema), ...problemResponses },
      },
    },
    async (request) => payments.list(request.ctx, request.query),
  );

  app.post(
    '/payments',
    {
      schema: {
        tags,
        operationId: 'createPayment',
        summary: 'Record a payment',
        description:
          'Books money received (bank transfer, cash, …) in one transaction: onto the `allocations` given (each at most the invoice’s open amount), or onto `invoiceId` up to its open amount, or — neither given — onto the contact’s open invoices in the currency, oldest due date first. What is left becomes the contact’s credit balance, which pays the contact’s next invoice when it is finalized. Invoices become `partially_paid` or `paid` (`invoice.partially_paid`, `invoice.paid`); the payment emits `payment.succeeded` (or `payment.failed` for `status: failed`, which books nothing). With `provider` and `externalId`, a repeat books nothing and answers 200 with the payment booked first. Every broken rule is reported at once (422) and nothing is written.',
        body: Type.Ref(PaymentCreateSchema),
        response: { 200: paymentResponse, 201: paymentResponse, ...problemResponses },
      },
    },
    async (request, reply) => {
      const { payment, created } = await payments.record(request.ctx, request.body);
      reply.code(created ? 201 : 200).header('location', `/v1/payments/${payment.id}`);
      return withEtag(reply, payment);
    },
  );

  app.get(
    '/payments/:id',
    {
      schema: {
        tags,
        operationId: 'getPayment',
        summary: 'Get a payment or refund',
        params: IdParams,
        response: { 200: paymentResponse, ...problemResponses },
      },
    },
    async (request, reply) => withEtag(reply, await payments.get(request.ctx, request.params.id)),
  );

  app.post(
    '/payments/:id/refund',
    {
      preValidation: bodyOptional,
      schema: {
        tags,
        operationId: 'refundPayment',
        summary: 'Refund a payment',
        description:
          'A payment in reverse, booked as a record of its own (`type: refund`, `refundedPaymentId`) and returned. It pays back first what of the payment sits in the contact’s credit balance, then takes back from the invoices the payment paid, most recently paid first — or exactly the `allocations` given — which reopens them (`partially_paid`, or `sent`/`overdue` when nothing is paid any more). Partial refunds may repeat until the payment is refunded in full (then 409 `payment_fully_refunded`). Emits `payment.refunded` with the refund.',
        params: IdParams,
        body: Type.Ref(RefundCreateSchema),
        response: { 200: paymentResponse, 201: paymentResponse, ...problemResponses },
      },
    },
    async (request, reply) => {
      const { payment, created } = await payments.refund(request.ctx, request.params.id, request.body);
      reply.code(created ? 201 : 200).header('location', `/v1/payments/${payment.id}`);
      return withEtag(reply, payment);
    },
  );

  app.get(
    '/contacts/:id/credit-balance',
    {
      schema: {
        tags,
        operationId: 'getContactCreditBalance',
        summary: 'A contact’s credit balance',
        description:
          'Money the contact paid beyond what its invoices asked, per currency (only currencies with a positive balance).',
        params: IdParams,
        response: { 200: Type.Ref(CreditBalanceSchema), ...problemResponses },
      },
    },
    async (request) => payments.creditBalance(request.ctx, request.params.id),
  );

  app.get(
    '/contacts/:id/credit-balance/transactions',
    {
      schema: {
        tags,
        operationId: 'listContactCreditBalanceTransactions',
        summary: 'The ledger of a contact’s credit balance',
        description: 'Every change of the balance with the balance after it, newest first.',
        params: IdParams,
        querystring: BalanceTransactionQuerySchema,
        response: { 200: Type.Ref(BalanceTransactionPageSchema), ...problemResponses },
      },
    },
    async (request) => payments.balanceTransactions(request.ctx, request.params.id, request.query),
  );

  app.post(
    '/invoices/:id/apply-credit-balance',
    {
      preValidation: bodyOptional,
      schema: {
        tags: ['Invoices', ...tags],
        operationId: 'applyCreditBalanceToInvoice',
        summary: 'Pay an invoice from the contact’s credit balance',
        description:
          'Spends the contact’s credit balance in the invoice’s currency on it: as much as the balance and the open amount allow, or `amount`. A new invoice is paid this way automatically when it is finalized; this pays invoices issued before the credit arose. 409 `invoice_not_open` when it owes nothing, `credit_balance_empty` when there is no balance.',
        params: IdParams,
        body: Type.Ref(ApplyCreditSchema),
        response: { 200: Type.Ref(InvoiceSchema), ...problemResponses },
      },
    },
    async (request, reply) =>
      withEtag(reply, await payments.applyCreditBalance(request.ctx, request.params.id, request.body)),
  );
};
