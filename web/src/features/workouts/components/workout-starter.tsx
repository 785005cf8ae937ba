import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Button, Dialog } from '@/components/ui';
import { useStartFromRoutine } from '../hooks/use-start-workout';
import { newWorkout } from '../lib/active-workout';
import { useActiveWorkout } from '../lib/active-workout-store';
import type { ActiveWorkout, Routine } from '../lib/model';
import type { WorkoutPaths } from '../paths';

type Make = () => Promise<ActiveWorkout | null>;

/**
 * Starting a workout (empty or from a routine) from any page: makes it the workout in
 * progress and opens the logging screen. When one is in progress already, `dialog` asks
 * first whether to discard it.
 */
export function useWorkoutStarter(userId: string, paths: WorkoutPaths) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { workout, start } = useActiveWorkout(userId);
  const fromRoutine = useStartFromRoutine();
  const [pending, setPending] = useState<Make | null>(null);

  async function begin(make: Make) {
    const next = await make();
    if (!next) return;
    start(next);
    navigate(paths.active);
  }

  function request(make: Make) {
    if (workout) setPending(() => make);
    else void begin(make);
  }

  const dialog = (
    <Dialog open={pending !== null} title={t('workouts.log.replaceTitle')} onClose={() => setPending(null)}>
      <p>{t('workouts.log.replaceBody', { title: workout?.title ?? '' })}</p>
      <div className="dialog__actions">
        <Button variant="secondary" onClick={() => setPending(null)}>
          {t('forms.cancel')}
        </Button>
        <Button
          variant="primary"
          onClick={() => {
            const make = pending;
            setPending(null);
            if (make) void begin(make);
          }}
        >
          {t('workouts.log.replaceConfirm')}
        </Button>
      </div>
    </Dialog>
  );

  return {
    startEmpty: () => request(async () => newWorkout({ title: t('workouts.defaultTitle'), now: Date.now() })),
    startRoutine: (routine: Routine) => request(() => fromRoutine.build(routine, Date.now())),
    pendingRoutineId: fromRoutine.pendingId,
    error: fromRoutine.error,
    dialog,
  };
}
