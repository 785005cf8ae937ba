import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorState, LoadingState } from '@/components/ui';
import { errorMessage } from '@/lib/api/error-message';
import type { Dashboard as DashboardData } from '../api/get-dashboard';
import { GoalsCard } from './goals-card';
import { LoadSection } from './load-section';
import { RecentRecords } from './recent-records';
import { TrainingHeatmap } from './training-heatmap';
import { WeekComparison } from './week-comparison';
import './dashboard.css';

export interface DashboardPaths {
  goals: string;
  records: string;
  workout: (id: string) => string;
}

export interface DashboardProps {
  /** GET /api/v1/dashboard, asked for by the page (so it runs while this code loads). */
  dashboard: UseQueryResult<DashboardData>;
  timeZone: string;
  paths: DashboardPaths;
}

/**
 * The progress part of Today: this week against last, goals, recent records, the training
 * calendar and the load chart, from one request. A kept answer (offline) is shown as it is
 * when asking again fails; with nothing kept, the error says what to try.
 */
export function Dashboard({ dashboard, timeZone, paths }: DashboardProps) {
  const { t } = useTranslation();
  const { data } = dashboard;
  if (!data) {
    if (dashboard.isError) {
      return <ErrorState message={errorMessage(dashboard.error, t)} onRetry={() => void dashboard.refetch()} />;
    }
    return <DashboardWaiting />;
  }
  return (
    <div className="dashboard">
      <WeekComparison thisWeek={data.this_week} lastWeek={data.last_week} />
      <GoalsCard goals={data.goals} goalsPath={paths.goals} />
      <RecentRecords records={data.recent_records} timeZone={timeZone} workoutPath={paths.workout} recordsPath={paths.records} />
      <TrainingHeatmap calendar={data.calendar} today={data.today} weekStart={data.week_start} />
      <LoadSection load={data.load} />
    </div>
  );
}

/** Tall while waiting, so what follows is below the fold and does not jump when the dashboard arrives. */
function DashboardWaiting() {
  const { t } = useTranslation();
  return (
    <div className="dashboard dashboard--waiting">
      <LoadingState label={t('dashboard.loading')} />
    </div>
  );
}
