// Sending what a desk kept offline: each item forgotten only once the server answered it, a dropped
// network leaving everything for the next round, and the walk-ins that found no place reported by name.
import { describe, expect, it } from 'vitest';
import type { ApiResult } from '../../web/src/api/client.ts';
import type { BatchAnswer, WalkInOutcome } from '../../src/http/console/desk.schemas.ts';
import type { QueuedCheckin, QueuedWalkIn } from '../../web/src/pages/desk/desk-items.ts';
import { sendWaiting } from '../../web/src/pages/desk/desk-sync.ts';

const scan = (n: number): QueuedCheckin => ({ campaignId: 1, day: '2027-03-02', code: 'K7F3QX', clientId: `00000000-0000-4000-8000-00000000000${n}`, at: `2027-03-02T09:0${n}:00Z` });
const walkIn = (name: string, n: number): QueuedWalkIn => ({
  kind: 'walk_in',
  clientId: `00000000-0000-4000-8000-00000000010${n}`,
  campaignId: 1,
  at: `2027-03-02T10:0${n}:00Z`,
  name,
  body: { clientId: `00000000-0000-4000-8000-00000000010${n}`, day: '2027-03-02', service: 'dental', overCapacity: false, person: { name, sex: 'female', age: 30, commune: 'Tinghir', consent: false } },
});
const offline = { ok: false as const, status: 0 as const, body: { error: 'offline' as const } };

/** A device's queue as the page keeps it, with the server's answers given by the test. */
function device(items: { scans: QueuedCheckin[]; walkIns: QueuedWalkIn[] }, answers: { batch: () => ApiResult<BatchAnswer>; walkIn: (w: QueuedWalkIn['body']) => ApiResult<WalkInOutcome> }) {
  const forgotten: string[] = [];
  const left = <T extends { clientId: string }>(list: T[]) => list.filter((i) => !forgotten.includes(i.clientId));
  return {
    forgotten,
    deps: {
      waiting: async () => left(items.scans),
      post: async () => answers.batch(),
      walkIns: async () => left(items.walkIns),
      postWalkIn: async (body: QueuedWalkIn['body']) => answers.walkIn(body),
      forget: async (clientId: string) => void forgotten.push(clientId),
    },
  };
}

describe('sending what the desk kept offline', () => {
  it('forgets each item the server answered, and names the walk-ins that found every window full', async () => {
    const scans = [scan(1), scan(2)];
    const { deps, forgotten } = device(
      { scans, walkIns: [walkIn('Itto', 1), walkIn('Moha', 2)] },
      {
        batch: () => ({ ok: true, status: 200, data: { answers: scans.map((s) => ({ clientId: s.clientId, outcome: { kind: 'unknown' as const } })) } }),
        walkIn: (body) => (body.person.name === 'Moha' ? { ok: false, status: 409, body: { error: 'full' } } : { ok: true, status: 200, data: { kind: 'erased' } }),
      },
    );
    expect(await sendWaiting(deps)).toEqual({ sent: 4, already: [], full: ['Moha'], left: 0 });
    expect(forgotten).toHaveLength(4);
  });

  it('keeps everything when the network drops again, for the next round', async () => {
    const { deps, forgotten } = device({ scans: [scan(1)], walkIns: [walkIn('Itto', 1)] }, { batch: () => offline, walkIn: () => offline });
    expect(await sendWaiting(deps)).toEqual({ sent: 0, already: [], full: [], left: 1 });
    expect(forgotten).toEqual([]);
  });
});
