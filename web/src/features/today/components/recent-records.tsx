import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Card, EmptyState } from '@/components/ui';
import { formatDate } from '@/lib/format';
import { useExercisesById } from '@/lib/exercises/get-exercise';
import { formatRecordValue, recordLabel } from '@/lib/records/describe';
import { useUnitSystem } from '@/lib/units';
import type { PersonalRecord } from '../api/get-dashboard';

export interface RecentRecordsProps {
  records: readonly PersonalRecord[];
  timeZone: string;
  workoutPath: (id: string) => string;
  recordsPath: string;
}

/**
 * The latest records (the server sends up to five, newest first): what (worded as everywhere,
 * lib/records), the value in the user's units, the one it beat, when, and a link to the workout that set it. Exercise names
 * come from the exercise catalogue (kept offline), else one request per exercise.
 */
export function RecentRecords({ records, timeZone, workoutPath, recordsPath }: RecentRecordsProps) {
  const { t, i18n } = useTranslation();
  const [system] = useUnitSystem();
  const headingId = useId();
  const locale = i18n.language;
  const exercises = useExercisesById(records.flatMap((r) => (r.exercise_id ? [r.exercise_id] : [])));
  const subjectOf = (record: PersonalRecord) => {
    if (record.exercise_id) return exercises.byId.get(record.exercise_id)?.name ?? t('dashboard.records.unknownExercise');
    return t(`activity.sports.${record.sport ?? 'other'}`);
  };
  return (
    <section aria-labelledby={headingId} className="dashboard__section">
      <div className="dashboard__title-row">
        <h2 id={headingId} className="dashboard__title">
          {t('dashboard.records.title')}
        </h2>
        {records.length > 0 ? <Link to={recordsPath}>{t('dashboard.records.all')}</Link> : null}
      </div>
      <Card>
        {records.length === 0 ? (
          <EmptyState title={t('dashboard.records.emptyTitle')}>{t('dashboard.records.empty')}</EmptyState>
        ) : (
          <ul className="record-list">
            {records.slice(0, 5).map((record) => (
              <li key={`${record.kind}-${record.exercise_id ?? record.sport}-${record.reps ?? ''}-${record.distance_m ?? ''}-${record.workout_id}`} className="record">
                <Link to={workoutPath(record.workout_id)} className="record__what">
                  {t('dashboard.records.what', { subject: subjectOf(record), kind: recordLabel(record, system, locale, t) })}
                </Link>
                <span className="record__value">{formatRecordValue(record, system, locale)}</span>
                <span className="record__meta">
                  {formatDate(record.achieved_at, locale, { timeZone })}
                  {' · '}
                  {record.previous_value === null
                    ? t('dashboard.records.first')
                    : t('dashboard.records.previous', { value: formatRecordValue({ ...record, value: record.previous_value }, system, locale) })}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </section>
  );
}
