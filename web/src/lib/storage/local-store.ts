import { useCallback, useSyncExternalStore } from 'react';

/**
 * A value kept in localStorage under one key, that React components read with
 * useSyncExternalStore: every writer in this tab and the `storage` event from other tabs
 * notify the readers. Reading never throws: storage that is unavailable (private mode, a
 * quota, a blocked origin) or holds something unreadable gives the fallback, so a bad entry
 * cannot break a page.
 */
export interface LocalStore<T> {
  get(): T;
  set(value: T): void;
  remove(): void;
  subscribe(onChange: () => void): () => void;
}

function storage(): Storage | undefined {
  try {
    return typeof window === 'undefined' ? undefined : window.localStorage;
  } catch {
    return undefined;
  }
}

/**
 * @param key      the localStorage key
 * @param parse    turns the stored JSON back into a value, or undefined when it is not one
 * @param fallback what `get` gives when nothing (readable) is stored
 */
export function createLocalStore<T>(key: string, parse: (raw: unknown) => T | undefined, fallback: T): LocalStore<T> {
  const listeners = new Set<() => void>();
  // Where storage is unavailable or full, the value lives in memory for this page.
  let memoryText: string | null = null;
  let useMemory = false;
  // useSyncExternalStore needs the same object for the same stored text.
  let cachedText: string | null | undefined;
  let cachedValue: T = fallback;

  const readText = (): string | null => {
    if (useMemory) return memoryText;
    try {
      return storage()?.getItem(key) ?? null;
    } catch {
      return null;
    }
  };
  const writeText = (text: string | null) => {
    try {
      const store = storage();
      if (!store) throw new Error('no localStorage');
      if (text === null) store.removeItem(key);
      else store.setItem(key, text);
      useMemory = false;
    } catch {
      useMemory = true;
      memoryText = text;
    }
    for (const listener of listeners) listener();
  };

  return {
    get() {
      const text = readText();
      if (text === cachedText) return cachedValue;
      cachedText = text;
      cachedValue = fallback;
      if (text !== null) {
        try {
          cachedValue = parse(JSON.parse(text)) ?? fallback;
        } catch {
          cachedValue = fallback;
        }
      }
      return cachedValue;
    },
    set: (value) => writeText(JSON.stringify(value)),
    remove: () => writeText(null),
    subscribe(onChange) {
      listeners.add(onChange);
      const onStorage = (event: StorageEvent) => {
        if (event.key === key || event.key === null) onChange();
      };
      window.addEventListener('storage', onStorage);
      return () => {
        listeners.delete(onChange);
        window.removeEventListener('storage', onStorage);
      };
    },
  };
}

/** The store's value, and a setter; re-renders when it changes here or in another tab. */
export function useLocalStore<T>(store: LocalStore<T>): [T, (value: T) => void] {
  const value = useSyncExternalStore(store.subscribe, store.get, store.get);
  const set = useCallback((next: T) => store.set(next), [store]);
  return [value, set];
}
