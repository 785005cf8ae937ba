import { useTranslation } from 'react-i18next';
import { ReportButton } from '@/components/report';
import { Card, ErrorState, PageHeader, Skeleton } from '@/components/ui';
import { errorMessage } from '@/lib/api/error-message';
import { useUserWorkout, type SharedWorkout } from '../api/shared-workouts';

export interface SharedWorkoutPageProps {
  username: string;
  id: string;
  /** Who is looking (null: nobody is signed in); another signed-in user may report the workout. */
  viewer?: string | null | undefined;
}

function Figures({ workout }: { workout: SharedWorkout }) {
  const { t } = useTranslation();
  const c = workout.cardio;
  const rows: Array<[string, string]> = [[t('shared.workout.date'), workout.date]];
  if (workout.started_at) rows.push([t('shared.workout.start'), new Date(workout.started_at).toLocaleTimeString()]);
  if (c?.distance_m != null) rows.push([t('shared.workout.distance'), t('shared.workout.km', { km: (c.distance_m / 1000).toFixed(2) })]);
  if (c?.duration_s != null) rows.push([t('shared.workout.duration'), t('shared.workout.minutes', { minutes: Math.round(c.duration_s / 60) })]);
  if (c?.avg_heart_rate != null) rows.push([t('shared.workout.heartRate'), t('shared.workout.bpm', { bpm: c.avg_heart_rate })]);
  if (c?.calories_kcal != null) rows.push([t('shared.workout.calories'), t('shared.workout.kcal', { kcal: Math.round(c.calories_kcal) })]);
  if (workout.totals.volume_kg != null && workout.totals.volume_kg > 0)
    rows.push([t('shared.workout.volume'), t('shared.workout.kg', { kg: workout.totals.volume_kg })]);
  return (
    <dl className="shared-workout__figures">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Another user's workout as the server returns it: nothing it leaves out is shown or guessed. */
export function SharedWorkoutPage({ username, id, viewer }: SharedWorkoutPageProps) {
  const { t } = useTranslation();
  const query = useUserWorkout(username, id);
  let content;
  if (query.isPending) content = <Skeleton width="lg" label={t('shared.workout.loading')} />;
  else if (query.isError) content = <ErrorState message={errorMessage(query.error, t)} onRetry={() => void query.refetch()} />;
  else {
    const w = query.data;
    content = (
      <>
        <Figures workout={w} />
        {w.notes ? <p>{w.notes}</p> : null}
        {w.blocks.map((block, i) => (
          <Card key={`${block.exercise_id}-${i}`}>
            <h2>{block.exercise_name ?? block.exercise_id}</h2>
            <ul>
              {block.sets.map((set, j) => (
                <li key={j}>
                  {set.weight_kg != null
                    ? t('shared.workout.setWithWeight', { reps: set.reps ?? 0, kg: set.weight_kg })
                    : t('shared.workout.set', { reps: set.reps ?? 0 })}
                </li>
              ))}
            </ul>
          </Card>
        ))}
        {w.has_map ? <p>{t('shared.workout.hasMap')}</p> : null}
      </>
    );
  }
  const title = query.data?.title || t('shared.workout.untitled');
  return (
    <main>
      <PageHeader
        title={title}
        documentTitle={title}
        intro={t('shared.workout.by', { username })}
        actions={
          viewer && viewer !== username && query.data ? (
            <ReportButton kind="workout" id={id} owner={username} label={t('moderation.report.workoutLabel', { name: username })} />
          ) : undefined
        }
      />
      {content}
    </main>
  );
}
