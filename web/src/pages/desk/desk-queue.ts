// The desk's check-ins not yet sent, kept in IndexedDB so a dropped network, a closed tab or a flat
// battery loses none: each under the client id the server accepts once.
import type { CheckinBody } from '../../api/types.ts';

export interface QueuedCheckin extends CheckinBody {
  campaignId: number;
}

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

export const queueCheckin = (item: QueuedCheckin) => run('readwrite', (store) => store.put(item)).then(() => undefined);

/** The campaign's waiting check-ins, in the order they were made. */
export async function queuedCheckins(campaignId: number): Promise<QueuedCheckin[]> {
  const all = await run<QueuedCheckin[]>('readonly', (store) => store.getAll() as IDBRequest<QueuedCheckin[]>);
  return all.filter((item) => item.campaignId === campaignId).sort((a, b) => a.at.localeCompare(b.at));
}

export const forgetCheckin = (clientId: string) => run('readwrite', (store) => store.delete(clientId)).then(() => undefined);
