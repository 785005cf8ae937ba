import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ErrorState, Icon, useToast } from '@/components/ui';
import { errorMessage } from '@/lib/api/error-message';
import { useCopyDiaryItems } from '../api/copy-diary-items';
import { useDeleteDiaryItems } from '../api/delete-diary-item';
import { addDays, macroTotals } from '../lib/diary-math';
import type { DiaryItem, DiaryMeal } from '../lib/model';
import { itemAmount, kcal, mealInSentence, mealLabel } from './format';

export interface MealSectionProps {
  date: string;
  meal: DiaryMeal;
  isToday: boolean;
  onAdd: () => void;
  onEdit: (item: DiaryItem) => void;
  disabled?: boolean;
}

/** One meal: its items (tap to change), its energy, Add food, and a menu to copy it from the day before. */
export function MealSection({ date, meal, isToday, onAdd, onEdit, disabled = false }: MealSectionProps) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const headingId = useId();
  const name = mealLabel(meal.name, t);
  const total = macroTotals(meal.items);
  return (
    <section className="diary-meal card" aria-labelledby={headingId}>
      <div className="diary-meal__header">
        <h2 id={headingId} className="diary-meal__title">
          {name}
        </h2>
        <p className="diary-meal__total">
          {t('diary.meal.total', { kcal: kcal(total.energy_kcal, locale) })}
        </p>
        <MealMenu date={date} meal={meal.name} label={name} inSentence={mealInSentence(meal.name, t)} isToday={isToday} />
      </div>
      {meal.items.length > 0 ? (
        <ul className="diary-meal__items" aria-label={t('diary.meal.items', { meal: name })}>
          {meal.items.map((item) => (
            <li key={item.id}>
              <button type="button" className="diary-item" onClick={() => onEdit(item)}>
                <span className="diary-item__name">{item.name}</span>{' '}
                <span className="diary-item__amount">{itemAmount(item, t, locale)}</span>{' '}
                <span className="diary-item__kcal">
                  {t('diary.item.kcal', { kcal: kcal(item.nutrients.energy_kcal ?? 0, locale) })}
                </span>
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="diary-meal__empty">{t('diary.meal.empty')}</p>
      )}
      <Button variant="secondary" block onClick={onAdd} disabled={disabled} aria-label={t('diary.meal.addTo', { meal: name })}>
        <Icon name="plus" /> {t('diary.meal.add')}
      </Button>
    </section>
  );
}

/** "More" for a meal: copy the same meal of the day before (two taps from the diary). */
function MealMenu({
  date,
  meal,
  label,
  inSentence,
  isToday,
}: {
  date: string;
  meal: string;
  label: string;
  inSentence: string;
  isToday: boolean;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const firstRef = useRef<HTMLButtonElement>(null);
  const copy = useCopyDiaryItems(date);
  const undoCopy = useDeleteDiaryItems(date);
  const toast = useToast();
  const menuRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    firstRef.current?.focus();
    // A tap anywhere else closes the menu, as menus do.
    const onPointerDown = (event: PointerEvent) => {
      if (!menuRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);
  const close = () => {
    setOpen(false);
    buttonRef.current?.focus();
  };
  return (
    <div
      ref={menuRef}
      className="diary-menu"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          event.stopPropagation();
          close();
        }
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        className="diary-menu__button"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => setOpen((o) => !o)}
      >
        <span aria-hidden="true">⋯</span>
        <span className="visually-hidden">{t('diary.meal.more', { meal: label })}</span>
      </button>
      {open ? (
        <ul id={menuId} className="diary-menu__list">
          <li>
            <button
              ref={firstRef}
              type="button"
              className="diary-menu__item"
              disabled={copy.isPending}
              onClick={() =>
                copy.mutate(
                  { from: addDays(date, -1), meal },
                  {
                    onSuccess: (copied) => {
                      toast(
                  copied.items.length === 0
                    ? { message: t('diary.copy.nothing'), tone: 'info' }
                    : {
                        message: t('diary.copy.done', { count: copied.items.length }),
                        action: { label: t('diary.edit.undo'), onAction: () => undoCopy.mutate(copied.items.map((i) => i.id)) },
                      },
                );
                      close();
                    },
                  },
                )
              }
            >
              {isToday ? t('diary.meal.copyYesterday', { meal: inSentence }) : t('diary.meal.copyDayBefore', { meal: inSentence })}
            </button>
          </li>
        </ul>
      ) : null}
      {copy.isError ? <ErrorState inline message={errorMessage(copy.error, t)} /> : null}
    </div>
  );
}
