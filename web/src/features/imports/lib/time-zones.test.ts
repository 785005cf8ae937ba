import { describe, expect, it } from 'vitest';
import { timeZoneOptions } from './time-zones';

describe('timeZoneOptions', () => {
  it('puts the profile zone first, once, and offers UTC and the browser zones after it in order', () => {
    const zones = timeZoneOptions('Europe/Berlin');
    expect(zones[0]).toBe('Europe/Berlin');
    expect(zones.filter((zone) => zone === 'Europe/Berlin')).toHaveLength(1);
    expect(zones).toContain('UTC');
    expect(zones).toContain('America/New_York');
    const rest = zones.slice(1);
    expect(rest).toEqual([...rest].sort());
  });
});
