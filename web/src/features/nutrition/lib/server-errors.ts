import { ApiError } from '@/lib/api/client';

/**
 * A failed save's field errors by the server's field path ("name", "portions[1].grams",
 * "per_100g.energy_kcal"); `shown` says which paths the form has an input for, so the others
 * can be listed with the form's own message instead of being lost.
 */
export function splitFieldErrors(
  error: unknown,
  shown: (field: string) => boolean,
): { fields: Record<string, string>; others: string[] } {
  const fields: Record<string, string> = {};
  const others: string[] = [];
  if (!(error instanceof ApiError)) return { fields, others };
  for (const { field, message } of error.fieldErrors) {
    if (shown(field)) fields[field] ??= message;
    else others.push(`${field}: ${message}`);
  }
  return { fields, others };
}
