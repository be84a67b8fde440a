// Each test file gets its own freshly migrated database, so files run in parallel without sharing rows.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { createDatabase, type Db } from '../../src/db/connection.ts';
import { prepareDatabase } from '../../src/db/prepare-database.ts';

/** The server tests connect to; CI and the dev machine both serve it on 127.0.0.1. */
export const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  db: Db;
  url: string;
  name: string;
  drop(): Promise<void>;
}

async function admin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** Set by the global setup for the whole run: a migrated database that each file's database is copied from. */
const TEMPLATE_ENV = 'QAFILA_TEST_TEMPLATE_DB';

export async function createTestDatabase(options: { poolSize?: number } = {}): Promise<TestDatabase> {
  const name = `qafila_test_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const template = process.env[TEMPLATE_ENV];
  // Copying the migrated template takes a tenth of migrating again, for every test file.
  await admin((c) => c.query(template ? `create database ${name} template ${template}` : `create database ${name}`));
  const url = databaseUrl(name);
  // Tests make bursts on purpose (1,000 bookings at once on 10 connections, on a loaded machine): a
  // caller waits for a free connection as long as it takes, as the statement timeout still bounds each one.
  const db = createDatabase({ connectionString: url, poolSize: options.poolSize ?? 10, connectTimeoutMs: 120_000 });
  // A no-op on a copy of the template; the whole schema on a database made without one.
  await prepareDatabase(db);
  return {
    db,
    url,
    name,
    async drop() {
      await db.destroy();
      await dropDatabase(name);
    },
  };
}

/**
 * Drops a scratch database once its connections are gone. Closed pool sockets can take a moment
 * to leave the server; forcing them out at once would make their clients emit errors.
 */
export async function dropDatabase(name: string): Promise<void> {
  await admin(async (c) => {
    for (let attempt = 0; attempt < 50; attempt++) {
      try {
        await c.query(`drop database if exists "${name}"`);
        return;
      } catch (err) {
        const inUse = typeof err === 'object' && err !== null && 'code' in err && err.code === '55006';
        if (!inUse) throw err;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    await c.query(`drop database if exists "${name}" with (force)`);
  });
}

function databaseUrl(name: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Once per run, before the test processes start: the migrated template every file's database copies. */
export async function createTemplateDatabase(): Promise<void> {
  const name = `qafila_template_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  await admin((c) => c.query(`create database ${name}`));
  const db = createDatabase({ connectionString: databaseUrl(name), poolSize: 1, connectTimeoutMs: 120_000 });
  try {
    await prepareDatabase(db);
  } finally {
    // No connection may stay open on a template while it is copied.
    await db.destroy();
  }
  process.env[TEMPLATE_ENV] = name;
}

export async function dropTemplateDatabase(): Promise<void> {
  const name = process.env[TEMPLATE_ENV];
  if (name) await dropDatabase(name);
}
