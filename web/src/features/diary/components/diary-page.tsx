import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { Button, ErrorState, Icon, PageHeader, Skeleton, TextField, useToast } from '@/components/ui';
import { errorMessage } from '@/lib/api/error-message';
import { formatNumber } from '@/lib/format';
import { useCopyDiaryItems } from '../api/copy-diary-items';
import { useDeleteDiaryItems } from '../api/delete-diary-item';
import { useDiaryDay } from '../api/get-diary-day';
import { useSetDiaryWater } from '../api/set-diary-water';
import { addDays, dayAsDate, dayItems, energyBudget, macroTotals, mealsToShow, ringFraction } from '../lib/diary-math';
import type { DiaryDay, DiaryItem, DiaryPaths } from '../lib/model';
import { AddFoodSheet } from './add-food-sheet';
import { EditItemDialog } from './edit-item-dialog';
import { grams, kcal } from './format';
import { MealSection } from './meal-section';
import { ProgressRing } from './progress-ring';
import './diary.css';

export interface DiaryPageProps {
  /** The day shown (YYYY-MM-DD, the user's local day). */
  date: string;
  /** Today in the user's time zone. */
  today: string;
  paths: DiaryPaths;
}

const WATER_STEP_ML = 250;

/** The Food tab: one day of eating against the targets, meal by meal, quick to add to on a phone. */
export function DiaryPage({ date, today, paths }: DiaryPageProps) {
  const { t } = useTranslation();
  const day = useDiaryDay(date);
  const [adding, setAdding] = useState<string | null>(null);
  const [editing, setEditing] = useState<DiaryItem | null>(null);
  const meals = mealsToShow(day.data);

  return (
    <div className="diary">
      <PageHeader
        title={t('diary.title')}
        documentTitle={t('diary.documentTitle')}
        actions={
          <nav aria-label={t('diary.links.label')} className="diary__links">
            <Link to={paths.week}>{t('diary.links.week')}</Link>
            <Link to={paths.targets}>{t('diary.links.targets')}</Link>
            <Link to={paths.recipes}>{t('diary.links.recipes')}</Link>
          </nav>
        }
      />
      <DayNav date={date} today={today} paths={paths} />
      {day.isPending ? (
        <Skeleton width="lg" label={t('diary.loading')} />
      ) : day.isError ? (
        <ErrorState message={errorMessage(day.error, t)} onRetry={() => void day.refetch()} />
      ) : (
        <>
          <DaySummary day={day.data} paths={paths} />
          <Water date={date} waterMl={day.data.water_ml} />
        </>
      )}
      {meals.map((meal) => (
        <MealSection
          key={meal.name}
          date={date}
          meal={meal}
          isToday={date === today}
          onAdd={() => setAdding(meal.name)}
          onEdit={setEditing}
          disabled={!day.isSuccess}
        />
      ))}
      <AddMeal onAdd={setAdding} />
      <DayActions date={date} today={today} paths={paths} />
      <AddFoodSheet date={date} meal={adding} onClose={() => setAdding(null)} paths={paths} />
      <EditItemDialog
        date={date}
        item={editing}
        mealNames={meals.map((meal) => meal.name)}
        onClose={() => setEditing(null)}
      />
    </div>
  );
}

/** Previous and next day, a date picker, and the day's name. */
function DayNav({ date, today, paths }: { date: string; today: string; paths: DiaryPaths }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const pickerId = useId();
  const name =
    date === today
      ? t('diary.day.today')
      : date === addDays(today, -1)
        ? t('diary.day.yesterday')
        : new Intl.DateTimeFormat(i18n.language, { weekday: 'long', timeZone: 'UTC' }).format(dayAsDate(date));
  const full = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long', timeZone: 'UTC' }).format(dayAsDate(date));
  return (
    <div className="diary-daynav">
      <Link className="diary-daynav__step" to={paths.day(addDays(date, -1))}>
        <Icon name="down" className="diary-daynav__prev" />
        <span className="visually-hidden">{t('diary.day.previous')}</span>
      </Link>
      <div className="diary-daynav__middle">
        <p className="diary-daynav__name" aria-live="polite">
          <span className="diary-daynav__weekday">{name}</span> <span className="diary-daynav__date">{full}</span>
        </p>
        <label className="visually-hidden" htmlFor={pickerId}>
          {t('diary.day.pick')}
        </label>
        <input
          id={pickerId}
          className="diary-daynav__picker field__input"
          type="date"
          value={date}
          required
          onChange={(event) => {
            if (event.target.value) void navigate(paths.day(event.target.value));
          }}
        />
      </div>
      <Link className="diary-daynav__step" to={paths.day(addDays(date, 1))}>
        <Icon name="down" className="diary-daynav__next" />
        <span className="visually-hidden">{t('diary.day.next')}</span>
      </Link>
      {date !== today ? (
        <Link className="diary-daynav__today" to={paths.day(today)}>
          {t('diary.day.backToToday')}
        </Link>
      ) : null}
    </div>
  );
}

/**
 * The rings: energy against the day's budget (target plus exercise energy when counted) with
 * what is left, and the three macros against theirs. The figures are the sum of the items as
 * logged (the server's day totals are the same sum), so an item taken off shows at once.
 */
function DaySummary({ day, paths }: { day: DiaryDay; paths: DiaryPaths }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const eaten = macroTotals(dayItems(day));
  const targets = day.targets;
  const budget = energyBudget(targets?.energy_kcal, day.exercise_kcal);
  const remaining = budget === null ? null : budget - eaten.energy_kcal;
  const macros = [
    { key: 'protein_g', label: t('diary.rings.protein') },
    { key: 'carbohydrate_g', label: t('diary.rings.carbs') },
    { key: 'fat_g', label: t('diary.rings.fat') },
  ] as const;
  return (
    <section className="diary-summary" aria-label={t('diary.rings.label')}>
      <ProgressRing
        size="lg"
        label={t('diary.rings.energy')}
        fraction={ringFraction(eaten.energy_kcal, budget)}
        value={kcal(eaten.energy_kcal, locale)}
        unit={t('diary.units.kcal')}
      >
        {budget === null ? (
          <Link to={paths.targets}>{t('diary.rings.setTargets')}</Link>
        ) : (
          <>
            <p>{t('diary.rings.ofKcal', { target: kcal(budget, locale) })}</p>
            {day.exercise_kcal > 0 ? (
              <p className="diary-ring__note">{t('diary.rings.exercise', { kcal: kcal(day.exercise_kcal, locale) })}</p>
            ) : null}
            <p className="diary-ring__remaining">
              {remaining !== null && remaining >= 0
                ? t('diary.rings.left', { kcal: kcal(remaining, locale) })
                : t('diary.rings.over', { kcal: kcal(-(remaining ?? 0), locale) })}
            </p>
          </>
        )}
      </ProgressRing>
      <div className="diary-summary__macros">
        {macros.map(({ key, label }) => (
          <ProgressRing
            key={key}
            label={label}
            fraction={ringFraction(eaten[key], targets?.[key])}
            value={grams(eaten[key], locale)}
            unit={t('diary.units.g')}
          >
            {targets ? <p>{t('diary.rings.ofGrams', { target: grams(targets[key], locale) })}</p> : null}
          </ProgressRing>
        ))}
      </div>
    </section>
  );
}

function Water({ date, waterMl }: { date: string; waterMl: number }) {
  const { t, i18n } = useTranslation();
  const setWater = useSetDiaryWater(date);
  const headingId = useId();
  const change = (delta: number) => setWater.mutate(Math.max(0, Math.min(20000, waterMl + delta)));
  return (
    <section className="diary-water card" aria-labelledby={headingId}>
      <h2 id={headingId} className="diary-water__title">
        {t('diary.water.title')}
      </h2>
      <p className="diary-water__amount" aria-live="polite">
        {t('diary.water.amount', { ml: formatNumber(waterMl, i18n.language) })}
      </p>
      <div className="diary-water__actions">
        <Button variant="secondary" onClick={() => change(-WATER_STEP_ML)} disabled={waterMl <= 0}>
          {t('diary.water.remove', { ml: WATER_STEP_ML })}
        </Button>
        <Button variant="secondary" onClick={() => change(WATER_STEP_ML)}>
          {t('diary.water.add', { ml: WATER_STEP_ML })}
        </Button>
        <Button variant="secondary" onClick={() => change(2 * WATER_STEP_ML)}>
          {t('diary.water.add', { ml: 2 * WATER_STEP_ML })}
        </Button>
      </div>
      {setWater.isError ? <ErrorState inline message={errorMessage(setWater.error, t)} /> : null}
    </section>
  );
}

/** A meal of one's own name ("pre-workout"): it exists once something is logged to it. */
function AddMeal({ onAdd }: { onAdd: (meal: string) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  if (!open) {
    return (
      <Button variant="ghost" className="diary-add-meal" onClick={() => setOpen(true)}>
        {t('diary.customMeal.open')}
      </Button>
    );
  }
  return (
    <form
      className="diary-add-meal form card"
      onSubmit={(event) => {
        event.preventDefault();
        const meal = name.trim();
        if (meal === '') return;
        onAdd(meal);
        setName('');
        setOpen(false);
      }}
    >
      <TextField label={t('diary.customMeal.name')} hint={t('diary.customMeal.hint')} value={name} onValueChange={setName} maxLength={40} autoFocus />
      <div className="diary-add-meal__actions">
        <Button type="submit" disabled={name.trim() === ''}>
          {t('diary.customMeal.add')}
        </Button>
        <Button variant="ghost" onClick={() => setOpen(false)}>
          {t('diary.customMeal.cancel')}
        </Button>
      </div>
    </form>
  );
}

/** Copy the whole day before, and the way to every nutrient of this day. */
function DayActions({ date, today, paths }: { date: string; today: string; paths: DiaryPaths }) {
  const { t } = useTranslation();
  const copy = useCopyDiaryItems(date);
  const undoCopy = useDeleteDiaryItems(date);
  const toast = useToast();
  return (
    <div className="diary-day-actions">
      <Button
        variant="secondary"
        disabled={copy.isPending}
        onClick={() =>
          copy.mutate(
            { from: addDays(date, -1) },
            {
              onSuccess: (copied) => toast(
                  copied.items.length === 0
                    ? { message: t('diary.copy.nothing'), tone: 'info' }
                    : {
                        message: t('diary.copy.done', { count: copied.items.length }),
                        action: { label: t('diary.edit.undo'), onAction: () => undoCopy.mutate(copied.items.map((i) => i.id)) },
                      },
                ),
            },
          )
        }
      >
        {date === today ? t('diary.copy.yesterday') : t('diary.copy.dayBefore')}
      </Button>
      {copy.isError ? <ErrorState inline message={errorMessage(copy.error, t)} /> : null}
      <Link className="diary-day-actions__link" to={paths.nutrients(date)}>
        {t('diary.links.nutrients')}
      </Link>
    </div>
  );
}
