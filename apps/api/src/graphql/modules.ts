import { articleGraphql } from '../modules/articles/graphql';
import { auditLogGraphql } from '../modules/audit-log/graphql';
import { bankStatementGraphql } from '../modules/bank-statements/graphql';
import { billingRunGraphql } from '../modules/billing-runs/graphql';
import { connectorGraphql } from '../modules/connectors/graphql';
import { contactGroupGraphql } from '../modules/contact-groups/graphql';
import { contactGraphql } from '../modules/contacts/graphql';
import { contractGraphql } from '../modules/contracts/graphql';
import { dunningGraphql } from '../modules/dunning/graphql';
import { documentGraphql } from '../modules/invoices/graphql';
import { paymentGraphql } from '../modules/payments/graphql';
import { reconciliationGraphql } from '../modules/reconciliation/graphql';
import { reportGraphql } from '../modules/reports/graphql';
import { sendingGraphql } from '../modules/sending/graphql';
import { sepaGraphql } from '../modules/sepa/graphql';
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
  connectorGraphql,
  paymentGraphql,
  sendingGraphql,
  sepaGraphql,
  bankStatementGraphql,
  reconciliationGraphql,
  auditLogGraphql,
  reportGraphql,
  dunningGraphql,
];
