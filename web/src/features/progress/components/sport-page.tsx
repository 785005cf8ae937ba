import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { TimeSeriesChart, type ChartPoint } from '@/components/charts';
import { localToday } from '@/components/charts/lib';
import { ButtonLink, Card, EmptyState, ErrorState, PageHeader, Skeleton } from '@/components/ui';
import { errorMessage } from '@/lib/api/error-message';
import { formatDate, formatNumber } from '@/lib/format';
import { effortName, formatRecordTime, formatRecordValue, recordLabel, type Sport } from '@/lib/records/describe';
import { distanceUnit, useUnitSystem } from '@/lib/units';
import { useStatsSummary } from '../api/get-stats-summary';
import { useRecords } from '../api/list-records';
import { daysBefore, distanceSeries, splitSportRecords } from '../lib/progress';
import type { ProgressPaths } from '../paths';
import './progress.css';

export const sports: readonly Sport[] = ['run', 'ride', 'walk', 'hike', 'swim', 'row', 'ski', 'elliptical', 'other'];

export function isSport(value: string): value is Sport {
  return (sports as readonly string[]).includes(value);
}

export interface SportPageProps {
  /** The route's `:sport`; anything not a sport shows "not found". */
  sport: string;
  paths: ProgressPaths;
  /** Today (YYYY-MM-DD); default the device's date. */
  today?: string;
}

/** About two years of weeks: the distance chart's "all". */
const HISTORY_DAYS = 2 * 366;

/** /sports/:sport: distance per week, best efforts and the longest sessions of one sport. */
export function SportPage({ sport, paths, today }: SportPageProps) {
  const { t } = useTranslation();
  if (!isSport(sport)) {
    return (
      <div className="progress-page">
        <PageHeader title={t('progress.sport.notFoundTitle')} />
        <EmptyState>{t('progress.sport.notFoundBody')}</EmptyState>
        <ButtonLink to={paths.records} variant="secondary">
          {t('progress.sport.toRecords')}
        </ButtonLink>
      </div>
    );
  }
  return <SportView sport={sport} paths={paths} today={today ?? localToday()} />;
}

function SportView({ sport, paths, today }: { sport: Sport; paths: ProgressPaths; today: string }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const [system] = useUnitSystem();
  const unit = distanceUnit(system);
  const sportName = t(`activity.sports.${sport}`);
  const summary = useStatsSummary({ period: 'week', sport, from: daysBefore(today, HISTORY_DAYS), to: today });
  const records = useRecords({ sport });
  const distanceId = useId();
  const effortsId = useId();
  const longestId = useId();
  const weekly: ChartPoint[] = useMemo(() => (summary.data ? distanceSeries(summary.data.items, system) : []), [summary.data, system]);
  const split = useMemo(
    () => splitSportRecords((records.data?.items ?? []).filter((r) => r.sport === sport)),
    [records.data, sport],
  );

  return (
    <div className="progress-page">
      <PageHeader
        title={t('progress.sport.title', { sport: sportName })}
        back={
          <span className="progress-page__back">
            <Link to={paths.records}>{t('progress.sport.toRecords')}</Link>
          </span>
        }
      />

      <section aria-labelledby={distanceId} className="progress-section">
        <h2 id={distanceId} className="progress-section__title">
          {t('progress.sport.distanceTitle')}
        </h2>
        {summary.isPending ? <Skeleton width="full" label={t('progress.sport.loadingDistance')} /> : null}
        {summary.isError ? <ErrorState message={errorMessage(summary.error, t)} onRetry={() => void summary.refetch()} /> : null}
        {summary.data ? (
          <TimeSeriesChart
            title={t('progress.sport.distanceQuestion', { sport: sportName })}
            yLabel={t('progress.sport.distanceAxis', { unit })}
            series={[{ label: t('progress.sport.distance'), points: weekly }]}
            formatValue={(v) => `${formatNumber(v, locale, { maxFractionDigits: 1 })} ${unit}`}
            formatTick={(v) => formatNumber(v, locale, { maxFractionDigits: 1 })}
            kind="bars"
            defaultRange="3m"
            today={today}
            fileName={`${sport}-distance-per-week`}
            emptyText={t('progress.sport.distanceEmpty', { sport: sportName })}
          />
        ) : null}
      </section>

      {records.isPending ? <Skeleton width="full" label={t('progress.sport.loadingRecords')} /> : null}
      {records.isError ? <ErrorState message={errorMessage(records.error, t)} onRetry={() => void records.refetch()} /> : null}
      {records.data ? (
        <>
          <Card>
            <section aria-labelledby={effortsId} className="progress-section">
              <h2 id={effortsId} className="progress-section__title">
                {t('progress.sport.effortsTitle')}
              </h2>
              {split.efforts.length === 0 ? (
                <p className="progress-note">{t('progress.sport.effortsEmpty')}</p>
              ) : (
                <div className="progress-table-wrap">
                  <table className="progress-table">
                    <caption className="visually-hidden">{t('progress.sport.effortsCaption', { sport: sportName })}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('progress.sport.colDistance')}</th>
                        <th scope="col">{t('progress.sport.colTime')}</th>
                        <th scope="col">{t('progress.sport.colWhen')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {split.efforts.map((effort) => (
                        <tr key={effort.distance_m ?? 0}>
                          <th scope="row">{effortName(effort.distance_m ?? 0, system, locale, t)}</th>
                          <td>{formatRecordTime(effort.value)}</td>
                          <td>
                            <Link to={paths.workout(effort.workout_id)}>{formatDate(effort.achieved_at, locale)}</Link>
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            </section>
          </Card>
          <section aria-labelledby={longestId} className="progress-section">
            <h2 id={longestId} className="progress-section__title">
              {t('progress.sport.longestTitle')}
            </h2>
            {split.longest.length === 0 ? (
              <p className="progress-note">{t('progress.sport.longestEmpty')}</p>
            ) : (
              <dl className="progress-figures">
                {split.longest.map((record) => (
                  <div key={record.kind} className="progress-figures__item">
                    <dt>{recordLabel(record, system, locale, t)}</dt>
                    <dd>
                      <Link to={paths.workout(record.workout_id)}>{formatRecordValue(record, system, locale)}</Link>
                    </dd>
                  </div>
                ))}
              </dl>
            )}
          </section>
        </>
      ) : null}
    </div>
  );
}
