import { lazy, Suspense, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Card, EmptyState, Skeleton } from '@/components/ui';
import { formatNumber } from '@/lib/format';
import type { TrainingLoad } from '../api/get-dashboard';

// The chart's code (and its library) loads only when there is a load to draw, after the page.
const LoadChart = lazy(() => import('./load-chart').then((m) => ({ default: m.LoadChart })));

/**
 * Fitness, fatigue and form over the last 12 weeks: what they mean in one line, today's values
 * in words, and the chart. Without any rated effort there is nothing to draw: the empty state
 * says how to get a load.
 */
export function LoadSection({ load }: { load: TrainingLoad }) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const locale = i18n.language;
  const latest = load.items[load.items.length - 1];
  const hasLoad = load.items.some((item) => item.load > 0 || item.fitness > 0);
  const n = (value: number) => formatNumber(value, locale, { maxFractionDigits: 1 });
  return (
    <section aria-labelledby={headingId} className="dashboard__section">
      <h2 id={headingId} className="dashboard__title">
        {t('dashboard.load.title')}
      </h2>
      <Card className="load">
        {!hasLoad || !latest ? (
          <EmptyState>{t('dashboard.load.empty')}</EmptyState>
        ) : (
          <>
            <p className="load__explanation">{t('dashboard.load.explanation')}</p>
            <p className="load__today">
              {t('dashboard.load.today', { fitness: n(latest.fitness), fatigue: n(latest.fatigue), form: n(latest.form) })}
            </p>
            {/* The chart's key: its lines in the chart's colours, in the order of the series. */}
            <ul className="load__key" aria-hidden="true">
              {(['fitness', 'fatigue', 'form'] as const).map((name, i) => (
                <li key={name}>
                  <span className={`load__swatch load__swatch--${i + 1}`} />
                  {t(`dashboard.load.${name}`)}
                </li>
              ))}
            </ul>
            <div className="load__chart">
              <Suspense fallback={<Skeleton width="full" label={t('dashboard.load.loadingChart')} />}>
                <LoadChart load={load} />
              </Suspense>
            </div>
          </>
        )}
      </Card>
    </section>
  );
}
