import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { Button, ButtonLink, Card, ConfirmDialog, ErrorState, LoadingState, Notice, PageHeader } from '@/components/ui';
import { ApiError } from '@/lib/api/client';
import { errorMessage } from '@/lib/api/error-message';
import { useUnitSystem } from '@/lib/units';
import { useDeleteGoal } from '../api/delete-goal';
import { useGoal } from '../api/get-goal';
import { useGoalHistory } from '../api/get-goal-history';
import { useMeasurementKinds } from '../api/list-measurement-kinds';
import { useUpdateGoal } from '../api/update-goal';
import { formatDay, formatGoalValue } from '../lib/format-goal';
import { goalAsInput, type Goal } from '../lib/metrics';
import { GoalProgressView } from './goal-progress-view';
import type { GoalsPaths } from './goals-page';
import './goals.css';

/** /goals/:id: one goal's progress, its past periods, and edit, archive and delete. */
export function GoalDetailPage({ id, paths, timeZone }: { id: string; paths: GoalsPaths; timeZone: string }) {
  const { t } = useTranslation();
  const goal = useGoal(id);
  if (goal.isPending) return <LoadingState label={t('goals.loading')} />;
  if (goal.isError) {
    const missing = goal.error instanceof ApiError && goal.error.status === 404;
    return (
      <div className="goals-page">
        <PageHeader title={t('goals.detail.notFoundTitle')} back={<Link to={paths.goals}>{t('goals.backToGoals')}</Link>} />
        <ErrorState
          message={missing ? t('goals.detail.notFound') : errorMessage(goal.error, t)}
          {...(missing ? {} : { onRetry: () => void goal.refetch() })}
        />
      </div>
    );
  }
  return <GoalDetail goal={goal.data} paths={paths} timeZone={timeZone} onReload={() => void goal.refetch()} />;
}

function GoalDetail({
  goal,
  paths,
  timeZone,
  onReload,
}: {
  goal: Goal;
  paths: GoalsPaths;
  timeZone: string;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [system] = useUnitSystem();
  const titleId = useId();
  const kinds = useMeasurementKinds(goal.metric === 'measurement');
  const measurementUnit = kinds.data?.items.find((k) => k.kind === goal.measurement_kind)?.unit;
  const update = useUpdateGoal();
  const remove = useDeleteGoal();
  const [confirmDelete, setConfirmDelete] = useState(false);
  const stale = update.error instanceof ApiError && update.error.status === 412;

  const setArchived = (archived: boolean) =>
    update.mutate(
      { id: goal.id, rev: goal.rev, input: goalAsInput(goal, archived) },
      {
        onError: (error) => {
          // Someone changed the goal meanwhile (another tab or device): show what it is now.
          if (error instanceof ApiError && error.status === 412) onReload();
        },
      },
    );

  return (
    <div className="goals-page">
      <PageHeader
        title={goal.title}
        documentTitle={t('goals.detail.documentTitle', { title: goal.title })}
        back={<Link to={paths.goals}>{t('goals.backToGoals')}</Link>}
        actions={
          <>
            <ButtonLink variant="secondary" to={paths.edit(goal.id)}>
              {t('goals.detail.edit')}
            </ButtonLink>
            <Button variant="secondary" onClick={() => setArchived(!goal.archived)} disabled={update.isPending}>
              {goal.archived ? t('goals.detail.unarchive') : t('goals.detail.archive')}
            </Button>
            <Button variant="destructive-subtle" onClick={() => setConfirmDelete(true)}>
              {t('goals.detail.delete')}
            </Button>
          </>
        }
      />
      {goal.archived ? <Notice tone="info">{t('goals.detail.archivedNote')}</Notice> : null}
      {update.isPending ? (
        <p role="status" className="goals-page__note">
          {t('goals.detail.saving')}
        </p>
      ) : null}
      {stale ? (
        <ErrorState title={t('goals.conflict.title')} message={t('goals.conflict.body')} />
      ) : update.isError ? (
        <ErrorState title={t('goals.detail.saveFailed')} message={errorMessage(update.error, t)} />
      ) : null}
      <Card className="goal-card">
        <h2 id={titleId} className="goal-card__title">
          {t('goals.detail.now')}
        </h2>
        <GoalProgressView
          progress={goal.progress}
          metric={goal.metric}
          period={goal.period}
          direction={goal.direction}
          system={system}
          timeZone={timeZone}
          measurementUnit={measurementUnit}
          labelledBy={titleId}
        />
      </Card>
      {goal.period === 'once' ? null : <GoalHistoryTable goal={goal} measurementUnit={measurementUnit} />}
      <ConfirmDialog
        open={confirmDelete}
        title={t('goals.delete.title', { title: goal.title })}
        confirmLabel={t('goals.delete.confirm')}
        cancelLabel={t('goals.delete.cancel')}
        busy={remove.isPending}
        onCancel={() => setConfirmDelete(false)}
        onConfirm={() =>
          remove.mutate(goal.id, {
            onSuccess: () => {
              setConfirmDelete(false);
              void navigate(paths.goals);
            },
          })
        }
      >
        <p>{t('goals.delete.body')}</p>
        {remove.isError ? <ErrorState inline message={errorMessage(remove.error, t)} /> : null}
      </ConfirmDialog>
    </div>
  );
}

/** The finished periods of a recurring goal, newest first: hit or missed. */
function GoalHistoryTable({ goal, measurementUnit }: { goal: Goal; measurementUnit: string | undefined }) {
  const { t, i18n } = useTranslation();
  const [system] = useUnitSystem();
  const headingId = useId();
  const history = useGoalHistory(goal.id);
  const locale = i18n.language;
  const context = { metric: goal.metric, system, locale, t, measurementUnit };
  const unit = goal.progress.unit;
  return (
    <section aria-labelledby={headingId} className="goals-section">
      <h2 id={headingId} className="goals-section__title">
        {t('goals.history.title')}
      </h2>
      {history.isPending ? (
        <LoadingState label={t('goals.history.loading')} />
      ) : history.isError ? (
        <ErrorState message={errorMessage(history.error, t)} onRetry={() => void history.refetch()} />
      ) : history.data.items.length === 0 ? (
        <p className="goals-section__none">{t('goals.history.empty')}</p>
      ) : (
        <div className="goal-history__scroll">
          <table className="goal-history">
            <caption className="visually-hidden">{t('goals.history.caption', { title: goal.title })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('goals.history.period')}</th>
                <th scope="col">{t('goals.history.value')}</th>
                <th scope="col">{t('goals.history.result')}</th>
              </tr>
            </thead>
            <tbody>
              {history.data.items.map((item) => (
                <tr key={item.period_start}>
                  <th scope="row">
                    {t('goals.progress.range', {
                      start: formatDay(item.period_start, locale),
                      end: formatDay(item.period_end, locale),
                    })}
                  </th>
                  <td>
                    {t('goals.progress.valueOfTarget', {
                      value: item.value === null ? t('goals.progress.noValue') : formatGoalValue(item.value, unit, context),
                      target: formatGoalValue(item.target, unit, context),
                    })}
                  </td>
                  <td className={item.reached ? 'goal-history__hit' : 'goal-history__missed'}>
                    {item.reached ? t('goals.history.hit') : t('goals.history.missed')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
