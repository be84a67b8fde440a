// Reads the environment once and turns every problem into one message that names the variable.
import type { z } from 'zod';
import { ConfigSchema, DatabaseConfigSchema, StaffCommandConfigSchema, type Config, type DatabaseConfig, type StaffCommandConfig } from './config.schema.ts';

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/**
 * Parses settings from an environment-like record (pass `process.env` from the entry point).
 *
 * @example
 * const config = loadConfig({ DATABASE_URL: 'postgres://localhost/qafila', REDIS_URL: 'redis://localhost' });
 * config.TIME_ZONE; // 'Africa/Casablanca'
 */
export function loadConfig(env: Environment): Config {
  return parseEnvironment(ConfigSchema, env);
}

/** The settings of commands that only need the database (migrate, seed, campaign import). */
export function loadDatabaseConfig(env: Environment): DatabaseConfig {
  return parseEnvironment(DatabaseConfigSchema, env);
}

/** `npm run staff`: the database, and where the console is reached (for the one-time links). */
export function loadStaffCommandConfig(env: Environment): StaffCommandConfig {
  return parseEnvironment(StaffCommandConfigSchema, env);
}

type Environment = Readonly<Record<string, string | undefined>>;

function parseEnvironment<S extends z.ZodType<object>>(schema: S, env: Environment): Readonly<z.infer<S>> {
  // Empty strings count as missing, so `PORT=` does not silently become 0.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const name = issue.path.join('.') || '(root)';
      const missing = issue.code === 'invalid_type' && cleaned[name] === undefined;
      return missing ? `${name} is missing` : `${name}: ${issue.message}`;
    });
    throw new ConfigError(problems);
  }
  return Object.freeze(parsed.data);
}
