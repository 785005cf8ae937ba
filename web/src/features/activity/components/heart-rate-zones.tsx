import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState, Skeleton } from '@/components/ui';
import { errorMessage } from '@/lib/api/error-message';
import { formatNumber, formatPercent } from '@/lib/format';
import { useZones, type HeartRateZones } from '../api/get-zones';
import { formatActivityTime } from '../lib/splits';

/** A bar as wide as its share; the width is set through the CSSOM (the CSP forbids style attributes). */
function ShareBar({ share }: { share: number }) {
  const ref = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.style.width = `${Math.max(0, Math.min(1, share)) * 100}%`;
  }, [share]);
  return (
    <span className="zones__bar" aria-hidden="true">
      <span ref={ref} className="zones__fill" />
    </span>
  );
}

/** Time in each heart-rate zone of a workout with heart rate; nothing when it has none (404). */
export function HeartRateZonesSection({ workoutId }: { workoutId: string }) {
  const { t } = useTranslation();
  const zones = useZones(workoutId);
  if (zones.isPending) return <Skeleton width="lg" label={t('zones.loading')} />;
  if (zones.isError) return <ErrorState message={errorMessage(zones.error, t)} onRetry={() => void zones.refetch()} />;
  if (!zones.data) return null;
  return <ZonesTable zones={zones.data} />;
}

export function ZonesTable({ zones }: { zones: HeartRateZones }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const headingId = useId();
  const total = zones.total_s;
  return (
    <section aria-labelledby={headingId} className="zones">
      <h2 id={headingId} className="activity-section__title">
        {t('zones.title')}
      </h2>
      <p className="zones__basis">
        {t(`zones.basis.${zones.source}`, { max: zones.max_heart_rate })}{' '}
        {zones.method === 'reserve' && zones.resting_heart_rate != null
          ? t('zones.reserve', { resting: zones.resting_heart_rate })
          : null}
      </p>
      <div className="activity-table-wrap" tabIndex={0} role="region" aria-label={t('zones.caption')}>
        <table className="activity-table zones__table">
          <caption className="visually-hidden">{t('zones.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('zones.colZone')}</th>
              <th scope="col">{t('zones.colRange')}</th>
              <th scope="col">{t('zones.colTime')}</th>
              <th scope="col">{t('zones.colShare')}</th>
            </tr>
          </thead>
          <tbody>
            {zones.zones.map((zone) => {
              const share = total > 0 ? zone.seconds / total : 0;
              return (
                <tr key={zone.zone}>
                  <th scope="row">{t(`zones.names.z${zone.zone as 1 | 2 | 3 | 4 | 5}`)}</th>
                  <td>
                    {t('zones.range', {
                      min: formatNumber(zone.min_bpm, locale),
                      max: formatNumber(zone.max_bpm, locale),
                    })}
                  </td>
                  <td>{formatActivityTime(zone.seconds)}</td>
                  <td className="zones__share">
                    <span>{formatPercent(share, locale)}</span>
                    <ShareBar share={share} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
