import { describe, expect, it } from 'vitest';
import { fromZonedInput, isKnownTimeZone, toZonedInput, utcOffsetMs } from './zoned-time';

const hour = 3600 * 1000;

// 2026: Berlin goes to summer time on 29 March at 02:00 (01:00Z) and back on 25 October at
// 03:00 (01:00Z); New York on 8 March at 02:00 (07:00Z) and back on 1 November at 02:00 (06:00Z).
describe('wall-clock times in a workout’s own zone', () => {
  it('shows an instant as the zone’s clock read it, either side of a change', () => {
    expect(toZonedInput('2026-03-29T00:30:00Z', 'Europe/Berlin')).toBe('2026-03-29T01:30');
    expect(toZonedInput('2026-03-29T01:30:00Z', 'Europe/Berlin')).toBe('2026-03-29T03:30');
    expect(toZonedInput('2026-10-25T00:30:00Z', 'Europe/Berlin')).toBe('2026-10-25T02:30');
    expect(toZonedInput('2026-10-25T01:30:00Z', 'Europe/Berlin')).toBe('2026-10-25T02:30');
    expect(toZonedInput('2026-11-01T05:30:00Z', 'America/New_York')).toBe('2026-11-01T01:30');
    expect(toZonedInput('2026-11-01T06:30:00Z', 'America/New_York')).toBe('2026-11-01T01:30');
    // The day can differ from UTC's.
    expect(toZonedInput('2026-01-01T03:00:00Z', 'America/New_York')).toBe('2025-12-31T22:00');
    expect(toZonedInput('2026-07-04T23:15:59.999Z', 'Europe/Berlin')).toBe('2026-07-05T01:15');
  });

  it('reads a time typed in the zone back to the instant', () => {
    expect(fromZonedInput('2026-03-29T01:30', 'Europe/Berlin')).toBe('2026-03-29T00:30:00Z'); // CET, +1
    expect(fromZonedInput('2026-03-29T03:30', 'Europe/Berlin')).toBe('2026-03-29T01:30:00Z'); // CEST, +2
    expect(fromZonedInput('2026-07-04T12:00', 'America/New_York')).toBe('2026-07-04T16:00:00Z'); // EDT, -4
    expect(fromZonedInput('2026-01-15T12:00', 'America/New_York')).toBe('2026-01-15T17:00:00Z'); // EST, -5
    expect(fromZonedInput('2025-12-31T22:00', 'America/New_York')).toBe('2026-01-01T03:00:00Z');
  });

  it('moves a time the clocks skip forward by the gap', () => {
    // 02:30 never happens in Berlin on 29 March: 02:30 at +1 is 01:30Z, which is 03:30 CEST.
    expect(fromZonedInput('2026-03-29T02:30', 'Europe/Berlin')).toBe('2026-03-29T01:30:00Z');
    // Nor in New York on 8 March: 02:30 at -5 is 07:30Z, which is 03:30 EDT.
    expect(fromZonedInput('2026-03-08T02:30', 'America/New_York')).toBe('2026-03-08T07:30:00Z');
  });

  it('takes the first of a time that happens twice', () => {
    // 02:30 in Berlin on 25 October: at +2 (00:30Z), then again at +1 (01:30Z).
    expect(fromZonedInput('2026-10-25T02:30', 'Europe/Berlin')).toBe('2026-10-25T00:30:00Z');
    // 01:30 in New York on 1 November: at -4 (05:30Z), then at -5 (06:30Z).
    expect(fromZonedInput('2026-11-01T01:30', 'America/New_York')).toBe('2026-11-01T05:30:00Z');
  });

  it('round-trips every half hour across both of Berlin’s changes', () => {
    for (const day of ['2026-03-29T00:00:00Z', '2026-10-24T22:00:00Z']) {
      for (let i = 0; i < 12; i++) {
        const iso = new Date(Date.parse(day) + i * hour / 2).toISOString().replace('.000Z', 'Z');
        const back = fromZonedInput(toZonedInput(iso, 'Europe/Berlin'), 'Europe/Berlin');
        // The second 02:xx of October reads back as the first: one hour earlier, and only then.
        const repeated = iso >= '2026-10-25T01:00:00Z' && iso < '2026-10-25T02:00:00Z';
        expect(back).toBe(repeated ? new Date(Date.parse(iso) - hour).toISOString().replace('.000Z', 'Z') : iso);
      }
    }
  });

  it('knows the offsets and which zones exist', () => {
    expect(utcOffsetMs(Date.parse('2026-03-29T00:59:59Z'), 'Europe/Berlin')).toBe(hour);
    expect(utcOffsetMs(Date.parse('2026-03-29T01:00:00Z'), 'Europe/Berlin')).toBe(2 * hour);
    expect(utcOffsetMs(Date.parse('2026-11-01T06:00:00Z'), 'America/New_York')).toBe(-5 * hour);
    expect(isKnownTimeZone('Europe/Berlin')).toBe(true);
    expect(isKnownTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(fromZonedInput('not a time', 'Europe/Berlin')).toBeNull();
  });
});
