import { type ArticleListQuery, articles } from '@fakturo/domain';
import type { IResolvers } from 'mercurius';
import { validateInput } from '../../graphql/validate';
import type { GraphqlModule } from '../../plugins/graphql';
import {
  ArticleCreateSchema,
  ArticleListQuerySchema,
  ArticleUpdateSchema,
  PriceModelInputSchema,
} from './schemas';

const typeDefs = `
  type PriceTier { upTo: Float, unitAmount: String!, flatAmount: MinorAmount }
  input PriceTierInput { upTo: Float, unitAmount: String!, flatAmount: MinorAmount }

  "flat: amount per period; per_unit: quantity × unitAmount; graduated / volume: tiers. Minor units."
  type PriceModel { kind: String!, amount: MinorAmount, unitAmount: String, tiers: [PriceTier!] }
  input PriceModelInput { kind: String!, amount: MinorAmount, unitAmount: String, tiers: [PriceTierInput!] }

  "A product or service with its price. Same fields as the REST Article."
  type Article {
    id: ID!, number: String!, name: String!, description: String, unitCode: String!, taxRateKind: String!,
    supplyKind: String!, currency: String!, priceModel: PriceModel!, active: Boolean!, metadata: JSON!,
    externalId: String, source: String, version: Int!, createdAt: String!, updatedAt: String!
  }

  type ArticleConnection { data: [Article!]!, hasMore: Boolean!, nextCursor: String }

  input ArticleInput {
    number: String, name: String, description: String, unitCode: String, taxRateKind: String, supplyKind: String,
    currency: String, priceModel: PriceModelInput, active: Boolean, metadata: JSON, externalId: String, source: String
  }

  extend type Query {
    article(id: ID!): Article
    articles(limit: Int, startingAfter: String, q: String, active: Boolean, currency: String, source: String, externalId: String): ArticleConnection!
  }

  extend type Mutation {
    createArticle(input: ArticleInput!): Article!
    "expectedVersion works like If-Match."
    updateArticle(id: ID!, input: ArticleInput!, expectedVersion: Int): Article!
  }
`;

/** GraphQL passes explicit nulls for omitted nested fields of input objects; the REST schema omits them. */
export function defined<T>(value: T): T {
  if (Array.isArray(value)) return value.map(defined) as T;
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, defined(v)]),
  ) as T;
}

const references = [PriceModelInputSchema];

const resolvers: IResolvers = {
  Query: {
    article: async (_root, { id }: { id: string }, { ctx }) => (await articles.getMany(ctx, [id]))[0] ?? null,
    articles: async (_root, args: ArticleListQuery, { ctx }) =>
      articles.list(ctx, validateInput(ArticleListQuerySchema, defined(args), references)),
  },
  Mutation: {
    createArticle: async (_root, { input }: { input: unknown }, { ctx }) =>
      articles.create(ctx, validateInput(ArticleCreateSchema, defined(input), references)),
    updateArticle: async (_root, args: { id: string; input: unknown; expectedVersion?: number }, { ctx }) =>
      articles.update(
        ctx,
        args.id,
        validateInput(ArticleUpdateSchema, defined(args.input), references),
        args.expectedVersion ?? undefined,
      ),
  },
};

export const articleGraphql: GraphqlModule = { typeDefs, resolvers };
