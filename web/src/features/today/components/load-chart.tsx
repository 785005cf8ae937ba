import { useTranslation } from 'react-i18next';
import { TimeSeriesChart } from '@/components/charts';
import { formatNumber } from '@/lib/format';
import type { TrainingLoad } from '../api/get-dashboard';
import { loadSeries } from '../lib/load-series';

/** The three lines of the load section, drawn by the shared chart (its own chunk). */
export function LoadChart({ load }: { load: TrainingLoad }) {
  const { t, i18n } = useTranslation();
  return (
    <TimeSeriesChart
      title={t('dashboard.load.chartTitle')}
      yLabel={t('dashboard.load.yLabel')}
      series={loadSeries(load, { fitness: t('dashboard.load.fitness'), fatigue: t('dashboard.load.fatigue'), form: t('dashboard.load.form') })}
      formatValue={(value: number) => formatNumber(value, i18n.language, { maxFractionDigits: 1 })}
      kind="line"
      // The server sends the last 12 weeks: no range to pick.
      ranges={false}
      today={load.to}
      fileName={t('dashboard.load.fileName')}
    />
  );
}
