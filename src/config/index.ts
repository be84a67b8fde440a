// Configuration: the schema, its type and the loader. Only the entry points read process.env.
export { ConfigSchema, DatabaseConfigSchema, StaffCommandConfigSchema, type Config, type DatabaseConfig, type StaffCommandConfig } from './config.schema.ts';
export { loadConfig, loadDatabaseConfig, loadStaffCommandConfig, ConfigError } from './load-config.ts';
