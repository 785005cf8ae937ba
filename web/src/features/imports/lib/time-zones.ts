/**
 * The zones the import page offers for a CSV's local times: the profile's first, then every
 * IANA zone the browser knows (the server checks the choice against its own tz database).
 */
export function timeZoneOptions(profileZone: string): string[] {
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  const rest = [...new Set([...known, 'UTC'])].filter((zone) => zone !== profileZone).sort();
  return [profileZone, ...rest];
}
