import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { Schema } from '@/lib/api/types';
import { feedQueryKey } from './get-feed';

export type Comment = Schema<'Comment'>;
export type CommentPage = Schema<'CommentPage'>;

function commentsKey(itemId: string) {
  return [...feedQueryKey, 'comments', itemId] as const;
}

/** GET /api/v1/feed-items/{id}/comments: the first 100, oldest first. */
export function listComments(itemId: string, { signal }: { signal?: AbortSignal } = {}): Promise<CommentPage> {
  return api.get<CommentPage>(`/feed-items/${encodeURIComponent(itemId)}/comments`, { query: { limit: 100 }, signal });
}

export function getCommentsQueryOptions(itemId: string) {
  return queryOptions({ queryKey: commentsKey(itemId), queryFn: ({ signal }) => listComments(itemId, { signal }) });
}

export function useComments(itemId: string, enabled: boolean) {
  return useQuery({ ...getCommentsQueryOptions(itemId), enabled });
}

/** POST /api/v1/feed-items/{id}/comments. */
export function addComment(itemId: string, body: string): Promise<Comment> {
  return api.post<Comment>(`/feed-items/${encodeURIComponent(itemId)}/comments`, { body: { body } });
}

/** PATCH /api/v1/comments/{id}: the author's own. */
export function editComment(commentId: string, body: string): Promise<Comment> {
  return api.patch<Comment>(`/comments/${encodeURIComponent(commentId)}`, { body: { body } });
}

/** DELETE /api/v1/comments/{id}: the author's, or any on the viewer's own item. */
export function deleteComment(commentId: string): Promise<void> {
  return api.delete<void>(`/comments/${encodeURIComponent(commentId)}`);
}

/** Writes to one item's thread; each refreshes the thread and the feed's counts. */
export function useCommentWrites(itemId: string) {
  const queryClient = useQueryClient();
  const onSuccess = () => queryClient.invalidateQueries({ queryKey: feedQueryKey });
  return {
    add: useMutation({ mutationFn: (body: string) => addComment(itemId, body), onSuccess }),
    edit: useMutation({
      mutationFn: ({ id, body }: { id: string; body: string }) => editComment(id, body),
      onSuccess,
    }),
    remove: useMutation({ mutationFn: (id: string) => deleteComment(id), onSuccess }),
  };
}
