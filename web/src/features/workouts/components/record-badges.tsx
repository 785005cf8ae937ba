import { useTranslation } from 'react-i18next';
import { Badge } from '@/components/ui';
import { compareRecords, recordBadgeText, type PersonalRecord } from '@/lib/records/describe';
import { useUnitSystem } from '@/lib/units';

/** The records a workout set, as small badges ("PR: Estimated 1RM 112.5 kg"), in a labelled list. */
export function RecordBadges({ records }: { records: readonly PersonalRecord[] }) {
  const { t, i18n } = useTranslation();
  const [system] = useUnitSystem();
  if (records.length === 0) return null;
  return (
    <ul className="record-badges" aria-label={t('records.badgesLabel')}>
      {[...records].sort(compareRecords).map((record) => (
        <li key={`${record.kind}-${record.reps ?? ''}-${record.distance_m ?? ''}-${record.exercise_id ?? record.sport ?? ''}`}>
          <Badge tone={record.current ? 'accent' : 'neutral'}>{recordBadgeText(record, system, i18n.language, t)}</Badge>
        </li>
      ))}
    </ul>
  );
}
