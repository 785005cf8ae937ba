import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { getGoalQueryOptions } from './get-goal';
import { invalidateGoalViews, type Goal, type GoalInput } from './list-goals';

/**
 * POST /api/v1/goals with an id chosen here: a retry after a lost answer gets the goal made
 * the first time (200) instead of a second one.
 */
export function createGoal(input: GoalInput & { id: string }): Promise<Goal> {
  return api.post<Goal>('/goals', { body: input });
}

export function useCreateGoal() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createGoal,
    onSuccess: (goal) => {
      queryClient.setQueryData(getGoalQueryOptions(goal.id).queryKey, goal);
      return invalidateGoalViews(queryClient);
    },
  });
}
