import type { Knex } from 'knex';
import * as m0001 from './0001_foundation';

export interface Migration {
  name: string;
  up: (knex: Knex) => Promise<void>;
  down: (knex: Knex) => Promise<void>;
}

/** Every migration, in order. Add new files at the end; never edit one that has landed. */
export const migrations: Migration[] = [{ name: '0001_foundation', ...m0001 }];
