// The desk's check-ins not yet sent, kept in IndexedDB so a dropped network, a closed tab or a flat
// battery loses none: each under the client id the server accepts once.
import type { DeskCampaign, DeskDay } from '../../api/types.ts';
import type { QueuedCheckin, QueuedWalkIn } from './desk-items.ts';

type Queued = QueuedCheckin | QueuedWalkIn;

const DB_NAME = 'qafila-desk';
const STORE = 'checkins';

/** The days a desk holds for when the network drops, by campaign and day. */
const DAYS = 'days';

export interface HeldDay {
  key: string;
  campaign: DeskCampaign;
  day: DeskDay;
}

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 2);
    request.onupgradeneeded = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains(STORE)) db.createObjectStore(STORE, { keyPath: 'clientId' });
      if (!db.objectStoreNames.contains(DAYS)) db.createObjectStore(DAYS, { keyPath: 'key' });
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB refused to open'));
  });
}

async function run<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>, storeName = STORE): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const request = work(db.transaction(storeName, mode).objectStore(storeName));
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('IndexedDB refused the request'));
    });
  } finally {
    db.close();
  }
}

export const queueCheckin = (item: QueuedCheckin | QueuedWalkIn) => run('readwrite', (store) => store.put(item)).then(() => undefined);

const campaignQueue = async (campaignId: number) =>
  (await run<Queued[]>('readonly', (store) => store.getAll() as IDBRequest<Queued[]>)).filter((item) => item.campaignId === campaignId).sort((a, b) => a.at.localeCompare(b.at));

/** The campaign's waiting check-ins, in the order they were made. */
export async function queuedCheckins(campaignId: number): Promise<QueuedCheckin[]> {
  return (await campaignQueue(campaignId)).filter((item): item is QueuedCheckin => item.kind !== 'walk_in');
}

/** The campaign's waiting walk-ins, in the order they were registered. */
export async function queuedWalkIns(campaignId: number): Promise<QueuedWalkIn[]> {
  return (await campaignQueue(campaignId)).filter((item): item is QueuedWalkIn => item.kind === 'walk_in');
}

export const forgetCheckin = (clientId: string) => run('readwrite', (store) => store.delete(clientId)).then(() => undefined);

/** How many arrivals and walk-ins wait on this device, all campaigns together (0 when none or unreadable). */
export async function waitingOnDevice(): Promise<number> {
  try {
    return await run('readonly', (store) => store.count());
  } catch {
    return 0;
  }
}

/** Signing out leaves nothing of the day on the device: the waiting arrivals go with it. */
export function wipeDevice(): Promise<void> {
  return new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(DB_NAME);
    // Blocked or refused: the next sign-in finds the rows and sends them under that member's name.
    request.onsuccess = request.onerror = request.onblocked = () => resolve();
  });
}

const dayKey = (campaignId: number, day: string) => `${campaignId}/${day}`;

/** Keeps the day's bookings (and the campaign's title and days) on the device, for a reload offline. */
export const holdDay = (campaign: DeskCampaign, day: DeskDay) => run('readwrite', (store) => store.put({ key: dayKey(campaign.id, day.day), campaign, day } satisfies HeldDay), DAYS).then(() => undefined);

export const heldDay = (campaignId: number, day: string) => run<HeldDay | undefined>('readonly', (store) => store.get(dayKey(campaignId, day)) as IDBRequest<HeldDay | undefined>, DAYS).catch(() => undefined);

/** The last day held for a campaign, whatever it is: a reload offline opens on it. */
export async function lastHeldDay(campaignId: number): Promise<HeldDay | undefined> {
  const all = await run<HeldDay[]>('readonly', (store) => store.getAll() as IDBRequest<HeldDay[]>, DAYS).catch(() => []);
  return all.filter((h) => h.campaign.id === campaignId).sort((a, b) => b.day.day.localeCompare(a.day.day))[0];
}

/** Days before `today` are over: nothing of them stays on the device. */
export async function dropPastDays(today: string): Promise<void> {
  const all = await run<HeldDay[]>('readonly', (store) => store.getAll() as IDBRequest<HeldDay[]>, DAYS).catch(() => []);
  for (const held of all.filter((h) => h.day.day < today)) await run('readwrite', (store) => store.delete(held.key), DAYS);
}
