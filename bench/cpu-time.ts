// CPU time spent by this process and by the Postgres backends serving it: on a shared machine, figures
// that other load changes far less than the wall clock.
import { readFileSync } from 'node:fs';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../src/db/tables.ts';

/** Seconds of CPU a local process has used; null when it cannot be read (ended, or not on this machine). */
function processCpuSeconds(pid: number): number | null {
  try {
    // utime and stime: fields 14 and 15, counted after the command name's closing parenthesis.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    // Linux counts in USER_HZ, 100 a second on every common build.
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/** The server processes of the connections to the current database (its pool, its autovacuum). */
async function backendPids(db: Kysely<Database>): Promise<number[]> {
  const rows = await sql<{ pid: number }>`select pid from pg_stat_activity where datname = current_database()`.execute(db);
  return rows.rows.map((r) => r.pid);
}

/**
 * CPU seconds of the current database's backends between `start` and `stop()`; null when Postgres does
 * not run on this machine. Read every half second, since the pool closes idle connections: a backend
 * counts from its first reading (or from its start, when it appears in between) to its last.
 */
export async function databaseCpuMeter(db: Kysely<Database>) {
  const first = new Map<number, number>();
  const last = new Map<number, number>();
  const read = async (initial: boolean) => {
    for (const pid of await backendPids(db)) {
      const seconds = processCpuSeconds(pid);
      if (seconds === null) continue;
      if (!first.has(pid)) first.set(pid, initial ? seconds : 0);
      last.set(pid, seconds);
    }
  };
  await read(true);
  let reading = Promise.resolve();
  const timer = setInterval(() => (reading = reading.then(() => read(false)).catch(() => undefined)), 500);
  return {
    async stop(): Promise<number | null> {
      clearInterval(timer);
      await reading;
      await read(false);
      if (last.size === 0) return null;
      let total = 0;
      for (const [pid, seconds] of last) total += seconds - (first.get(pid) ?? 0);
      return total;
    },
  };
}

/** Seconds of CPU this process used since `since` (from process.cpuUsage()). */
export const ownCpuSeconds = (since: NodeJS.CpuUsage) => {
  const d = process.cpuUsage(since);
  return (d.user + d.system) / 1e6;
};
