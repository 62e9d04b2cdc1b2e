import { webhooks } from '@fakturo/domain';
import type { IResolvers } from 'mercurius';
import { validateInput } from '../../graphql/validate';
import type { GraphqlModule } from '../../plugins/graphql';
import {
  RotateSecretSchema,
  WebhookDeliveryListQuerySchema,
  WebhookEndpointCreateSchema,
  WebhookEndpointListQuerySchema,
  WebhookEndpointUpdateSchema,
  WebhookReplaySchema,
} from './schemas';

const typeDefs = `
  "Where Fakturo sends signed webhooks. Same fields as the REST WebhookEndpoint."
  type WebhookEndpoint {
    id: ID!, url: String!, description: String, enabledEvents: [String!]!, enabled: Boolean!,
    disabledReason: String, disabledAt: String, failingSince: String, metadata: JSON!, secretRotatedAt: String,
    previousSecretExpiresAt: String, version: Int!, createdAt: String!, updatedAt: String!
  }

  "Returned by create and rotate only: the signing secret is never shown again."
  type WebhookEndpointWithSecret {
    id: ID!, url: String!, description: String, enabledEvents: [String!]!, enabled: Boolean!,
    disabledReason: String, disabledAt: String, failingSince: String, metadata: JSON!, secretRotatedAt: String,
    previousSecretExpiresAt: String, version: Int!, createdAt: String!, updatedAt: String!, secret: String!
  }

  type WebhookEndpointConnection { data: [WebhookEndpoint!]!, hasMore: Boolean!, nextCursor: String }

  type WebhookDelivery {
    id: ID!, endpointId: ID!, eventId: ID!, eventType: String!, trigger: String!, status: String!, attempts: Int!,
    nextAttemptAt: String, lastAttemptAt: String, lastStatusCode: Int, lastDurationMs: Int,
    lastResponseExcerpt: String, lastError: String, completedAt: String, createdAt: String!, updatedAt: String!
  }

  type WebhookDeliveryConnection { data: [WebhookDelivery!]!, hasMore: Boolean!, nextCursor: String }

  type WebhookReplayResult { endpointId: ID!, enqueued: Int! }

  input WebhookEndpointInput {
    url: String, description: String, enabledEvents: [String!], enabled: Boolean, metadata: JSON
  }

  extend type Query {
    webhookEndpoint(id: ID!): WebhookEndpoint
    webhookEndpoints(limit: Int, startingAfter: String, enabled: Boolean): WebhookEndpointConnection!
    webhookDeliveries(
      endpointId: ID!, limit: Int, startingAfter: String, status: String, eventId: ID, eventType: String
    ): WebhookDeliveryConnection!
    webhookDelivery(id: ID!): WebhookDelivery
  }

  extend type Mutation {
    "The result carries the signing secret, shown this once."
    createWebhookEndpoint(input: WebhookEndpointInput!): WebhookEndpointWithSecret!
    "expectedVersion works like If-Match."
    updateWebhookEndpoint(id: ID!, input: WebhookEndpointInput!, expectedVersion: Int): WebhookEndpoint!
    deleteWebhookEndpoint(id: ID!): Boolean!
    "The old secret keeps signing for expiresIn seconds (default 86400)."
    rotateWebhookEndpointSecret(id: ID!, expiresIn: Int): WebhookEndpointWithSecret!
    testWebhookEndpoint(id: ID!): WebhookDelivery!
    retryWebhookDelivery(id: ID!): WebhookDelivery!
    replayWebhookEvents(endpointId: ID!, eventIds: [ID!], from: String, to: String): WebhookReplayResult!
  }
`;

/** GraphQL leaves omitted arguments out but passes explicit nulls; the REST schema gets the same shape. */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== null)) as T;
}

/** Optional nullable fields (description) keep an explicit null: it clears the value. */
function withNulls<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

const notFoundAsNull = async <T>(work: () => Promise<T>): Promise<T | null> => {
  try {
    return await work();
  } catch (error) {
    if ((error as { kind?: string }).kind === 'not_found') return null;
    throw error;
  }
};

const resolvers: IResolvers = {
  Query: {
    webhookEndpoint: async (_root, { id }: { id: string }, { ctx }) =>
      notFoundAsNull(() => webhooks.get(ctx, id)),
    webhookEndpoints: async (_root, args: object, { ctx }) =>
      webhooks.list(ctx, validateInput(WebhookEndpointListQuerySchema, defined(args))),
    webhookDeliveries: async (_root, { endpointId, ...args }: { endpointId: string }, { ctx }) =>
      webhooks.listDeliveries(ctx, endpointId, validateInput(WebhookDeliveryListQuerySchema, defined(args))),
    webhookDelivery: async (_root, { id }: { id: string }, { ctx }) =>
      notFoundAsNull(() => webhooks.getDelivery(ctx, id)),
  },
  Mutation: {
    createWebhookEndpoint: async (_root, { input }: { input: object }, { ctx }) =>
      webhooks.create(ctx, validateInput(WebhookEndpointCreateSchema, withNulls(input))),
    updateWebhookEndpoint: async (
      _root,
      args: { id: string; input: object; expectedVersion?: number | null },
      { ctx },
    ) =>
      webhooks.update(
        ctx,
        args.id,
        validateInput(WebhookEndpointUpdateSchema, withNulls(args.input)),
        args.expectedVersion ?? undefined,
      ),
    deleteWebhookEndpoint: async (_root, { id }: { id: string }, { ctx }) => {
      await webhooks.remove(ctx, id);
      return true;
    },
    rotateWebhookEndpointSecret: async (
      _root,
      { id, ...args }: { id: string; expiresIn?: number },
      { ctx },
    ) => webhooks.rotateSecret(ctx, id, validateInput(RotateSecretSchema, defined(args))),
    testWebhookEndpoint: async (_root, { id }: { id: string }, { ctx }) => webhooks.sendTest(ctx, id),
    retryWebhookDelivery: async (_root, { id }: { id: string }, { ctx }) => webhooks.retryDelivery(ctx, id),
    replayWebhookEvents: async (_root, { endpointId, ...args }: { endpointId: string }, { ctx }) =>
      webhooks.replay(ctx, endpointId, validateInput(WebhookReplaySchema, defined(args))),
  },
};

export const webhookEndpointGraphql: GraphqlModule = { typeDefs, resolvers };
