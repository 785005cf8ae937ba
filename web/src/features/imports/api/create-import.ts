import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { ResponseBody, Schema } from '@/lib/api/types';
import { contentTypeFor, type ImportFormat } from '../lib/formats';

/** An import job as the server reports it. */
export type Import = Schema<'Import'>;
/** What a CSV would create (dry run); nothing was written. */
export type ImportPreview = Schema<'ImportPreview'>;

export interface ImportRequest {
  file: Blob;
  /** The file's name: an activity's title is taken from it. */
  name: string;
  format: ImportFormat;
  weightUnit?: 'kg' | 'lb';
  distanceUnit?: 'km' | 'mi';
  /** The IANA zone of the file's local times (CSV); the server defaults to the profile zone. */
  timeZone?: string;
  allowDuplicate?: boolean;
}

function query(request: ImportRequest, dryRun: boolean) {
  return {
    format: request.format,
    name: request.name.slice(0, 255) || undefined,
    dry_run: dryRun || undefined,
    weight_unit: request.weightUnit,
    distance_unit: request.distanceUnit,
    time_zone: request.timeZone,
    allow_duplicate: request.allowDuplicate || undefined,
  };
}

/** POST /api/v1/imports: the raw file as the body; answers 202 with the queued import. */
export function createImport(request: ImportRequest): Promise<Import> {
  return api.post<ResponseBody<'/imports', 'post', 202>>('/imports', {
    query: query(request, false),
    raw: { body: request.file, contentType: contentTypeFor(request.format) },
  });
}

/** POST /api/v1/imports?dry_run=true (CSV only): what the import would create; 200, nothing written. */
export function previewImport(request: ImportRequest): Promise<ImportPreview> {
  return api.post<ImportPreview>('/imports', {
    query: query(request, true),
    raw: { body: request.file, contentType: contentTypeFor(request.format) },
  });
}

export const importsQueryKey = ['imports'] as const;

export function useCreateImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createImport,
    onSuccess: (created) => queryClient.setQueryData([...importsQueryKey, created.id], created),
  });
}

export function usePreviewImport() {
  return useMutation({ mutationFn: previewImport });
}
