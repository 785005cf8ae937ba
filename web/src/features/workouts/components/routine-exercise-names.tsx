import { useTranslation } from 'react-i18next';
import { useExercisesById } from '@/lib/exercises/get-exercise';
import type { Routine } from '../lib/model';

/** "Squat, Bench Press, Row" for a routine card, as the names arrive. */
export function RoutineExerciseNames({ routine }: { routine: Pick<Routine, 'items'> }) {
  const { t } = useTranslation();
  const exercises = useExercisesById(routine.items.map((item) => item.exercise_id));
  if (routine.items.length === 0) return <p className="routine-card__meta">{t('workouts.routines.noExercises')}</p>;
  const names = routine.items.map((item) => exercises.byId.get(item.exercise_id)?.name).filter(Boolean);
  return (
    <p className="routine-card__meta">
      {t('workouts.routines.exerciseCount', { count: routine.items.length })}
      {names.length > 0 ? `: ${names.join(', ')}` : ''}
    </p>
  );
}
