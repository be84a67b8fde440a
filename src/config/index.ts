// Configuration: the schema, its type and the loader. Only the entry points read process.env.
export { ConfigSchema, DatabaseConfigSchema, type Config, type DatabaseConfig } from './config.schema.ts';
export { loadConfig, loadDatabaseConfig, ConfigError } from './load-config.ts';
