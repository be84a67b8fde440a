// The Redis clients of a process, from the settings: one server (REDIS_URL) or a Redis Cluster
// (REDIS_CLUSTER_NODES). Every other module takes them as given and names its keys through redis-keys.ts.
import type { ConnectionOptions } from 'bullmq';
import { Cluster, Redis } from 'ioredis';
import type { Config } from '../config/config.schema.ts';
import { clusterPrefix } from './redis-keys.ts';

/** A client of one Redis server or of a Redis Cluster: the commands the service sends are the same on both. */
export type RedisClient = Redis | Cluster;

export interface RedisClients {
  /**
   * Commands of our own (the pacer, the flood guard, throttles, the reconciler, health): a command fails
   * soon while Redis is away rather than wait for it.
   */
  commands: RedisClient;
  /** What BullMQ's queues and workers connect with: its workers block on Redis, so it never gives up on a command. */
  queues: ConnectionOptions;
  /** The prefix of every key: QUEUE_PREFIX, written as a hash tag on a cluster (see redis-keys.ts). */
  prefix: string;
  /** One attempt to reach Redis: resolves once `commands` is connected, rejects with why not. */
  connect(): Promise<void>;
  close(): void;
}

type RedisSettings = Pick<Config, 'REDIS_URL' | 'REDIS_CLUSTER_NODES' | 'QUEUE_PREFIX'>;

/**
 * @example
 * const clients = openRedisClients(config, (source, err) => logger.warn({ source, err: err.message }));
 * await clients.connect();
 */
export function openRedisClients(config: RedisSettings, onError: (source: string, err: Error) => void): RedisClients {
  if (config.REDIS_CLUSTER_NODES) return clusterClients(config.REDIS_CLUSTER_NODES, config.QUEUE_PREFIX, onError);
  if (!config.REDIS_URL) throw new Error('REDIS_URL or REDIS_CLUSTER_NODES is required (the configuration checks it)');
  const commands = new Redis(config.REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 2, connectTimeout: 5000 });
  commands.on('error', (err) => onError('commands', err));
  return {
    commands,
    // Options rather than a client: each queue and worker opens its own connection, as it always has.
    queues: { url: config.REDIS_URL, maxRetriesPerRequest: null },
    prefix: config.QUEUE_PREFIX,
    connect: () => commands.connect(),
    close: () => commands.disconnect(),
  };
}

function clusterClients(nodes: ReadonlyArray<{ host: string; port: number }>, name: string, onError: (source: string, err: Error) => void): RedisClients {
  // No offline queue: while no node answers, a command fails at once (as one server's client fails after
  // two retries) instead of waiting for the cluster to come back.
  const commands = new Cluster([...nodes], { lazyConnect: true, enableOfflineQueue: false, redisOptions: { maxRetriesPerRequest: 2, connectTimeout: 5000 } });
  commands.on('error', (err) => onError('commands', err));
  // One client shared by every queue (BullMQ's workers copy it for the connection they block on).
  const queues = new Cluster([...nodes], { redisOptions: { maxRetriesPerRequest: null, connectTimeout: 5000 } });
  queues.on('error', (err) => onError('queues', err));
  return {
    commands,
    queues,
    prefix: clusterPrefix(name),
    connect: () => clusterAttempt(commands),
    close() {
      commands.disconnect();
      queues.disconnect();
    },
  };
}

/**
 * The first connection, or the outcome of the next attempt ioredis makes by itself: a cluster that failed
 * once retries on its own, and a second connect() meanwhile would race it.
 */
function clusterAttempt(cluster: Cluster): Promise<void> {
  if (cluster.status === 'ready') return Promise.resolve();
  if (cluster.status === 'wait' || cluster.status === 'end') return cluster.connect();
  return new Promise((resolve, reject) => {
    const ready = () => (cluster.off('close', closed), resolve());
    const closed = () => (cluster.off('ready', ready), reject(new Error('None of startup nodes is available')));
    cluster.once('ready', ready);
    cluster.once('close', closed);
  });
}
