import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { getGoalQueryOptions } from './get-goal';
import { invalidateGoalViews, type Goal, type GoalInput } from './list-goals';

/**
 * The ETag of a goal at revision `rev`, as the server hands it out (kind "g", like "w-7" for a
 * workout): sent back in If-Match.
 */
export function goalETag(rev: number): string {
  return `"g-${rev}"`;
}

/**
 * PUT /api/v1/goals/{id} with If-Match: replaces the goal (archiving is a change too). A goal
 * changed elsewhere since `rev` was read is refused (412), never overwritten.
 */
export function updateGoal({ id, rev, input }: { id: string; rev: number; input: GoalInput }): Promise<Goal> {
  return api.put<Goal>(`/goals/${encodeURIComponent(id)}`, { body: input, headers: { 'If-Match': goalETag(rev) } });
}

export function useUpdateGoal() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateGoal,
    onSuccess: (goal) => {
      queryClient.setQueryData(getGoalQueryOptions(goal.id).queryKey, goal);
      return invalidateGoalViews(queryClient);
    },
  });
}
