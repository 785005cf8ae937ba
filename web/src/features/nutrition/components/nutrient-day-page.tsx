import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Badge, ErrorState, LoadingState, PageHeader } from '@/components/ui';
import { errorMessage } from '@/lib/api/error-message';
import { formatDate, formatPercent } from '@/lib/format';
import { useNutrientDay } from '../api/get-nutrient-day';
import type { NutrientDay } from '../api/keys';
import { groupOf, nutrientGroups } from '../lib/nutrients';
import { describeShare } from '../lib/shares';
import type { NutritionPaths } from '../paths';
import { useNutrientFormat } from './use-nutrient-format';
import './nutrition.css';

type Entry = NutrientDay['nutrients'][number];

/** /food/day/:date/nutrients: every nutrient of a day as a share of its target, grouped. */
export function NutrientDayPage({ date, paths }: { date: string; paths: NutritionPaths }) {
  const { t, i18n } = useTranslation();
  const day = useNutrientDay(date);
  const title = t('nutrition.day.title');
  // A date without a time is a local day: shown as it is, not moved by a time zone.
  const dateLabel = /^\d{4}-\d{2}-\d{2}$/.test(date) ? formatDate(`${date}T12:00:00Z`, i18n.language, { timeZone: 'UTC' }) : date;
  const header = (
    <PageHeader
      title={title}
      documentTitle={`${title} · ${dateLabel}`}
      intro={dateLabel}
      back={<Link to={paths.diaryDay(date)}>{t('nutrition.day.backToDiary')}</Link>}
      actions={
        <nav className="week-nav" aria-label={t('nutrition.day.moreLabel')}>
          <Link to={paths.week(date)}>{t('nutrition.day.weekLink')}</Link>
          <Link to={paths.targets}>{t('nutrition.day.targetsLink')}</Link>
        </nav>
      }
    />
  );
  if (day.isPending) return <LoadingState label={t('nutrition.day.loading')} />;
  if (day.isError) {
    return (
      <div className="nutrition-page">
        {header}
        <ErrorState message={errorMessage(day.error, t)} onRetry={() => void day.refetch()} />
      </div>
    );
  }
  const aboveLimit = day.data.nutrients.filter((n) => n.above_upper_limit);
  return (
    <div className="nutrition-page">
      {header}
      {aboveLimit.length > 0 ? <AboveLimitSummary entries={aboveLimit} /> : null}
      {nutrientGroups.map(({ group }) => {
        const entries = day.data.nutrients.filter((n) => groupOf(n.nutrient) === group);
        if (entries.length === 0) return null;
        return (
          <section key={group} className="nutrition-section" aria-labelledby={`nutrient-group-${group}`}>
            <h2 id={`nutrient-group-${group}`} className="nutrition-section__title">
              {t(`nutrition.groups.${group}`)}
            </h2>
            <ul className="nutrient-bars">
              {entries.map((entry) => (
                <NutrientBar key={entry.nutrient} entry={entry} />
              ))}
            </ul>
          </section>
        );
      })}
      {day.data.nutrients.some((n) => n.incomplete) ? <p className="nutrition-muted">* {t('nutrition.incompleteNote')}</p> : null}
    </div>
  );
}

function AboveLimitSummary({ entries }: { entries: Entry[] }) {
  const { t } = useTranslation();
  const format = useNutrientFormat();
  return (
    <div className="nutrient-alert" role="note">
      <p className="nutrient-alert__title">{t('nutrition.day.aboveLimitTitle', { count: entries.length })}</p>
      <p>{entries.map((e) => format.name(e.nutrient)).join(', ')}</p>
    </div>
  );
}

function NutrientBar({ entry }: { entry: Entry }) {
  const { t, i18n } = useTranslation();
  const format = useNutrientFormat();
  const share = describeShare(entry);
  const name = format.name(entry.nutrient);
  const amount = format.amount(entry.nutrient, entry.amount);
  const of =
    entry.target === null
      ? t('nutrition.day.noTarget', { amount })
      : t('nutrition.day.amountOfTarget', { amount, target: format.amount(entry.nutrient, entry.target) });
  return (
    <li className={`nutrient-bar nutrient-bar--${share.status}`}>
      <div className="nutrient-bar__row">
        <span className="nutrient-bar__name">
          {name}
          {entry.incomplete ? (
            <>
              {' '}
              <abbr className="nutrient-incomplete" title={t('nutrition.incomplete')}>
                *
              </abbr>
            </>
          ) : null}
        </span>
        <span className="nutrient-bar__value nutrition-number">
          {of}
          {share.percent !== null ? <> · {formatPercent(share.percent / 100, i18n.language)}</> : null}
        </span>
      </div>
      {share.percent !== null ? (
        <div
          className="nutrient-bar__track"
          role="meter"
          aria-label={name}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={Math.min(100, share.percent)}
          aria-valuetext={formatPercent(share.percent / 100, i18n.language)}
        >
          <div className="nutrient-bar__fill" style={{ width: `${share.fill * 100}%` }} />
        </div>
      ) : null}
      {entry.incomplete ? <p className="visually-hidden">{t('nutrition.incomplete')}</p> : null}
      {share.status === 'aboveLimit' ? (
        <p className="nutrient-bar__flag">
          <Badge tone="danger">{t('nutrition.day.aboveLimit')}</Badge>{' '}
          {entry.upper_limit !== null
            ? t('nutrition.day.upperLimitIs', { limit: format.amount(entry.nutrient, entry.upper_limit) })
            : null}
        </p>
      ) : null}
    </li>
  );
}
