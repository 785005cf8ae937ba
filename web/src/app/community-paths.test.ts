import { matchRoutes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { clubPaths, notificationPaths } from './paths';
import { routes } from './routes';

/** The pattern of the deepest route a link lands on ('*' is Not Found). */
function landsOn(link: string): string | undefined {
  const pathname = link.split('?')[0] ?? link;
  return matchRoutes(routes, pathname)?.at(-1)?.route.path;
}

describe('community links land on real pages', () => {
  it('has every notification link and every club link on a route of its own', () => {
    expect(landsOn(notificationPaths.user('bob'))).toBe('/u/:username');
    expect(landsOn(notificationPaths.feed)).toBe('/community');
    expect(landsOn(notificationPaths.challenge('ch1'))).toBe('/community/challenges/:id');
    expect(landsOn(notificationPaths.club('cl1'))).toBe('/community/clubs/:id');
    expect(landsOn(notificationPaths.moderation)).toBe('/settings/moderation');
    expect(landsOn(clubPaths.challenge('ch1'))).toBe('/community/challenges/:id');
    expect(clubPaths.newClubChallenge('cl 1')).toBe('/community/challenges/new?club_id=cl+1');
    expect(landsOn(clubPaths.newClubChallenge('cl1'))).toBe('/community/challenges/new');
  });
});
