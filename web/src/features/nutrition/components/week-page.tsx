import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Card, ErrorState, LoadingState, PageHeader } from '@/components/ui';
import { errorMessage } from '@/lib/api/error-message';
import { formatNumber } from '@/lib/format';
import { useNutritionWeek } from '../api/get-week';
import type { NutritionWeek } from '../api/keys';
import { addDays, formatLocalDay } from '../lib/dates';
import { macroSplit } from '../lib/shares';
import type { NutritionPaths } from '../paths';
import { useNutrientFormat } from './use-nutrient-format';
import './nutrition.css';

/** /food/week (?date=): a week of eating against the targets. */
export function WeekPage({ date, paths }: { date?: string | undefined; paths: NutritionPaths }) {
  const { t } = useTranslation();
  const week = useNutritionWeek(date);
  const title = t('nutrition.week.title');
  const back = <Link to={paths.diary}>{t('nutrition.backToDiary')}</Link>;
  if (week.isPending) return <LoadingState label={t('nutrition.week.loading')} />;
  if (week.isError) {
    return (
      <div className="nutrition-page">
        <PageHeader title={title} back={back} />
        <ErrorState message={errorMessage(week.error, t)} onRetry={() => void week.refetch()} />
      </div>
    );
  }
  return <WeekView week={week.data} paths={paths} back={back} />;
}

function WeekView({ week, paths, back }: { week: NutritionWeek; paths: NutritionPaths; back: ReactNode }) {
  const { t, i18n } = useTranslation();
  const format = useNutrientFormat();
  const locale = i18n.language;
  const range = t('nutrition.week.range', {
    start: formatLocalDay(week.start, locale, { day: 'numeric', month: 'short' }),
    end: formatLocalDay(week.end, locale, { day: 'numeric', month: 'short', year: 'numeric' }),
  });
  const total = week.days.length;
  const grams = (value: number) => format.amount('protein_g', value);
  const tick = (value: boolean | null, yes: string, no: string) =>
    value === null ? <span className="nutrition-muted">–</span> : <span className={value ? 'week-yes' : 'week-no'}>{value ? yes : no}</span>;

  return (
    <div className="nutrition-page">
      <PageHeader
        title={t('nutrition.week.title')}
        documentTitle={`${t('nutrition.week.title')} · ${range}`}
        intro={range}
        back={back}
        actions={
          <nav className="week-nav" aria-label={t('nutrition.week.navLabel')}>
            <Link to={paths.week(addDays(week.start, -1))}>{t('nutrition.week.previous')}</Link>
            <Link to={paths.week(addDays(week.end, 1))}>{t('nutrition.week.next')}</Link>
          </nav>
        }
      />
      <div className="week-summary">
        <Card className="week-summary__count">
          <p className="week-summary__big nutrition-number">
            {t('nutrition.week.proteinDays', { hit: week.protein_days_hit, total })}
          </p>
        </Card>
        <Card className="week-summary__count">
          <p className="week-summary__big nutrition-number">
            {t('nutrition.week.energyDays', { hit: week.energy_days_on_target, total })}
          </p>
        </Card>
        <Card>
          <h2 className="nutrition-section__title">{t('nutrition.week.averages', { count: week.days_logged })}</h2>
          {week.days_logged === 0 ? (
            <p className="nutrition-muted">{t('nutrition.week.nothingLogged')}</p>
          ) : (
            <dl className="nutrition-facts">
              {(['energy_kcal', 'protein_g', 'carbohydrate_g', 'fat_g'] as const).map((key) => (
                <div key={key}>
                  <dt>{format.name(key)}</dt>
                  <dd className="nutrition-number">
                    {format.amount(key, week.average[key])}
                    {week.targets ? (
                      <span className="nutrition-muted"> / {format.amount(key, week.targets[key])}</span>
                    ) : null}
                  </dd>
                </div>
              ))}
            </dl>
          )}
        </Card>
      </div>
      {!week.targets ? (
        <p className="nutrition-muted">
          {t('nutrition.week.noTargets')} <Link to={paths.targets}>{t('nutrition.week.setTargets')}</Link>
        </p>
      ) : null}
      <div className="nutrition-table-wrap">
        <table className="nutrient-table week-table">
          <caption className="visually-hidden">{t('nutrition.week.caption', { range })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('nutrition.week.day')}</th>
              <th scope="col">{t('nutrition.week.energy')}</th>
              <th scope="col">{t('nutrition.week.split')}</th>
              <th scope="col">{t('nutrition.week.onTarget')}</th>
              <th scope="col">{t('nutrition.week.protein')}</th>
            </tr>
          </thead>
          <tbody>
            {week.days.map((day) => {
              const split = macroSplit(day);
              return (
                <tr key={day.date}>
                  <th scope="row">
                    <Link to={paths.diaryDay(day.date)} className="week-day">
                      {formatLocalDay(day.date, locale, { weekday: 'short' })}{' '}
                      <span className="week-day__date">{formatLocalDay(day.date, locale, { day: 'numeric', month: 'short' })}</span>
                    </Link>
                  </th>
                  <td className="nutrition-number">
                    {day.items === 0 ? (
                      <span className="nutrition-muted">{t('nutrition.week.notLogged')}</span>
                    ) : (
                      <>
                        {formatNumber(day.energy_kcal, locale)}
                        {week.targets ? <span className="nutrition-muted"> / {formatNumber(week.targets.energy_kcal + day.exercise_kcal, locale)}</span> : null}
                        {day.exercise_kcal > 0 ? (
                          <span className="nutrition-muted week-exercise">{t('nutrition.week.exercise', { kcal: formatNumber(day.exercise_kcal, locale) })}</span>
                        ) : null}
                      </>
                    )}
                  </td>
                  <td className="nutrition-number">
                    {split ? (
                      <span title={`${grams(day.protein_g)} · ${grams(day.carbohydrate_g)} · ${grams(day.fat_g)}`}>
                        {t('nutrition.week.splitValue', {
                          protein: formatNumber(split.protein * 100, locale),
                          carbohydrate: formatNumber(split.carbohydrate * 100, locale),
                          fat: formatNumber(split.fat * 100, locale),
                        })}
                      </span>
                    ) : (
                      <span className="nutrition-muted">–</span>
                    )}
                  </td>
                  <td>{tick(day.energy_on_target, t('nutrition.week.yes'), t('nutrition.week.no'))}</td>
                  <td>{tick(day.protein_hit, t('nutrition.week.hit'), t('nutrition.week.missed'))}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
