import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button, Card } from '@/components/ui';
import type { Routine } from '../lib/model';
import type { WorkoutPaths } from '../paths';
import { RoutineExerciseNames } from './routine-exercise-names';
import type { useWorkoutStarter } from './workout-starter';

/**
 * Routines as cards: the name (a link to edit it), its exercises, and a Start button. `heading`
 * is the level of the names in the page's outline.
 */
export function RoutineStartList({
  routines,
  starter,
  paths,
  heading,
}: {
  routines: readonly Routine[];
  starter: ReturnType<typeof useWorkoutStarter>;
  paths: WorkoutPaths;
  heading: 'h2' | 'h3';
}) {
  const { t } = useTranslation();
  const Heading = heading;
  return (
    <ul className="routine-list">
      {routines.map((routine) => (
        <li key={routine.id}>
          <Card className="routine-card">
            <div className="routine-card__main">
              <Heading className="routine-card__name">
                <Link to={paths.routine(routine.id)}>{routine.name}</Link>
              </Heading>
              <RoutineExerciseNames routine={routine} />
            </div>
            <Button
              variant="primary"
              disabled={starter.pendingRoutineId !== null || routine.items.length === 0}
              onClick={() => starter.startRoutine(routine)}
            >
              {starter.pendingRoutineId === routine.id ? t('workouts.log.starting') : t('workouts.log.start')}
              <span className="visually-hidden"> {routine.name}</span>
            </Button>
          </Card>
        </li>
      ))}
    </ul>
  );
}
