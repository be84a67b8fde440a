// How the service names its keys in Redis, on one server and on a Redis Cluster.
//
// On one Redis, as always: the deployment's prefix (QUEUE_PREFIX), then the rest — `qafila:pace:telegram:all`,
// BullMQ's `qafila:notifications:n12`. Existing deployments keep their keys.
//
// On a Redis Cluster the prefix is written as a hash tag, `{qafila}`. A queue's keys, or the keys one script
// reads together, must hash to one slot (Redis refuses a command across slots: CROSSSLOT), so each such group
// gets a tag of its own — `{qafila:notifications}:notifications:n12`, `{qafila:pace:telegram}:all` — and the
// groups spread over the nodes rather than all sitting on one. A key used alone needs no tag: it drops the
// braces (`qafila:flood:telegram:42`) and lands wherever its whole name hashes.

const TAGGED = /^\{([^{}]+)\}$/;

/** The prefix of a deployment named `name` on a Redis Cluster. */
export const clusterPrefix = (name: string): string => `{${name}}`;

/** The deployment's name inside a cluster prefix, or undefined for a prefix of one Redis. */
const tagOf = (prefix: string): string | undefined => TAGGED.exec(prefix)?.[1];

/**
 * BullMQ's prefix for `queue`: on a cluster, a tag of the deployment and the queue.
 *
 * @example queuePrefix('qafila', 'notifications') // 'qafila'
 * queuePrefix('{qafila}', 'notifications') // '{qafila:notifications}'
 */
export function queuePrefix(prefix: string, queue: string): string {
  const tag = tagOf(prefix);
  return tag === undefined ? prefix : `{${tag}:${queue}}`;
}

/**
 * The start of keys that one script or transaction uses together, so that they share a slot.
 *
 * @example keyGroup('qafila', 'pace:telegram') // 'qafila:pace:telegram'
 * keyGroup('{qafila}', 'pace:telegram') // '{qafila:pace:telegram}'
 */
export function keyGroup(prefix: string, group: string): string {
  const tag = tagOf(prefix);
  return tag === undefined ? `${prefix}:${group}` : `{${tag}:${group}}`;
}

/**
 * A key always used alone (a counter).
 *
 * @example soloKey('{qafila}', 'flood:telegram:42') // 'qafila:flood:telegram:42', as on one Redis
 */
export function soloKey(prefix: string, rest: string): string {
  return `${tagOf(prefix) ?? prefix}:${rest}`;
}
