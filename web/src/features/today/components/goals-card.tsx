import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Badge, ButtonLink, Card, EmptyState } from '@/components/ui';
import { formatDate, formatPercent } from '@/lib/format';
import { useUnitSystem } from '@/lib/units';
import type { Goal } from '../api/get-dashboard';
import { formatGoalAmount } from '../lib/amounts';

/** The active goals with a progress bar each, whether they are reached or on track, and why. */
export function GoalsCard({ goals, goalsPath }: { goals: readonly Goal[]; goalsPath: string }) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="dashboard__section">
      <div className="dashboard__title-row">
        <h2 id={headingId} className="dashboard__title">
          {t('dashboard.goals.title')}
        </h2>
        {goals.length > 0 ? <Link to={goalsPath}>{t('dashboard.goals.all')}</Link> : null}
      </div>
      <Card>
        {goals.length === 0 ? (
          <EmptyState
            title={t('dashboard.goals.emptyTitle')}
            action={
              <ButtonLink to={goalsPath} variant="primary">
                {t('dashboard.goals.setFirst')}
              </ButtonLink>
            }
          >
            {t('dashboard.goals.empty')}
          </EmptyState>
        ) : (
          <ul className="goal-list">
            {goals.map((goal) => (
              <GoalItem key={goal.id} goal={goal} />
            ))}
          </ul>
        )}
      </Card>
    </section>
  );
}

function GoalItem({ goal }: { goal: Goal }) {
  const { t, i18n } = useTranslation();
  const [system] = useUnitSystem();
  const titleId = useId();
  const locale = i18n.language;
  const { progress } = goal;
  const amount = (value: number) => formatGoalAmount(value, goal, system, t, locale);
  const period =
    goal.period === 'once'
      ? t('dashboard.goals.period.once', { date: formatDate(`${progress.period_end}T12:00:00Z`, locale, { timeZone: 'UTC' }) })
      : t(`dashboard.goals.period.${goal.period}`);
  // The bar stops at full; the text says by how much a goal was beaten.
  const fraction = Math.min(1, Math.max(0, progress.fraction));
  const state = progress.reached ? 'reached' : progress.on_track === true ? 'on-track' : progress.on_track === false ? 'behind' : null;
  return (
    <li className="goal">
      <div className="goal__head">
        <h3 id={titleId} className="goal__title">
          {goal.title}
        </h3>
        {state === 'reached' ? <Badge tone="accent">{t('dashboard.goals.reached')}</Badge> : null}
        {state === 'on-track' ? <Badge>{t('dashboard.goals.onTrack')}</Badge> : null}
        {state === 'behind' ? <Badge tone="danger">{t('dashboard.goals.behind')}</Badge> : null}
      </div>
      <progress
        className="goal__bar"
        max={1}
        value={fraction}
        aria-labelledby={titleId}
        aria-valuetext={formatPercent(progress.fraction, locale)}
      />
      <p className="goal__amount">
        <span>
          {progress.value === null
            ? t('dashboard.goals.noValue')
            : t('dashboard.goals.amount', { value: amount(progress.value), target: amount(progress.target) })}
        </span>
        <span className="goal__period">{period}</span>
      </p>
      {progress.explanation ? <p className="goal__explanation">{progress.explanation}</p> : null}
    </li>
  );
}
