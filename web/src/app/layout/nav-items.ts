import type { IconName } from '@/components/ui';
import { paths } from '../paths';

/**
 * The places of the app (see shared/ux.md), in tab-bar order. Only places that exist are
 * offered. A place is current on its own path
 * and on the pages that belong to it (`also`): the workout history, the exercise library,
 * programs, import and goals live under Me, the logging screen under Log.
 */
export const navItems = [
  { key: 'today', icon: 'today', also: [] },
  { key: 'log', icon: 'log', also: [] },
  { key: 'food', icon: 'food', also: [] },
  { key: 'community', icon: 'community', also: ['/u'] },
  {
    key: 'me',
    icon: 'me',
    also: [
      paths.workouts,
      paths.routines,
      paths.programs,
      paths.templates,
      paths.body,
      paths.import,
      paths.exercises,
      paths.goals,
      '/settings',
    ],
  },
] as const satisfies ReadonlyArray<{ key: string; icon: IconName; also: readonly string[] }>;

export type NavKey = (typeof navItems)[number]['key'];

function within(pathname: string, base: string): boolean {
  if (base === '/') return pathname === '/';
  return pathname === base || pathname.startsWith(`${base}/`);
}

/** Which place a page belongs to, if any. */
export function currentNavKey(pathname: string): NavKey | undefined {
  return navItems.find(({ key, also }) => within(pathname, paths[key]) || also.some((base) => within(pathname, base)))
    ?.key;
}
