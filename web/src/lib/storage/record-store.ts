/**
 * Records kept in IndexedDB, one object store of one database, keyed by a string: what must
 * survive a reload, a closed tab and a phone that kills the browser (a finished workout that is
 * not on the server yet). Unlike localStorage it is asynchronous, holds structured values and is
 * not limited to a few megabytes.
 *
 * Where IndexedDB is missing or refuses to open (a test environment, a locked-down browser), the
 * records live in memory for this page: the app still works, it only forgets on reload.
 */
export interface RecordStore<T> {
  getAll(): Promise<T[]>;
  put(key: string, value: T): Promise<void>;
  delete(key: string): Promise<void>;
  /** 'indexeddb', or 'memory' when the fallback is in use (known after the first call). */
  readonly backend: () => 'indexeddb' | 'memory';
}

function request<R>(req: IDBRequest<R>): Promise<R> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

function transactionDone(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
}

function openDatabase(name: string, stores: readonly string[], version: number): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(name, version);
    open.onupgradeneeded = () => {
      for (const store of stores) {
        if (!open.result.objectStoreNames.contains(store)) open.result.createObjectStore(store);
      }
    };
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error ?? new Error('IndexedDB did not open'));
    open.onblocked = () => reject(new Error('IndexedDB is blocked by another tab'));
  });
}

/** The app's one database and its object stores; a new store means a new version. */
const DATABASE = 'vigor';
const DATABASE_VERSION = 2;
const OBJECT_STORES = ['pending-workouts', 'query-cache', 'pending-edits'] as const;
export type ObjectStoreName = (typeof OBJECT_STORES)[number];

let database: Promise<IDBDatabase | null> | undefined;

function sharedDatabase(): Promise<IDBDatabase | null> {
  database ??= (typeof indexedDB === 'undefined'
    ? Promise.resolve(null)
    : openDatabase(DATABASE, OBJECT_STORES, DATABASE_VERSION)
  ).catch(() => null);
  return database;
}

export function createRecordStore<T>(storeName: ObjectStoreName): RecordStore<T> {
  const memory = new Map<string, T>();
  let backend: 'indexeddb' | 'memory' = 'memory';

  async function run<R>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<R>): Promise<R | undefined> {
    const db = await sharedDatabase();
    if (!db) return undefined;
    backend = 'indexeddb';
    const tx = db.transaction(storeName, mode);
    const result = request(work(tx.objectStore(storeName)));
    // Resolve once committed: a put that is not durable yet must not count as kept.
    await transactionDone(tx);
    return result;
  }

  return {
    backend: () => backend,
    async getAll() {
      const db = await sharedDatabase();
      if (!db) return [...memory.values()];
      return ((await run('readonly', (store) => store.getAll())) ?? []) as T[];
    },
    async put(key, value) {
      const db = await sharedDatabase();
      if (!db) {
        memory.set(key, value);
        return;
      }
      await run('readwrite', (store) => store.put(value, key));
    },
    async delete(key) {
      const db = await sharedDatabase();
      if (!db) {
        memory.delete(key);
        return;
      }
      await run('readwrite', (store) => store.delete(key));
    },
  };
}
