import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '@/lib/format';
import { compareRecords, formatRecordValue, recordLabel, type PersonalRecord } from '@/lib/records/describe';
import { useUnitSystem } from '@/lib/units';
import type { ProgressPaths } from '../paths';

/** Records as "what — value — when", each linking to the workout that set it. */
export function RecordList({ records, paths }: { records: PersonalRecord[]; paths: ProgressPaths }) {
  const { t, i18n } = useTranslation();
  const [system] = useUnitSystem();
  const locale = i18n.language;
  return (
    <ul className="record-list">
      {[...records].sort(compareRecords).map((record) => (
        <li key={`${record.kind}-${record.reps ?? ''}-${record.distance_m ?? ''}`} className="record-list__item">
          <span>{recordLabel(record, system, locale, t)}</span>
          <span className="record-list__value">{formatRecordValue(record, system, locale)}</span>
          <span className="record-list__when">
            <Link to={paths.workout(record.workout_id)}>{formatDate(record.achieved_at, locale)}</Link>
          </span>
        </li>
      ))}
    </ul>
  );
}
