import type { Knex } from 'knex';
import * as m0001 from './0001_foundation';
import * as m0002 from './0002_webhooks';
import * as m0003 from './0003_documents';
import * as m0004 from './0004_catalog_contracts';
import * as m0005 from './0005_documents_services';
import * as m0006 from './0006_sending';
import * as m0007 from './0007_payments';
import * as m0008 from './0008_bank_statements';
import * as m0009 from './0009_sepa';
import * as m0010 from './0010_reports';
import * as m0011 from './0011_audit_sealing';
import * as m0012 from './0012_psp';
import * as m0013 from './0013_dunning';
import * as m0014 from './0014_reconciliation';
import * as m0015 from './0015_audit_guard_by_column';
import * as m0016 from './0016_webhook_deliveries_without_foreign_keys';
import * as m0017 from './0017_document_lines_guard_per_statement';
import * as m0018 from './0018_payments_stripe_payment_intent_index';
import * as m0019 from './0019_quote_signatures';
import * as m0020 from './0020_documents_viewed_at';
import * as m0021 from './0021_connector_orders';

export interface Migration {
  name: string;
  up: (knex: Knex) => Promise<void>;
  down: (knex: Knex) => Promise<void>;
}

/** Every migration, in order. Add new files at the end; never edit one that has landed. */
export const migrations: Migration[] = [
  { name: '0001_foundation', ...m0001 },
  { name: '0002_webhooks', ...m0002 },
  { name: '0003_documents', ...m0003 },
  { name: '0004_catalog_contracts', ...m0004 },
  { name: '0005_documents_services', ...m0005 },
  { name: '0006_sending', ...m0006 },
  { name: '0007_payments', ...m0007 },
  { name: '0008_bank_statements', ...m0008 },
  { name: '0009_sepa', ...m0009 },
  { name: '0010_reports', ...m0010 },
  { name: '0011_audit_sealing', ...m0011 },
  { name: '0012_psp', ...m0012 },
  { name: '0013_dunning', ...m0013 },
  { name: '0014_reconciliation', ...m0014 },
  { name: '0015_audit_guard_by_column', ...m0015 },
  { name: '0016_webhook_deliveries_without_foreign_keys', ...m0016 },
  { name: '0017_document_lines_guard_per_statement', ...m0017 },
  { name: '0018_payments_stripe_payment_intent_index', ...m0018 },
  { name: '0019_quote_signatures', ...m0019 },
  { name: '0020_documents_viewed_at', ...m0020 },
  { name: '0021_connector_orders', ...m0021 },
];
