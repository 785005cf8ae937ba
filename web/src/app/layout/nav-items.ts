import type { IconName } from '@/components/ui';

/** The five places of the app (see shared/ux.md), in tab-bar order. */
export const navItems = [
  { key: 'today', icon: 'today' },
  { key: 'log', icon: 'log' },
  { key: 'food', icon: 'food' },
  { key: 'community', icon: 'community' },
  { key: 'me', icon: 'me' },
] as const satisfies ReadonlyArray<{ key: string; icon: IconName }>;

export type NavKey = (typeof navItems)[number]['key'];
