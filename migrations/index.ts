import type { Knex } from 'knex';
import * as m0001 from './0001_foundation';
import * as m0002 from './0002_webhooks';
import * as m0003 from './0003_documents';
import * as m0004 from './0004_catalog_contracts';
import * as m0005 from './0005_documents_services';
import * as m0011 from './0011_audit_sealing';

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
  { name: '0011_audit_sealing', ...m0011 },
];
