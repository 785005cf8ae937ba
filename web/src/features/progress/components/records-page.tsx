import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ButtonLink, Card, EmptyState, ErrorState, LoadingState, PageHeader } from '@/components/ui';
import { errorMessage } from '@/lib/api/error-message';
import { useExercisesById } from '@/lib/exercises/get-exercise';
import { useRecords } from '../api/list-records';
import { groupRecords } from '../lib/progress';
import type { ProgressPaths } from '../paths';
import { RecordList } from './record-list';
import './progress.css';

/** /records: the records you hold now, lifts by exercise and cardio by sport. */
export function RecordsPage({ paths }: { paths: ProgressPaths }) {
  const { t } = useTranslation();
  const records = useRecords();
  const groups = useMemo(() => groupRecords(records.data?.items ?? []), [records.data]);
  const exercises = useExercisesById(groups.byExercise.map(([id]) => id));
  const strengthId = useId();
  const cardioId = useId();

  let body;
  if (records.isPending) body = <LoadingState label={t('progress.records.loading')} />;
  else if (records.isError) body = <ErrorState message={errorMessage(records.error, t)} onRetry={() => void records.refetch()} />;
  else if (groups.byExercise.length === 0 && groups.bySport.length === 0) {
    body = (
      <EmptyState
        title={t('progress.records.emptyTitle')}
        action={
          <ButtonLink to={paths.log} variant="primary">
            {t('progress.records.emptyAction')}
          </ButtonLink>
        }
      >
        {t('progress.records.emptyBody')}
      </EmptyState>
    );
  } else {
    body = (
      <>
        {groups.byExercise.length > 0 ? (
          <section aria-labelledby={strengthId} className="progress-section">
            <h2 id={strengthId} className="progress-section__title">
              {t('progress.records.strengthTitle')}
            </h2>
            <div className="records-grid">
              {groups.byExercise.map(([exerciseId, list]) => {
                const name = exercises.byId.get(exerciseId)?.name ?? t('progress.records.unnamedExercise');
                return (
                  <Card key={exerciseId}>
                    <h3 className="records-group__title">
                      <Link to={paths.exerciseProgress(exerciseId)}>{name}</Link>
                    </h3>
                    {/* Rep maxes for 2-12 reps are in the progress page's table: here they crowd the card. */}
                    <RecordList records={list.filter((r) => r.kind !== 'rep_max' || r.reps === 1)} paths={paths} />
                  </Card>
                );
              })}
            </div>
          </section>
        ) : null}
        {groups.bySport.length > 0 ? (
          <section aria-labelledby={cardioId} className="progress-section">
            <h2 id={cardioId} className="progress-section__title">
              {t('progress.records.cardioTitle')}
            </h2>
            <div className="records-grid">
              {groups.bySport.map(([sport, list]) => (
                <Card key={sport}>
                  <h3 className="records-group__title">
                    <Link to={paths.sport(sport)}>{t(`activity.sports.${sport}`)}</Link>
                  </h3>
                  <RecordList records={list} paths={paths} />
                </Card>
              ))}
            </div>
          </section>
        ) : null}
      </>
    );
  }

  return (
    <div className="progress-page">
      <PageHeader title={t('progress.records.title')} intro={<p>{t('progress.records.intro')}</p>} />
      {body}
    </div>
  );
}
