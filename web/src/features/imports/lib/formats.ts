/** What POST /imports reads: activity files, and the CSV exports of Strong and Hevy. */
export type ImportFormat = 'gpx' | 'tcx' | 'fit' | 'strong_csv' | 'hevy_csv';
export type CsvApp = 'strong_csv' | 'hevy_csv';
export const csvApps: readonly CsvApp[] = ['strong_csv', 'hevy_csv'];

/** The file types the picker offers. */
export const acceptedFiles = '.gpx,.tcx,.fit,.csv,.zip,application/gpx+xml,text/csv,application/zip';

/**
 * The kind of file by its name: an activity format, "csv" (which app's is asked), "zip" (a Vigor
 * export, POST /me/import), or null.
 */
export function formatOfFileName(name: string): 'gpx' | 'tcx' | 'fit' | 'csv' | 'zip' | null {
  const ext = /\.([a-z0-9]+)$/i.exec(name.trim())?.[1]?.toLowerCase();
  if (ext === 'gpx' || ext === 'tcx' || ext === 'fit' || ext === 'csv' || ext === 'zip') return ext;
  return null;
}

export function isCsvFormat(format: ImportFormat): format is CsvApp {
  return format === 'strong_csv' || format === 'hevy_csv';
}

/** The body's content type for each format, as the spec lists them. */
export function contentTypeFor(format: ImportFormat): string {
  switch (format) {
    case 'gpx':
      return 'application/gpx+xml';
    case 'tcx':
      return 'application/vnd.garmin.tcx+xml';
    case 'fit':
      return 'application/vnd.ant.fit';
    default:
      return 'text/csv';
  }
}

/** The server refuses bodies over 64 MiB (413); the page says so before uploading. */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;
/** A Vigor export may be larger (POST /me/import takes up to 256 MiB). */
export const MAX_EXPORT_BYTES = 256 * 1024 * 1024;
