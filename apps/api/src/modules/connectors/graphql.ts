import { connectors } from '@fakturo/domain';
import type { IResolvers } from 'mercurius';
import { validateInput } from '../../graphql/validate';
import type { GraphqlModule } from '../../plugins/graphql';
import { defined } from '../articles/graphql';
import { ArticleUpdateSchema } from '../articles/schemas';
import { ContactUpdateSchema } from '../contacts/schemas';
import { KeyParams } from './routes';
import { ConnectorOrderSchema } from './schemas';

// Webshop connectors in GraphQL: the same domain verbs and input schemas as REST (docs/connectors.md).

const typeDefs = `
  input ConnectorOrderLineInput {
    article: ArticleInput, name: String, description: String, quantity: String, unitCode: String,
    unitAmount: MinorAmount, unitAmountDecimal: String, discountPercent: String, taxRateKind: String,
    supplyKind: String, period: DocumentPeriodInput
  }
  input ConnectorOrderInput {
    customer: ContactInput!, lines: [ConnectorOrderLineInput!]!, currency: String, language: String,
    issueDate: String, serviceDate: String, servicePeriod: DocumentPeriodInput, dueDate: String, sendDate: String,
    notes: [String!],
    metadata: JSON, finalize: Boolean
  }

  extend type Mutation {
    "Creates or updates the contact the shop knows by externalId; the same input again changes nothing."
    upsertConnectorContact(source: String!, externalId: String!, input: ContactInput!): Contact!
    "Creates or updates the article the shop knows by externalId; the same input again changes nothing."
    upsertConnectorArticle(source: String!, externalId: String!, input: ArticleInput!): Article!
    "Turns the shop's order into one invoice (draft, or finalized with finalize: true); the same order again changes nothing."
    upsertConnectorOrder(source: String!, externalId: String!, input: ConnectorOrderInput!): Invoice!
  }
`;

interface UpsertArgs {
  source: string;
  externalId: string;
  input: unknown;
}

const keyOf = ({ source, externalId }: UpsertArgs) => validateInput(KeyParams, { source, externalId });

const resolvers: IResolvers = {
  Mutation: {
    upsertConnectorContact: async (_root, args: UpsertArgs, { ctx }) =>
      (
        await connectors.upsertContact(
          ctx,
          keyOf(args),
          validateInput(ContactUpdateSchema, defined(args.input)),
        )
      ).value,
    upsertConnectorArticle: async (_root, args: UpsertArgs, { ctx }) =>
      (
        await connectors.upsertArticle(
          ctx,
          keyOf(args),
          validateInput(ArticleUpdateSchema, defined(args.input)),
        )
      ).value,
    upsertConnectorOrder: async (_root, args: UpsertArgs, { ctx }) =>
      (
        await connectors.upsertOrder(
          ctx,
          keyOf(args),
          validateInput(ConnectorOrderSchema, defined(args.input)),
        )
      ).value,
  },
};

export const connectorGraphql: GraphqlModule = { typeDefs, resolvers };
