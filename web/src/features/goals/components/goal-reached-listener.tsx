import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useToast } from '@/components/ui';
import type { Schema } from '@/lib/api/types';
import { eventStream, useServerEvents, type EventStream } from '@/lib/events';
import { invalidateGoalViews } from '../api/list-goals';

/** The data of a `goal.reached` event on GET /api/v1/events. */
export type GoalReachedEvent = Schema<'GoalReachedEvent'>;

function isGoalReached(data: unknown): data is GoalReachedEvent {
  if (typeof data !== 'object' || data === null) return false;
  const event = data as Record<string, unknown>;
  return typeof event.goal_id === 'string' && typeof event.title === 'string';
}

/**
 * For the whole signed-in app: when the server says a goal was reached (after a workout or a
 * weigh-in saved anywhere), a toast says so with a way to the goal, and the goal lists and the
 * dashboard are read again.
 */
export function GoalReachedListener({
  goalPath,
  stream = eventStream,
}: {
  goalPath: (id: string) => string;
  stream?: EventStream;
}) {
  const { t } = useTranslation();
  const toast = useToast();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  useServerEvents(
    'goal.reached',
    ({ data }) => {
      if (!isGoalReached(data)) return;
      void invalidateGoalViews(queryClient);
      toast({
        message: t('goals.reachedToast', { title: data.title }),
        action: { label: t('goals.reachedOpen'), onAction: () => void navigate(goalPath(data.goal_id)) },
      });
    },
    true,
    stream,
  );
  return null;
}
