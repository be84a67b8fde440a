// Creates the database named in DATABASE_URL when it is missing, so a fresh machine needs no manual step.
import pg from 'pg';

/** Returns true when the database had to be created. */
export async function ensureDatabaseExists(connectionString: string): Promise<boolean> {
  const url = new URL(connectionString);
  const name = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (!name) throw new Error('DATABASE_URL names no database (expected …/qafila at the end)');
  url.pathname = '/postgres';
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount) return false;
    await client.query(`create database "${name.replaceAll('"', '""')}"`);
    return true;
  } catch (err) {
    // Another process created it between our check and our create.
    if (typeof err === 'object' && err !== null && 'code' in err && err.code === '42P04') return false;
    throw err;
  } finally {
    await client.end();
  }
}
