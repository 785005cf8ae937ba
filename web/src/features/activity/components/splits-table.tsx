import { useTranslation } from 'react-i18next';
import { distanceUnit, type UnitSystem } from '@/lib/units';
import type { TrackSplit } from '../api/get-track';
import { speedUnit, splitRows } from '../lib/splits';
import type { SpeedMode } from '../lib/track';

/** One row per kilometre (or mile): time, pace or speed, elevation gain, heart rate. */
export function SplitsTable({ splits, mode, system }: { splits: readonly TrackSplit[]; mode: SpeedMode; system: UnitSystem }) {
  const { t, i18n } = useTranslation();
  const rows = splitRows(splits, mode, system, i18n.language);
  const hasHr = splits.some((s) => s.avg_heart_rate !== null);
  return (
    <div className="activity-table-wrap" tabIndex={0} role="region" aria-label={t('activity.splits.title')}>
      <table className="activity-table">
        <thead>
          <tr>
            <th scope="col">{t('activity.splits.distance', { unit: distanceUnit(system) })}</th>
            <th scope="col">{t('activity.splits.time')}</th>
            <th scope="col">
              {mode === 'pace'
                ? t('activity.splits.pace', { unit: distanceUnit(system) })
                : t('activity.splits.speed', { unit: speedUnit(system) })}
            </th>
            <th scope="col">{t('activity.splits.elevation')}</th>
            {hasHr ? <th scope="col">{t('activity.splits.heartRate')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.number}>
              <th scope="row">{row.label}</th>
              <td>{row.time}</td>
              <td>{row.pace}</td>
              <td>{row.elevationGain}</td>
              {hasHr ? <td>{row.heartRate}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
