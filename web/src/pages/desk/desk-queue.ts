// The desk's check-ins not yet sent, kept in IndexedDB so a dropped network, a closed tab or a flat
// battery loses none: each under the client id the server accepts once.
import type { CheckinBody, WalkInBody } from '../../api/types.ts';

export interface QueuedCheckin extends CheckinBody {
  kind?: 'checkin';
  campaignId: number;
}

/** A walk-in registered offline: the request as it will be sent, and the name to report. */
export interface QueuedWalkIn {
  kind: 'walk_in';
  clientId: string;
  campaignId: number;
  at: string;
  body: WalkInBody;
  name: string;
}

type Queued = QueuedCheckin | QueuedWalkIn;

const DB_NAME = 'qafila-desk';
const STORE = 'checkins';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'clientId' });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB refused to open'));
  });
}

async function run<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const request = work(db.transaction(STORE, mode).objectStore(STORE));
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
