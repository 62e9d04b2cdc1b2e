export { type ConnectOptions, connect, type Db, type Tx } from './connection';
export { type EmbeddedOptions, type EmbeddedServer, startEmbeddedPostgres } from './embedded';
export { migrateLatest, migrationsCurrent } from './migrate';
export { type OpenedDatabase, openDatabase } from './open';
export { queryPrepared } from './prepared';
