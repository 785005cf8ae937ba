import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Dialog, ErrorState, NumberField, Skeleton, TextField, useToast } from '@/components/ui';
import { errorMessage } from '@/lib/api/error-message';
import { formatNumber } from '@/lib/format';
import { useAddDiaryItems } from '../api/add-diary-items';
import { useRecentFoods } from '../api/list-recent-foods';
import { useFoodSearch } from '../api/search-foods';
import { newId, type DiaryPaths, type Food } from '../lib/model';
import { BarcodePanel } from './barcode-panel';
import { mealInSentence, mealLabel } from './format';
import { amountInput, PortionPicker } from './portion-picker';

/** How long typing must pause before a search goes out: one request per settled query. */
export const SEARCH_DELAY_MS = 150;

export interface AddFoodSheetProps {
  date: string;
  /** The meal to add to; null: the sheet is closed. */
  meal: string | null;
  onClose: () => void;
  paths: DiaryPaths;
}

type View = { kind: 'search' } | { kind: 'barcode' } | { kind: 'quick' } | { kind: 'food'; food: Food };

/**
 * "Add food" (full screen on phones): search as you type, with the recent and frequent foods
 * before typing; a barcode by camera or digits; a quick add of energy and macros. A food then
 * goes through the portion picker.
 */
export function AddFoodSheet({ date, meal, onClose, paths }: AddFoodSheetProps) {
  const { t } = useTranslation();
  return (
    <Dialog
      open={meal !== null}
      title={meal === null ? t('diary.add.titleNoMeal') : t('diary.add.title', { meal: mealLabel(meal, t) })}
      onClose={onClose}
      variant="sheet"
      closeLabel={t('diary.add.close')}
    >
      {meal !== null ? <SheetBody key={meal} date={date} meal={meal} onClose={onClose} paths={paths} /> : null}
    </Dialog>
  );
}

function SheetBody({ date, meal, onClose, paths }: { date: string; meal: string; onClose: () => void; paths: DiaryPaths }) {
  const { t } = useTranslation();
  const [view, setView] = useState<View>({ kind: 'search' });
  const [input, setInput] = useState('');
  const add = useAddDiaryItems(date);
  const toast = useToast();
  const inSentence = mealInSentence(meal, t);

  const back = (
    <Button variant="ghost" onClick={() => setView({ kind: 'search' })}>
      {t('diary.add.back')}
    </Button>
  );

  if (view.kind === 'food') {
    const food = view.food;
    return (
      <div className="diary-sheet">
        {back}
        <PortionPicker
          food={food}
          submitLabel={t('diary.add.submit')}
          pending={add.isPending}
          error={add.error}
          onSubmit={(amount) =>
            add.mutate([{ id: newId(), meal, food_id: food.id, ...amountInput(amount) }], {
              onSuccess: () => {
                toast({ message: t('diary.add.added', { name: food.name, meal: inSentence }) });
                onClose();
              },
            })
          }
        />
      </div>
    );
  }
  if (view.kind === 'quick') {
    return (
      <div className="diary-sheet">
        {back}
        <QuickAdd
          pending={add.isPending}
          error={add.error}
          onSubmit={(quick) =>
            add.mutate([{ id: newId(), meal, quick }], {
              onSuccess: () => {
                toast({ message: t('diary.add.added', { name: quick.name || t('diary.item.quick'), meal: inSentence }) });
                onClose();
              },
            })
          }
        />
      </div>
    );
  }
  if (view.kind === 'barcode') {
    return (
      <div className="diary-sheet">
        {back}
        <BarcodePanel onFound={(food) => setView({ kind: 'food', food })} newFoodPath={paths.newFood} />
      </div>
    );
  }
  return (
    <div className="diary-sheet">
      <form role="search" className="form" onSubmit={(event) => event.preventDefault()}>
        <TextField
          type="search"
          label={t('diary.search.label')}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          maxLength={100}
          value={input}
          onValueChange={setInput}
          data-autofocus
        />
      </form>
      <div className="diary-sheet__modes">
        <Button variant="secondary" onClick={() => setView({ kind: 'barcode' })}>
          {t('diary.barcode.open')}
        </Button>
        <Button variant="secondary" onClick={() => setView({ kind: 'quick' })}>
          {t('diary.quick.open')}
        </Button>
      </div>
      <SearchResults input={input} onPick={(food) => setView({ kind: 'food', food })} />
    </div>
  );
}

/** The search's answer for what was typed, once typing settles; recent and frequent foods before. */
function SearchResults({ input, onPick }: { input: string; onPick: (food: Food) => void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  useEffect(() => {
    const next = input.trim();
    if (next === q) return;
    const timer = setTimeout(() => setQ(next), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [input, q]);
  const search = useFoodSearch(q);
  const recent = useRecentFoods(input.trim() === '');

  if (input.trim() === '') {
    if (recent.isPending) return <Skeleton width="lg" label={t('diary.search.loadingRecent')} />;
    if (recent.isError) return <ErrorState message={errorMessage(recent.error, t)} onRetry={() => void recent.refetch()} />;
    const { recent: lately, frequent } = recent.data;
    if (lately.length === 0 && frequent.length === 0) {
      return <p className="empty-state">{t('diary.search.startTyping')}</p>;
    }
    return (
      <>
        {frequent.length > 0 ? <FoodList title={t('diary.search.frequent')} foods={frequent} onPick={onPick} /> : null}
        {lately.length > 0 ? <FoodList title={t('diary.search.recent')} foods={lately} onPick={onPick} /> : null}
      </>
    );
  }
  if (q === '' || search.isPending) return <Skeleton width="lg" label={t('diary.search.loading')} />;
  if (search.isError) return <ErrorState message={errorMessage(search.error, t)} onRetry={() => void search.refetch()} />;
  const items = search.data.items;
  return (
    <>
      <p className="visually-hidden" role="status">
        {search.isPlaceholderData ? '' : t('diary.search.found', { count: items.length })}
      </p>
      {items.length === 0 ? (
        <p className="empty-state">{t('diary.search.none', { q })}</p>
      ) : (
        <FoodList title={t('diary.search.results')} foods={items} onPick={onPick} />
      )}
    </>
  );
}

function FoodList({ title, foods, onPick }: { title: string; foods: Food[]; onPick: (food: Food) => void }) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  return (
    <section className="diary-foods" aria-labelledby={headingId}>
      <h3 id={headingId} className="diary-foods__title">
        {title}
      </h3>
      <ul className="diary-foods__list">
        {foods.map((food) => (
          <li key={food.id}>
            <button type="button" className="diary-food" onClick={() => onPick(food)}>
              <span className="diary-food__name">{food.name}</span>{' '}
              {food.brand ? <span className="diary-food__brand">{food.brand}</span> : null}{' '}
              <span className="diary-food__kcal">
                {food.per_100g.energy_kcal === undefined
                  ? ''
                  : t('diary.search.per100g', { kcal: formatNumber(Math.round(food.per_100g.energy_kcal), i18n.language) })}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

export interface QuickEntry {
  name?: string;
  energy_kcal: number;
  protein_g?: number;
  carbohydrate_g?: number;
  fat_g?: number;
}

/** Energy and macros typed in, with an optional name ("Coffee with milk"). */
function QuickAdd({ pending, error, onSubmit }: { pending: boolean; error: unknown; onSubmit: (quick: QuickEntry) => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [energy, setEnergy] = useState<number | null>(null);
  const [protein, setProtein] = useState<number | null>(null);
  const [carbs, setCarbs] = useState<number | null>(null);
  const [fat, setFat] = useState<number | null>(null);
  return (
    <form
      className="form diary-quick"
      onSubmit={(event) => {
        event.preventDefault();
        if (energy === null) return;
        onSubmit({
          ...(name.trim() ? { name: name.trim() } : {}),
          energy_kcal: energy,
          ...(protein !== null ? { protein_g: protein } : {}),
          ...(carbs !== null ? { carbohydrate_g: carbs } : {}),
          ...(fat !== null ? { fat_g: fat } : {}),
        });
      }}
    >
      <h3 className="diary-foods__title">{t('diary.quick.title')}</h3>
      <TextField label={t('diary.quick.name')} value={name} onValueChange={setName} maxLength={200} />
      <NumberField
        label={t('diary.quick.energy')}
        unit={t('diary.units.kcal')}
        value={energy}
        onValueChange={setEnergy}
        min={0}
        max={20000}
        maxFractionDigits={0}
        required
        data-autofocus
      />
      <NumberField label={t('diary.rings.protein')} unit={t('diary.units.g')} value={protein} onValueChange={setProtein} min={0} max={2000} maxFractionDigits={1} />
      <NumberField label={t('diary.rings.carbs')} unit={t('diary.units.g')} value={carbs} onValueChange={setCarbs} min={0} max={2000} maxFractionDigits={1} />
      <NumberField label={t('diary.rings.fat')} unit={t('diary.units.g')} value={fat} onValueChange={setFat} min={0} max={2000} maxFractionDigits={1} />
      {error ? <ErrorState inline message={errorMessage(error, t)} /> : null}
      <Button type="submit" block disabled={pending || energy === null}>
        {t('diary.quick.submit')}
      </Button>
    </form>
  );
}
