import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useToast } from '@/components/ui';
import { activeWorkoutStore } from '../lib/active-workout-store';

/**
 * Discards the workout in progress and says so, with Undo: the discarded workout is still in
 * memory, so Undo puts it back, unless another workout was started in the meantime.
 */
export function useDiscardWorkout(userId: string): () => void {
  const { t } = useTranslation();
  const toast = useToast();
  return useCallback(() => {
    const store = activeWorkoutStore(userId);
    const discarded = store.get();
    store.remove();
    if (!discarded) return;
    toast({
      message: t('workouts.active.discarded'),
      tone: 'info',
      action: {
        label: t('toast.undo'),
        onAction: () => {
          if (store.get() === null) store.set(discarded);
        },
      },
    });
  }, [userId, t, toast]);
}
