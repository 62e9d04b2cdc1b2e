import { audit } from '@fakturo/domain';
import type { IResolvers } from 'mercurius';
import { validateInput } from '../../graphql/validate';
import type { GraphqlModule } from '../../plugins/graphql';
import { AuditListQuerySchema } from './schemas';

const typeDefs = `
  type AuditActor { type: String!, id: String! }
  "One entry of the hash-chained audit log. Same fields as the REST AuditEntry."
  type AuditEntry {
    id: ID!, seq: Int!, actor: AuditActor!, action: String!, resourceType: String!, resourceId: ID!, before: JSON,
    after: JSON, requestId: String, createdAt: String!, prevHash: String!, hash: String!
  }
  type AuditEntryConnection { data: [AuditEntry!]!, hasMore: Boolean!, nextCursor: String }
  type AuditVerification { valid: Boolean!, checked: Int!, firstBrokenSeq: Int, unsealed: Int! }

  extend type Query {
    auditLog(limit: Int, startingAfter: String, resourceId: ID, resourceType: String, action: String): AuditEntryConnection!
    "Recomputes the hash chain; valid false names the first broken entry."
    verifyAuditLog: AuditVerification!
  }
`;

const resolvers: IResolvers = {
  Query: {
    auditLog: async (_root, args: Record<string, unknown>, { ctx }) =>
      audit.list(
        ctx,
        validateInput(
          AuditListQuerySchema,
          Object.fromEntries(Object.entries(args).filter(([, v]) => v !== undefined && v !== null)),
        ),
      ),
    verifyAuditLog: async (_root, _args, { ctx }) => audit.verify(ctx),
  },
};

export const auditLogGraphql: GraphqlModule = { typeDefs, resolvers };
