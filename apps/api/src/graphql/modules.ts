import { articleGraphql } from '../modules/articles/graphql';
import { auditLogGraphql } from '../modules/audit-log/graphql';
import { billingRunGraphql } from '../modules/billing-runs/graphql';
import { contactGroupGraphql } from '../modules/contact-groups/graphql';
import { contactGraphql } from '../modules/contacts/graphql';
import { contractGraphql } from '../modules/contracts/graphql';
import { documentGraphql } from '../modules/invoices/graphql';
import { webhookEndpointGraphql } from '../modules/webhook-endpoints/graphql';
import type { GraphqlModule } from '../plugins/graphql';

/** Every GraphQL module; a new resource adds one line here. */
export const graphqlModules: GraphqlModule[] = [
  contactGraphql,
  contactGroupGraphql,
  webhookEndpointGraphql,
  articleGraphql,
  contractGraphql,
  billingRunGraphql,
  documentGraphql,
  auditLogGraphql,
];
