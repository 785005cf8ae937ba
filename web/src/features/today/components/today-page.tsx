import { lazy, Suspense, useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ButtonLink, Card, LoadingState, PageHeader } from '@/components/ui';
import { useDashboard } from '../api/get-dashboard';
import './today-page.css';

// The dashboard's code loads after the page (the landing page shares this route and its bundle).
const Dashboard = lazy(() => import('./dashboard').then((m) => ({ default: m.Dashboard })));

export interface TodayPaths {
  startWorkout: string;
  recordWeight: string;
  newRoutine: string;
  security: string;
  goals: string;
  records: string;
  workout: (id: string) => string;
}

export interface TodayPageProps {
  username: string;
  /** The user's IANA time zone (when a record was set). */
  timeZone: string;
  paths: TodayPaths;
  /** The training log at a glance (the app layer passes the workouts feature's part). */
  training?: ReactNode;
}

/**
 * `/` for a signed-in user: the three first actions (shared/ux.md, journey 1), the training
 * log at a glance, the dashboard (this week against last, goals, records, the training
 * calendar, the load) and a word on securing the account.
 */
export function TodayPage({ username, timeZone, paths, training }: TodayPageProps) {
  const { t } = useTranslation();
  // Asked for here, so that the request runs while the dashboard's code loads.
  const dashboard = useDashboard();
  const actionsId = useId();
  const securityId = useId();
  const actions = [
    { to: paths.startWorkout, title: t('today.startWorkout'), body: t('today.startWorkoutBody'), primary: true },
    { to: paths.recordWeight, title: t('today.recordWeight'), body: t('today.recordWeightBody'), primary: false },
    { to: paths.newRoutine, title: t('today.createRoutine'), body: t('today.createRoutineBody'), primary: false },
  ];
  return (
    <div className="today">
      <PageHeader title={t('today.greeting', { username })} documentTitle={t('today.documentTitle')} />
      <section aria-labelledby={actionsId} className="today__section">
        <h2 id={actionsId} className="today__section-title">
          {t('today.firstActions')}
        </h2>
        <ul className="today__actions">
          {actions.map((action) => (
            <li key={action.to}>
              <Card className="today__card">
                <p className="today__card-body">{action.body}</p>
                <ButtonLink to={action.to} variant={action.primary ? 'primary' : 'secondary'} block>
                  {action.title}
                </ButtonLink>
              </Card>
            </li>
          ))}
        </ul>
      </section>
      {/* Below the first actions: it arrives after the page, and must not push them down. */}
      {training}
      <Suspense fallback={<Waiting />}>
        <Dashboard dashboard={dashboard} timeZone={timeZone} paths={paths} />
      </Suspense>
      <section aria-labelledby={securityId}>
        <Card className="today__card">
          <h2 id={securityId} className="today__card-title">
            {t('today.welcomeTitle')}
          </h2>
          <p>{t('today.securityBody')}</p>
          <ButtonLink to={paths.security} variant="secondary">
            {t('today.securityLink')}
          </ButtonLink>
        </Card>
      </section>
    </div>
  );
}

/** Until the dashboard's code is there: a tall space, so the card below it does not jump. */
function Waiting() {
  const { t } = useTranslation();
  return (
    <div className="today__dashboard-space">
      <LoadingState label={t('dashboard.loading')} />
    </div>
  );
}
