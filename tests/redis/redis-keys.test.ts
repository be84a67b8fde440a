// Key names: unchanged on one Redis (deployments keep their data), hash-tagged by group on a Redis Cluster.
import { describe, expect, it } from 'vitest';
import { clusterPrefix, keyGroup, queuePrefix, soloKey } from '../../src/redis/redis-keys.ts';

describe('key names on one Redis', () => {
  it('keep the names existing deployments hold their data under', () => {
    expect(queuePrefix('qafila', 'notifications')).toBe('qafila');
    expect(`${keyGroup('qafila', 'pace:telegram')}:chat:42`).toBe('qafila:pace:telegram:chat:42');
    expect(soloKey('qafila', 'flood:telegram:42')).toBe('qafila:flood:telegram:42');
  });
});

describe('key names on a Redis Cluster', () => {
  const prefix = clusterPrefix('qafila');

  it('give each queue a hash tag of its own, so its keys share a slot and queues spread', () => {
    expect(prefix).toBe('{qafila}');
    expect(queuePrefix(prefix, 'notifications')).toBe('{qafila:notifications}');
    expect(queuePrefix(prefix, 'outbound-telegram-bulk')).toBe('{qafila:outbound-telegram-bulk}');
  });

  it('tag the keys one script uses together with their group', () => {
    expect(`${keyGroup(prefix, 'pace:telegram')}:chat:42`).toBe('{qafila:pace:telegram}:chat:42');
    expect(`${keyGroup(prefix, 'pace:telegram')}:hold`).toBe('{qafila:pace:telegram}:hold');
  });

  it('leave a key used alone untagged, named as on one Redis', () => {
    expect(soloKey(prefix, 'flood:telegram:42')).toBe('qafila:flood:telegram:42');
    expect(soloKey(prefix, 'admin-rate:')).toBe('qafila:admin-rate:');
  });
});
