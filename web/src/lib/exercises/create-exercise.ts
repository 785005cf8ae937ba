import { exerciseCatalogueQueryKey } from './exercise-catalogue';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { Schema } from '@/lib/api/types';
import { getExerciseQueryOptions, type Exercise } from './get-exercise';
import { exerciseListQueryKey } from './list-exercises';

export type ExerciseInput = Schema<'ExerciseInput'>;

/** POST /api/v1/exercises: a custom exercise of your own. */
export function createExercise(input: ExerciseInput): Promise<Exercise> {
  return api.post<Exercise>('/exercises', { body: input });
}

export function useCreateExercise() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createExercise,
    onSuccess: (exercise) => {
      queryClient.setQueryData(getExerciseQueryOptions(exercise.id).queryKey, exercise);
      // The catalogue kept for offline search has it too, from its next fetch.
      void queryClient.invalidateQueries({ queryKey: exerciseCatalogueQueryKey });
      return queryClient.invalidateQueries({ queryKey: exerciseListQueryKey });
    },
  });
}
