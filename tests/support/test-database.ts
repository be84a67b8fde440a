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

export async function createTestDatabase(options: { poolSize?: number } = {}): Promise<TestDatabase> {
  const name = `qafila_test_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  await admin((c) => c.query(`create database ${name}`));
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  // Tests make bursts on purpose (1,000 bookings at once on 10 connections, on a loaded machine): a
  // caller waits for a free connection as long as it takes, as the statement timeout still bounds each one.
  const db = createDatabase({ connectionString: url.toString(), poolSize: options.poolSize ?? 10, connectTimeoutMs: 120_000 });
  await prepareDatabase(db);
  return {
    db,
    url: url.toString(),
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
