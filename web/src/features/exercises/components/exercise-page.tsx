import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Badge, ButtonLink, Card, EmptyState, ErrorState, LoadingState, PageHeader, Skeleton } from '@/components/ui';
import { DocumentTitle } from '@/hooks/use-document-title';
import { ApiError } from '@/lib/api/client';
import { errorMessage } from '@/lib/api/error-message';
import type { Schema } from '@/lib/api/types';
import { formatDate, formatDuration, formatNumber } from '@/lib/format';
import { formatDistance, formatWeight, useUnitSystem, type UnitSystem } from '@/lib/units';
import { useExercise, type Exercise } from '@/lib/exercises/get-exercise';
import { useLastSets } from '@/lib/exercises/get-last-sets';
import type { ExercisePaths } from '../paths';
import { BodyDiagram } from './body-diagram';
import './exercises.css';

export interface ExercisePageProps {
  /** Catalogue slug or id, or the id of your own exercise. */
  id: string;
  paths: ExercisePaths;
}

/** /exercises/:id: what the exercise is, the muscles it works, and your last sets of it. */
export function ExercisePage({ id, paths }: ExercisePageProps) {
  const { t } = useTranslation();
  const exercise = useExercise(id);

  if (exercise.isPending) {
    return (
      <div className="exercise-page">
        <DocumentTitle title={t('exerciseBrowser.documentTitle')} />
        <LoadingState label={t('exercisePage.loading')} />
      </div>
    );
  }
  if (exercise.isError) {
    const notFound = exercise.error instanceof ApiError && exercise.error.status === 404;
    return (
      <div className="exercise-page">
        <PageHeader
          title={notFound ? t('exercisePage.notFoundTitle') : t('exercisePage.failedTitle')}
          documentTitle={t('exerciseBrowser.documentTitle')}
        />
        {notFound ? (
          <EmptyState>{t('exercisePage.notFoundBody')}</EmptyState>
        ) : (
          <ErrorState message={errorMessage(exercise.error, t)} onRetry={() => void exercise.refetch()} />
        )}
        <ButtonLink to={paths.exercises} variant="secondary">
          {t('exercisePage.toBrowser')}
        </ButtonLink>
      </div>
    );
  }
  return <ExerciseView exercise={exercise.data} paths={paths} />;
}

function ExerciseView({ exercise, paths }: { exercise: Exercise; paths: ExercisePaths }) {
  const { t } = useTranslation();
  const musclesId = useId();
  const facts: Array<[string, string]> = [
    [t('exercisePage.facts.category'), t(`exercisePage.categories.${exercise.category}`)],
    [
      t('exercisePage.facts.equipment'),
      exercise.equipment.length ? exercise.equipment.map((e) => t(`exercises.equipment.${e}`)).join(', ') : '–',
    ],
    [t('exercisePage.facts.mechanics'), exercise.mechanics ? t(`exercisePage.mechanics.${exercise.mechanics}`) : '–'],
    [t('exercisePage.facts.force'), exercise.force ? t(`exercisePage.force.${exercise.force}`) : '–'],
  ];
  return (
    <div className="exercise-page">
      <PageHeader
        title={exercise.name}
        documentTitle={t('exercisePage.documentTitle', { name: exercise.name })}
        back={
          <span className="exercise-page__back">
            <Link to={paths.exercises}>{t('exercisePage.toBrowser')}</Link>
          </span>
        }
      >
        {exercise.custom ? <Badge tone="accent">{t('exercisePage.yours')}</Badge> : null}
      </PageHeader>

      <dl className="exercise-facts">
        {facts.map(([label, value]) => (
          <div key={label} className="exercise-facts__item">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>

      {exercise.description ? <p className="exercise-page__description">{exercise.description}</p> : null}

      <section aria-labelledby={musclesId}>
        <h2 id={musclesId} className="exercise-section__title">
          {t('exercisePage.muscles.title')}
        </h2>
        <BodyDiagram primary={exercise.primary_muscles} secondary={exercise.secondary_muscles} />
      </section>

      <LastSetsSection id={exercise.id} paths={paths} />

      {paths.progress ? (
        <ButtonLink to={paths.progress(exercise.id)} variant="secondary">
          {t('progress.exercise.link')}
        </ButtonLink>
      ) : null}
    </div>
  );
}

type WorkoutSet = Schema<'WorkoutSet'>;

/** "60 kg × 8", "12 reps", "5.01 km in 25:00": what a set recorded. */
export function describeSet(set: WorkoutSet, system: UnitSystem, locale: string, reps: (n: number) => string): string {
  const parts: string[] = [];
  if (set.weight_kg != null && set.reps != null) parts.push(`${formatWeight(set.weight_kg, system, locale)} × ${formatNumber(set.reps, locale)}`);
  else if (set.reps != null) parts.push(reps(set.reps));
  else if (set.weight_kg != null) parts.push(formatWeight(set.weight_kg, system, locale));
  if (set.distance_m != null) parts.push(formatDistance(set.distance_m, system, locale));
  if (set.duration_s != null) parts.push(formatDuration(set.duration_s, { compact: true }));
  return parts.join(' · ') || '–';
}

function LastSetsSection({ id, paths }: { id: string; paths: ExercisePaths }) {
  const { t, i18n } = useTranslation();
  const [system] = useUnitSystem();
  const last = useLastSets(id);
  const headingId = useId();
  // Planned sets that were never ticked are not sets you did.
  const done = last.data?.items.filter((set) => set.done) ?? [];
  let body;
  if (last.isPending) body = <Skeleton width="md" label={t('exercisePage.lastSets.loading')} />;
  else if (last.isError) body = <ErrorState message={errorMessage(last.error, t)} onRetry={() => void last.refetch()} />;
  else if (done.length === 0) body = <EmptyState>{t('exercisePage.lastSets.empty')}</EmptyState>;
  else {
    const { workout_id: workoutId, started_at: startedAt } = last.data;
    body = (
      <>
        {startedAt ? (
          <p className="exercise-page__when">
            {workoutId ? (
              <Link to={paths.workout(workoutId)}>{t('exercisePage.lastSets.when', { date: formatDate(startedAt, i18n.language) })}</Link>
            ) : (
              t('exercisePage.lastSets.when', { date: formatDate(startedAt, i18n.language) })
            )}
          </p>
        ) : null}
        <ol className="exercise-last-sets">
          {done.map((set, i) => (
            <li key={i}>
              <span className="exercise-last-sets__number">{t('exercisePage.lastSets.set', { number: i + 1 })}</span>{' '}
              {describeSet(set, system, i18n.language, (n) => t('exercisePage.lastSets.reps', { count: n }))}
              {/* The set's own note, as logged or imported (Strong's per-set notes). */}
              {set.notes ? <span className="exercise-last-sets__note"> — {set.notes}</span> : null}
            </li>
          ))}
        </ol>
      </>
    );
  }
  return (
    <Card>
      <section aria-labelledby={headingId}>
        <h2 id={headingId} className="exercise-section__title">
          {t('exercisePage.lastSets.title')}
        </h2>
        {body}
      </section>
    </Card>
  );
}
