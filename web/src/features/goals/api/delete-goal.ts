import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { getGoalQueryOptions } from './get-goal';
import { invalidateGoalViews } from './list-goals';

/** DELETE /api/v1/goals/{id}: the goal and its history. */
export function deleteGoal(id: string): Promise<void> {
  return api.delete<void>(`/goals/${encodeURIComponent(id)}`);
}

export function useDeleteGoal() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteGoal,
    onSuccess: (_, id) => {
      queryClient.removeQueries({ queryKey: getGoalQueryOptions(id).queryKey });
      return invalidateGoalViews(queryClient);
    },
  });
}
