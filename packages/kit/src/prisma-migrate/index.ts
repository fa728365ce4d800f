// Prisma migrations without the native schema engine: apply, diff, create and drift-check.
export { type ApplyMigrationsOptions, applyMigrations } from './apply-migrations';
export { type Catalog, describeDatabase } from './catalog';
export {
  createDatabase,
  databaseUrl,
  defaultAdminUrl,
  dropDatabase,
  throwAwayDatabaseName,
  withClient,
} from './database';
export { sqlFromEmptyTo, sqlFromMigrationsTo } from './diff';
export { type FindDriftOptions, findDrift } from './drift';
export { lockFileContent, lockFileName, readMigrationsList } from './migrations-folder';
export { type CreatedMigration, type CreateMigrationOptions, createMigration } from './new-migration';
export { readSchemaFiles, type SchemaFile } from './schema-files';
export { type PrismaPaths, prismaPaths } from './workspace';
