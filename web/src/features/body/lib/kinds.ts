import { createLocalStore, useLocalStore, type LocalStore } from '@/lib/storage/local-store';

/** weight (kg) and body_fat (%) are built in; any other kind is the user's own. */
export const builtInKinds = ['weight', 'body_fat'] as const;
export type BuiltInKind = (typeof builtInKinds)[number];

export function isBuiltIn(kind: string): kind is BuiltInKind {
  return (builtInKinds as readonly string[]).includes(kind);
}

/** The spec's pattern for a kind: lowercase letters, digits and _, starting with a letter. */
export const KIND_PATTERN = /^[a-z][a-z0-9_]{0,39}$/;

/** "Waist (cm)" -> "waist_cm": a kind name from what the user typed. */
export function kindFromLabel(label: string): string {
  return label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^[^a-z]+/, '')
    .replace(/_+$/, '')
    .slice(0, 40);
}

/** "resting_heart_rate" -> "Resting heart rate". */
export function labelFromKind(kind: string): string {
  const words = kind.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export interface OwnKind {
  kind: string;
  unit: string;
}

/**
 * The user's own kinds, remembered in this browser: the API lists entries of a kind it is
 * asked for, not which kinds exist.
 */
const stores = new Map<string, LocalStore<OwnKind[]>>();

function parseKinds(raw: unknown): OwnKind[] | undefined {
  if (!Array.isArray(raw)) return undefined;
  return raw.filter(
    (k): k is OwnKind =>
      typeof k === 'object' && k !== null && typeof k.kind === 'string' && KIND_PATTERN.test(k.kind) && typeof k.unit === 'string',
  );
}

export function ownKindsStore(userId: string): LocalStore<OwnKind[]> {
  let store = stores.get(userId);
  if (!store) {
    store = createLocalStore<OwnKind[]>(`vigor.body-kinds.${userId}`, parseKinds, []);
    stores.set(userId, store);
  }
  return store;
}

export function useOwnKinds(userId: string): [OwnKind[], (kind: OwnKind) => void] {
  const [kinds, set] = useLocalStore(ownKindsStore(userId));
  const remember = (next: OwnKind) => {
    if (isBuiltIn(next.kind)) return;
    set([...kinds.filter((k) => k.kind !== next.kind), next].sort((a, b) => a.kind.localeCompare(b.kind)));
  };
  return [kinds, remember];
}

/** Today's date where the user is, as YYYY-MM-DD (the API's local day). */
export function localToday(now: Date = new Date()): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}
