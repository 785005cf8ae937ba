import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ButtonLink, Card, EmptyState, ErrorState, PageHeader, Skeleton } from '@/components/ui';
import { errorMessage } from '@/lib/api/error-message';
import { useUnitSystem } from '@/lib/units';
import { useGoals, type Goal, type GoalStatus } from '../api/list-goals';
import { useMeasurementKinds } from '../api/list-measurement-kinds';
import { GoalProgressView } from './goal-progress-view';
import './goals.css';

export interface GoalsPaths {
  goals: string;
  newGoal: string;
  goal: (id: string) => string;
  edit: (id: string) => string;
}

/** /goals: the active goals with their progress, then the archived ones. */
export function GoalsPage({ paths, timeZone }: { paths: GoalsPaths; timeZone: string }) {
  const { t } = useTranslation();
  return (
    <div className="goals-page">
      <PageHeader
        title={t('goals.title')}
        documentTitle={t('goals.documentTitle')}
        intro={t('goals.intro')}
        actions={<ButtonLink to={paths.newGoal}>{t('goals.new')}</ButtonLink>}
      />
      <GoalSection status="active" paths={paths} timeZone={timeZone} />
      <GoalSection status="archived" paths={paths} timeZone={timeZone} />
    </div>
  );
}

function GoalSection({ status, paths, timeZone }: { status: GoalStatus; paths: GoalsPaths; timeZone: string }) {
  const { t } = useTranslation();
  const headingId = useId();
  const goals = useGoals(status);
  const items = goals.data?.items ?? [];
  const needsKinds = items.some((goal) => goal.metric === 'measurement');
  const kinds = useMeasurementKinds(needsKinds);
  const unitOf = (kind: string | null) => kinds.data?.items.find((k) => k.kind === kind)?.unit;
  return (
    <section aria-labelledby={headingId} className="goals-section">
      <h2 id={headingId} className="goals-section__title">
        {t(`goals.sections.${status}`)}
      </h2>
      {goals.isPending ? (
        <Skeleton width="full" />
      ) : goals.isError ? (
        <ErrorState
          title={t('goals.loadFailed')}
          message={errorMessage(goals.error, t)}
          onRetry={() => void goals.refetch()}
        />
      ) : items.length === 0 ? (
        status === 'active' ? (
          <EmptyState
            title={t('goals.empty.title')}
            action={<ButtonLink to={paths.newGoal}>{t('goals.empty.action')}</ButtonLink>}
          >
            {t('goals.empty.body')}
          </EmptyState>
        ) : (
          <p className="goals-section__none">{t('goals.empty.archived')}</p>
        )
      ) : (
        <ul className="goal-list">
          {items.map((goal) => (
            <li key={goal.id}>
              <GoalCard goal={goal} paths={paths} timeZone={timeZone} measurementUnit={unitOf(goal.measurement_kind)} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function GoalCard({
  goal,
  paths,
  timeZone,
  measurementUnit,
}: {
  goal: Goal;
  paths: GoalsPaths;
  timeZone: string;
  measurementUnit: string | undefined;
}) {
  const [system] = useUnitSystem();
  const titleId = useId();
  return (
    <Card className="goal-card">
      <h3 className="goal-card__title" id={titleId}>
        <Link to={paths.goal(goal.id)}>{goal.title}</Link>
      </h3>
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
  );
}
