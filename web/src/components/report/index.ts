export { ReportButton } from './report-button';
export type { ReportButtonProps, ReportKind } from './report-button';
