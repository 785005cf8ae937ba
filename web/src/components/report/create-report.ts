import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { RequestBody, ResponseBody } from '@/lib/api/types';

/** POST /api/v1/reports: a report about something the user can see. */
export type ReportInput = RequestBody<'/reports', 'post'>;
export type ReportReason = ReportInput['reason'];
export type Report = ResponseBody<'/reports', 'post', 201>;

export const reportReasons = ['spam', 'harassment', 'inappropriate', 'other'] as const satisfies readonly ReportReason[];

export function createReport(input: ReportInput): Promise<Report> {
  return api.post<Report>('/reports', { body: input });
}

export function useCreateReport() {
  return useMutation({ mutationFn: createReport });
}
