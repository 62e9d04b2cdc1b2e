import { connectors } from '@fakturo/domain';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { withEtag } from '../../plugins/versioning';
import { problemResponses } from '../../schemas/common';
import { ArticleSchema, ArticleUpdateSchema } from '../articles/schemas';
import { ContactSchema, ContactUpdateSchema } from '../contacts/schemas';
import { InvoiceSchema } from '../invoices/schemas';
import { ConnectorOrderSchema } from './schemas';

/**
 * Webshop connectors (API.md): idempotent upserts keyed by the shop's own ids. Thin: the rules are the
 * domain's (connectors/service.ts), the bodies those of PATCH /contacts/{id} and PATCH /articles/{id}.
 */

const tags = ['Connectors'];

export const KeyParams = Type.Object({
  source: Type.String({
    minLength: 1,
    maxLength: 50,
    pattern: '^[a-z0-9][a-z0-9._-]*$',
    examples: ['shopify'],
    description: 'The shop system, lower case: `shopify`, `woocommerce`, `shopware` …',
  }),
  externalId: Type.String({
    minLength: 1,
    maxLength: 200,
    examples: ['gid-7429012'],
    description: 'The id the shop gives it',
  }),
});

const upsertDescription = (what: string, create: string) =>
  `Creates or updates the ${what} the shop knows by \`externalId\`: the one with this \`source\` and \`externalId\` is updated as by PATCH (fields left out keep their values, so Fakturo's own fields survive a sync), or created (201) when there is none — ${create}. The same body again changes nothing: no new version, no event, no webhook, so a connector may push its whole state on every sync. \`source\` and \`externalId\` come from the path; a body naming others is refused (422 \`connector_key_mismatch\`). Concurrent calls with one key make one ${what}. The last write wins: no \`If-Match\`.`;

export const connectorRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.put(
    '/connectors/:source/contacts/:externalId',
    {
      schema: {
        tags,
        operationId: 'upsertConnectorContact',
        summary: 'Create or update a contact by the shop’s id',
        description: upsertDescription(
          'contact',
          'then `kind` and a name are needed as on POST /v1/contacts',
        ),
        params: KeyParams,
        body: Type.Ref(ContactUpdateSchema),
        response: { 200: Type.Ref(ContactSchema), 201: Type.Ref(ContactSchema), ...problemResponses },
      },
    },
    async (request, reply) => {
      const { value, created } = await connectors.upsertContact(request.ctx, request.params, request.body);
      reply.code(created ? 201 : 200).header('location', `/v1/contacts/${value.id}`);
      return withEtag(reply, value);
    },
  );

  app.put(
    '/connectors/:source/articles/:externalId',
    {
      schema: {
        tags,
        operationId: 'upsertConnectorArticle',
        summary: 'Create or update an article by the shop’s id',
        description: upsertDescription(
          'article',
          'then `name` and `priceModel` are needed as on POST /v1/articles',
        ),
        params: KeyParams,
        body: Type.Ref(ArticleUpdateSchema),
        response: { 200: Type.Ref(ArticleSchema), 201: Type.Ref(ArticleSchema), ...problemResponses },
      },
    },
    async (request, reply) => {
      const { value, created } = await connectors.upsertArticle(request.ctx, request.params, request.body);
      reply.code(created ? 201 : 200).header('location', `/v1/articles/${value.id}`);
      return withEtag(reply, value);
    },
  );

  app.put(
    '/connectors/:source/orders/:externalId',
    {
      schema: {
        tags,
        operationId: 'upsertConnectorOrder',
        summary: 'Turn a shop order into an invoice',
        description:
          "The order becomes one invoice: its `customer` and the products on its lines (`article`) are created or updated by the shop's ids as the contact and article connectors do — never duplicated — and the invoice is written as a draft (201), or finalized at once with `finalize: true`. The invoice's `metadata` carries `shopSource` and `shopOrderId`. The same order again changes nothing (200, the same invoice); a changed order updates the draft (200), and once the invoice is issued it is refused (409 `order_invoice_issued`: cancel or credit it, and send the order under a new id). All of it is one transaction; concurrent calls for one order make one invoice.",
        params: KeyParams,
        body: Type.Ref(ConnectorOrderSchema),
        response: { 200: Type.Ref(InvoiceSchema), 201: Type.Ref(InvoiceSchema), ...problemResponses },
      },
    },
    async (request, reply) => {
      const { value, created } = await connectors.upsertOrder(request.ctx, request.params, request.body);
      reply.code(created ? 201 : 200).header('location', `/v1/invoices/${value.id}`);
      return withEtag(reply, value);
    },
  );
};
