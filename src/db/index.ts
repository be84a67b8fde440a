// Database access: the Kysely instance, table types and the migrator. No business rules here.
export { createDatabase, type Db, type DatabaseOptions } from './connection.ts';
export { migrateToLatest, MigrationFailed, FolderMigrationProvider, MIGRATIONS_DIR } from './migrator.ts';
export * from './tables.ts';
export { isUniqueViolation, isExclusionViolation } from './pg-errors.ts';
export { inTransaction } from './transaction.ts';
export { prepareDatabase } from './prepare-database.ts';
