import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ButtonLink, Card, EmptyState, ErrorState, LoadingState, PageHeader } from '@/components/ui';
import { TimeSeriesChart } from '@/components/charts';
import { ApiError } from '@/lib/api/client';
import { errorMessage } from '@/lib/api/error-message';
import { useExercise } from '@/lib/exercises/get-exercise';
import { formatDate, formatNumber } from '@/lib/format';
import { formatWeight, useUnitSystem, weightUnit } from '@/lib/units';
import { useExerciseProgress, type ExerciseProgress, type RepMax } from '../api/get-exercise-progress';
import { useRecords } from '../api/list-records';
import { liftSeries } from '../lib/progress';
import type { ProgressPaths } from '../paths';
import { RecordList } from './record-list';
import './progress.css';

export interface ExerciseProgressPageProps {
  /** Catalogue slug or id, or the id of your own exercise. */
  id: string;
  paths: ProgressPaths;
}

const REP_COUNTS = Array.from({ length: 12 }, (_, i) => i + 1);

/** /exercises/:id/progress: a lift's estimated 1RM, heaviest set and volume over time, and its rep maxes. */
export function ExerciseProgressPage({ id, paths }: ExerciseProgressPageProps) {
  const { t } = useTranslation();
  const exercise = useExercise(id);
  const progress = useExerciseProgress(id);
  const name = exercise.data?.name ?? '';
  const title = name ? t('progress.exercise.title', { name }) : t('progress.exercise.titleUnnamed');
  const back = (
    <span className="progress-page__back">
      <Link to={paths.exercise(id)}>{name ? t('progress.exercise.back', { name }) : t('progress.exercise.backUnnamed')}</Link>
    </span>
  );

  if (progress.isPending || exercise.isPending) {
    return (
      <div className="progress-page">
        <PageHeader title={t('progress.exercise.titleUnnamed')} back={back} />
        <LoadingState label={t('progress.exercise.loading')} />
      </div>
    );
  }
  const failed = progress.error ?? exercise.error;
  if (failed || !progress.data) {
    const notFound = failed instanceof ApiError && failed.status === 404;
    return (
      <div className="progress-page">
        <PageHeader title={notFound ? t('progress.exercise.notFoundTitle') : t('progress.exercise.failedTitle')} back={back} />
        {notFound ? (
          <EmptyState>{t('progress.exercise.notFoundBody')}</EmptyState>
        ) : (
          <ErrorState
            message={errorMessage(failed, t)}
            onRetry={() => {
              void progress.refetch();
              void exercise.refetch();
            }}
          />
        )}
      </div>
    );
  }
  return (
    <div className="progress-page">
      <PageHeader title={title} back={back} />
      {progress.data.points.length === 0 ? (
        <EmptyState
          title={t('progress.exercise.emptyTitle')}
          action={
            <ButtonLink to={paths.log} variant="primary">
              {t('progress.exercise.emptyAction')}
            </ButtonLink>
          }
        >
          {t('progress.exercise.emptyBody', { name })}
        </EmptyState>
      ) : (
        <ProgressView progress={progress.data} name={name} paths={paths} />
      )}
    </div>
  );
}

function ProgressView({ progress, name, paths }: { progress: ExerciseProgress; name: string; paths: ProgressPaths }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const [system] = useUnitSystem();
  const unit = weightUnit(system);
  const chartsId = useId();
  const repMaxId = useId();
  const recordsId = useId();
  const records = useRecords({ exercise_id: progress.exercise_id });
  // Rep maxes have their own table below.
  const bests = (records.data?.items ?? []).filter((r) => r.exercise_id === progress.exercise_id && r.kind !== 'rep_max');
  const shown = (digits: number) => (value: number) => `${formatNumber(value, locale, { maxFractionDigits: digits })} ${unit}`;
  const tick = (value: number) => formatNumber(value, locale, { maxFractionDigits: 1 });
  const yLabel = t('progress.exercise.weightAxis', { unit });
  const stem = (what: string) => `${name || progress.exercise_id}-${what}`;
  const oneRepMax = liftSeries(progress.points, (p) => p.one_rep_max_kg, 'max', system);
  const heaviest = liftSeries(progress.points, (p) => p.heaviest_weight_kg, 'max', system);
  const volume = liftSeries(progress.points, (p) => p.volume_kg, 'sum', system);

  return (
    <>
      <section aria-labelledby={chartsId} className="progress-section">
        <h2 id={chartsId} className="progress-section__title">
          {t('progress.exercise.chartsTitle')}
        </h2>
        {oneRepMax.length > 0 ? (
          <TimeSeriesChart
            title={t('progress.exercise.oneRepMaxQuestion')}
            yLabel={yLabel}
            series={[{ label: t('progress.exercise.oneRepMax'), points: oneRepMax }]}
            formatValue={shown(1)}
            formatTick={tick}
            fileName={stem('e1rm')}
          />
        ) : null}
        <p className="progress-note">{t('progress.exercise.formula', { formula: progress.formula === 'epley' ? 'Epley' : 'Brzycki' })}</p>
        {heaviest.length > 0 ? (
          <TimeSeriesChart
            title={t('progress.exercise.heaviestQuestion')}
            yLabel={yLabel}
            series={[{ label: t('progress.exercise.heaviest'), points: heaviest }]}
            formatValue={shown(2)}
            formatTick={tick}
            fileName={stem('heaviest-set')}
          />
        ) : null}
        <TimeSeriesChart
          title={t('progress.exercise.volumeQuestion')}
          yLabel={t('progress.exercise.volumeAxis', { unit })}
          series={[{ label: t('progress.exercise.volume'), points: volume }]}
          formatValue={shown(0)}
          formatTick={(v) => formatNumber(v, locale)}
          kind="bars"
          fileName={stem('volume')}
        />
      </section>

      {bests.length > 0 ? (
        <Card>
          <section aria-labelledby={recordsId} className="progress-section">
            <h2 id={recordsId} className="progress-section__title">
              {t('progress.exercise.recordsTitle')}
            </h2>
            <RecordList records={bests} paths={paths} />
          </section>
        </Card>
      ) : null}

      <Card>
        <section aria-labelledby={repMaxId} className="progress-section">
          <h2 id={repMaxId} className="progress-section__title">
            {t('progress.exercise.repMaxTitle')}
          </h2>
          <RepMaxTable repMaxes={progress.rep_maxes} paths={paths} format={(kg) => formatWeight(kg, system, locale)} />
        </section>
      </Card>
    </>
  );
}

function RepMaxTable({ repMaxes, paths, format }: { repMaxes: RepMax[]; paths: ProgressPaths; format: (kg: number) => string }) {
  const { t, i18n } = useTranslation();
  const byReps = new Map(repMaxes.map((r) => [r.reps, r]));
  return (
    <div className="progress-table-wrap">
      <table className="progress-table">
        <caption className="visually-hidden">{t('progress.exercise.repMaxCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('progress.exercise.colReps')}</th>
            <th scope="col">{t('progress.exercise.colWeight')}</th>
            <th scope="col">{t('progress.exercise.colWhen')}</th>
          </tr>
        </thead>
        <tbody>
          {REP_COUNTS.map((reps) => {
            const best = byReps.get(reps);
            return (
              <tr key={reps}>
                <th scope="row">{formatNumber(reps, i18n.language)}</th>
                <td>{best ? format(best.weight_kg) : '–'}</td>
                <td>
                  {best ? <Link to={paths.workout(best.workout_id)}>{formatDate(best.achieved_at, i18n.language)}</Link> : '–'}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
