// Redis: the clients of a process (one server or a Redis Cluster) and how keys are named on each.
export { openRedisClients, type RedisClient, type RedisClients } from './redis-clients.ts';
export { clusterPrefix, keyGroup, queuePrefix, soloKey } from './redis-keys.ts';
