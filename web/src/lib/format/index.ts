export { formatDate, formatDateTime, formatDuration, formatNumber, formatPercent } from './format';
export type { DateOptions, NumberOptions } from './format';
