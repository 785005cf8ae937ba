/**
 * Wall-clock times in a named time zone, for `datetime-local` inputs that must show and take a
 * time in a zone other than the browser's (a workout's own zone). Intl does the zone rules
 * (daylight saving included); this module only turns its answers around. Pure: no Date.now.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall-clock time in `timeZone` at the instant `ms`, counted as if it were UTC. */
function wallClockMs(ms: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(ms))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const { year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = parts;
  return Date.UTC(year, month - 1, day, hour, minute, second);
}

/** The zone's offset from UTC at the instant `ms`, in milliseconds (+1 h in Berlin in winter). */
export function utcOffsetMs(ms: number, timeZone: string): number {
  const whole = Math.floor(ms / 1000) * 1000;
  return wallClockMs(whole, timeZone) - whole;
}

/** True when Intl knows `timeZone` (an IANA name such as "Europe/Berlin"). */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** An instant (RFC 3339) as a `datetime-local` value ("2026-03-29T03:30") in `timeZone`. */
export function toZonedInput(iso: string, timeZone: string): string {
  const wall = new Date(wallClockMs(Date.parse(iso), timeZone));
  return `${wall.getUTCFullYear()}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}T${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}`;
}

/**
 * A `datetime-local` value read as a wall-clock time in `timeZone`, as an instant (ms since
 * the epoch); null when it is not a date and time. Around a daylight-saving change it resolves
 * as Temporal's "compatible" does: a time that happens twice (the clocks go back) is the first
 * of the two; a time that never happens (the clocks skip it) is moved forward by the gap
 * (02:30 on the day Berlin skips 02:00-03:00 is 03:30 summer time).
 */
export function fromZonedInputMs(local: string, timeZone: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local);
  if (!match) return null;
  const [, y, mo, d, h, mi, s] = match.map(Number) as [number, number, number, number, number, number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi, Number.isNaN(s) ? 0 : s);
  if (Number.isNaN(wall)) return null;
  // The offsets a day either side: at most one change of offset lies between them.
  const day = 24 * 3600 * 1000;
  const before = utcOffsetMs(wall - day, timeZone);
  const after = utcOffsetMs(wall + day, timeZone);
  const candidates = [...new Set([wall - before, wall - after])].sort((a, b) => a - b);
  const valid = candidates.filter((instant) => wallClockMs(instant, timeZone) === wall);
  return valid[0] ?? wall - before;
}

/** The same as an RFC 3339 UTC text without milliseconds ("2026-03-29T01:30:00Z"). */
export function fromZonedInput(local: string, timeZone: string): string | null {
  const ms = fromZonedInputMs(local, timeZone);
  return ms === null ? null : new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
