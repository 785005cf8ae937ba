import { API_BASE } from '@/lib/api/client';

/**
 * GET /api/v1/exports/sets.csv: every set in Strong's CSV layout, as an attachment. A plain
 * link downloads it (the session cookie goes along), so there is no fetcher.
 */
export const exportSetsCsvUrl = `${API_BASE}/exports/sets.csv`;
