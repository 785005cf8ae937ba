import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '@/components/ui';
import { useFoodSearch } from '../api/search-foods';
import type { Food } from '../api/keys';

/** How long the search waits after the last key before asking the server. */
export const FOOD_SEARCH_DELAY_MS = 250;

export interface FoodPickerProps {
  onPick: (food: Food) => void;
  error?: string | undefined;
  /** A food not to offer (a recipe being edited is no ingredient of itself). */
  excludeId?: string | undefined;
}

/** Search as you type (GET /api/v1/foods?q=, debounced); a tap on a hit picks it. */
export function FoodPicker({ onPick, error, excludeId }: FoodPickerProps) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const resultsId = useId();
  useEffect(() => {
    const timer = setTimeout(() => setQ(text.trim()), FOOD_SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text]);
  const search = useFoodSearch(q);
  const hits = q === '' ? [] : (search.data?.items ?? []).filter((food) => food.id !== excludeId);
  return (
    <div className="food-picker">
      <TextField
        label={t('nutrition.recipeEditor.addIngredient')}
        hint={t('nutrition.recipeEditor.searchHint')}
        type="search"
        value={text}
        onValueChange={setText}
        error={error}
        aria-controls={resultsId}
        autoComplete="off"
      />
      <div id={resultsId} aria-live="polite">
        {q !== '' && search.isSuccess && hits.length === 0 ? (
          <p className="field__hint">{t('nutrition.recipeEditor.noHits', { q })}</p>
        ) : null}
        {search.isError ? <p className="field__error">{t('nutrition.recipeEditor.searchFailed')}</p> : null}
        {hits.length > 0 ? (
          <ul className="food-picker__hits" aria-label={t('nutrition.recipeEditor.hits')}>
            {hits.map((food) => (
              <li key={food.id}>
                <button
                  type="button"
                  className="food-picker__hit"
                  onClick={() => {
                    onPick(food);
                    setText('');
                    setQ('');
                  }}
                >
                  <span>{food.name}</span>
                  {food.brand ? <span className="nutrition-muted"> · {food.brand}</span> : null}
                  {food.per_100g.energy_kcal !== undefined ? (
                    <span className="nutrition-muted">
                      {' '}
                      · {t('nutrition.kcalPer100g', { kcal: Math.round(food.per_100g.energy_kcal) })}
                    </span>
                  ) : null}
                </button>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </div>
  );
}
