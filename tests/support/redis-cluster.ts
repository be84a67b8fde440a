// A real Redis Cluster for a test: three redis-server processes on free loopback ports, in a directory
// of their own, joined by `redis-cli --cluster create`. stop() ends them and removes the directory,
// whatever point the start reached, so a failing test leaves no process and no file behind.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Redis } from 'ioredis';
import { freePort } from './free-port.ts';
import { waitUntil } from './wait-until.ts';

const run = promisify(execFile);

/**
 * The environment of the redis-server and redis-cli processes: without a faked clock. Redis is a dependency with
 * a clock of its own, as Postgres is; under libfaketime it does not start at all.
 */
function realClockEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'LD_PRELOAD' && !name.startsWith('FAKETIME')));
}

export interface TestCluster {
  ports: number[];
  /** The value of REDIS_CLUSTER_NODES for this cluster. */
  nodes: string;
  stop(): Promise<void>;
}

/** Asks one node a question; undefined while it does not answer. */
async function ask(port: number, ...command: [string, ...string[]]): Promise<string | undefined> {
  const redis = new Redis({ host: '127.0.0.1', port, lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    return String(await redis.call(...command));
  } catch {
    return undefined;
  } finally {
    redis.disconnect();
  }
}

export async function startRedisCluster(size = 3): Promise<TestCluster> {
  const dir = await mkdtemp(join(tmpdir(), 'qafila-cluster-'));
  const children: ChildProcess[] = [];
  const ports: number[] = [];
  const outputs = new Map<number, string[]>();
  // A test process that dies without its afterAll still takes its nodes with it.
  const killAll = () => children.forEach((c) => c.exitCode === null && c.kill('SIGKILL'));
  process.once('exit', killAll);
  const stop = async () => {
    process.removeListener('exit', killAll);
    await Promise.all(
      children.map((child) => (child.exitCode !== null || child.signalCode !== null ? undefined : new Promise((resolve) => (child.once('exit', resolve), child.kill('SIGKILL'))))),
    );
    await rm(dir, { recursive: true, force: true });
  };
  try {
    for (let i = 0; i < size; i++) {
      const port = await freePort();
      // The cluster bus would be port + 10,000, which may be taken or past 65535: it gets a free port of its own.
      const bus = await freePort();
      const child = spawn('/usr/bin/redis-server', [
        '--port', String(port), '--bind', '127.0.0.1', '--cluster-enabled', 'yes', '--cluster-port', String(bus),
        '--cluster-config-file', `nodes-${port}.conf`, '--dir', dir, '--save', '', '--appendonly', 'no', '--logfile', '',
      ], { stdio: ['ignore', 'pipe', 'pipe'], env: realClockEnv() });
      // What a node printed, so that a node that does not start says why.
      const output: string[] = [];
      child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
      child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
      outputs.set(port, output);
      children.push(child);
      ports.push(port);
    }
    for (const [i, port] of ports.entries()) {
      try {
        await waitUntil(async () => (await ask(port, 'PING')) === 'PONG', `redis-server on port ${port}`, 10_000, 50);
      } catch (err) {
        const said = (outputs.get(port) ?? []).join('').trim().split('\n').slice(-5).join('\n');
        const ended = children[i]?.exitCode ?? children[i]?.signalCode;
        throw new Error(`${(err as Error).message}${ended === null || ended === undefined ? '' : ` (it ended: ${ended})`}${said ? `; it said:\n${said}` : ''}`);
      }
    }
    await run('/usr/bin/redis-cli', ['--cluster', 'create', ...ports.map((p) => `127.0.0.1:${p}`), '--cluster-replicas', '0', '--cluster-yes'], { timeout: 20_000, env: realClockEnv() });
    for (const port of ports) {
      await waitUntil(async () => ((await ask(port, 'CLUSTER', 'INFO')) ?? '').includes('cluster_state:ok'), `cluster_state:ok on port ${port}`, 15_000, 100);
    }
    return { ports, nodes: ports.map((p) => `127.0.0.1:${p}`).join(','), stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
