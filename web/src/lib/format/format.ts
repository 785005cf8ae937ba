/**
 * Numbers, dates and durations for display, always through Intl with an explicit locale
 * (the UI language) so that every screen formats the same way. Formatters are cached:
 * constructing Intl objects is slow compared to using them.
 */

const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    numberFormats.set(key, format);
  }
  return format;
}

function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    dateFormats.set(key, format);
  }
  return format;
}

export interface NumberOptions {
  /** Most digits after the decimal separator (default 0). */
  maxFractionDigits?: number;
  /** Fewest digits after the decimal separator (default 0). Use for aligned columns. */
  minFractionDigits?: number;
}

/** A plain number with the locale's grouping and decimal separators: 1234.5 -> "1,234.5" (en). */
export function formatNumber(value: number, locale: string, options: NumberOptions = {}): string {
  const max = options.maxFractionDigits ?? 0;
  const min = Math.min(options.minFractionDigits ?? 0, max);
  return numberFormat(locale, { minimumFractionDigits: min, maximumFractionDigits: max }).format(value);
}

/** A ratio as a percentage: 0.256 -> "26%" (en), "26 %" (de). */
export function formatPercent(ratio: number, locale: string, maxFractionDigits = 0): string {
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: maxFractionDigits }).format(ratio);
}

export interface DateOptions {
  /** IANA time zone to show the instant in; defaults to the browser's. */
  timeZone?: string | undefined;
}

function zoned(options: Intl.DateTimeFormatOptions, timeZone: string | undefined): Intl.DateTimeFormatOptions {
  return timeZone === undefined ? options : { ...options, timeZone };
}

/** A calendar date, e.g. "Mar 5, 2025" (en-US) or "05.03.2025" (de-DE). */
export function formatDate(date: Date | string | number, locale: string, options: DateOptions = {}): string {
  return dateFormat(locale, zoned({ dateStyle: 'medium' }, options.timeZone)).format(new Date(date));
}

/** A date and time of day, e.g. "Mar 5, 2025, 6:30 PM" (en-US). */
export function formatDateTime(date: Date | string | number, locale: string, options: DateOptions = {}): string {
  return dateFormat(locale, zoned({ dateStyle: 'medium', timeStyle: 'short' }, options.timeZone)).format(
    new Date(date),
  );
}

/**
 * A duration as a clock, as the workout bar shows it: 2530 s -> "00:42:10", 363600 s ->
 * "101:00:00" (hours are not wrapped into days). With `compact`, leading zero hours are
 * dropped: 2530 s -> "42:10", 9730 s -> "2:42:10". Fractions of a second are dropped (a
 * timer shows whole seconds elapsed); negative or non-finite input counts as 0.
 */
export function formatDuration(totalSeconds: number, options: { compact?: boolean } = {}): string {
  const whole = Number.isFinite(totalSeconds) ? Math.max(0, Math.floor(totalSeconds)) : 0;
  const hours = Math.floor(whole / 3600);
  const mm = String(Math.floor((whole % 3600) / 60)).padStart(2, '0');
  const ss = String(whole % 60).padStart(2, '0');
  if (options.compact) {
    return hours > 0 ? `${hours}:${mm}:${ss}` : `${Number(mm)}:${ss}`;
  }
  return `${String(hours).padStart(2, '0')}:${mm}:${ss}`;
}
