import { useQueryClient } from '@tanstack/react-query';
import { useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import {
  Button,
  Card,
  ConfirmDialog,
  ErrorState,
  LoadingState,
  NumberField,
  PageHeader,
  SelectField,
  TextField,
} from '@/components/ui';
import { errorMessage } from '@/lib/api/error-message';
import { useCreateRecipe } from '../api/create-recipe';
import { useDeleteRecipe } from '../api/delete-recipe';
import { getFoodQueryOptions, useFoods } from '../api/get-food';
import { useRecipe } from '../api/get-recipe';
import type { Food, Recipe, RecipeInput } from '../api/keys';
import { useUpdateRecipe } from '../api/update-recipe';
import { newId } from '../lib/new-id';
import { portionGrams, recipePreview, type IngredientLine } from '../lib/recipe-math';
import { splitFieldErrors } from '../lib/server-errors';
import type { NutritionPaths } from '../paths';
import { FoodPicker } from './food-picker';
import { NutrientList } from './nutrient-list';
import { useNutrientFormat } from './use-nutrient-format';
import './nutrition.css';

/** One ingredient as the form holds it: grams (unit '') or a count of one of the food's portions. */
interface IngredientRow {
  key: string;
  foodId: string;
  name: string;
  unit: string;
  quantity: number | null;
}

/** /food/recipes/new, or /food/recipes/:id/edit with `id`. */
export function RecipeEditorPage({ id, paths }: { id?: string | undefined; paths: NutritionPaths }) {
  if (id === undefined) return <RecipeEditor paths={paths} />;
  return <LoadedRecipeEditor key={id} id={id} paths={paths} />;
}

function LoadedRecipeEditor({ id, paths }: { id: string; paths: NutritionPaths }) {
  const { t } = useTranslation();
  const recipe = useRecipe(id);
  if (recipe.isPending) return <LoadingState label={t('nutrition.recipe.loading')} />;
  if (recipe.isError) {
    return (
      <div className="nutrition-page">
        <PageHeader title={t('nutrition.recipeEditor.editTitle')} back={<Link to={paths.recipes}>{t('nutrition.recipes.back')}</Link>} />
        <ErrorState message={errorMessage(recipe.error, t)} onRetry={() => void recipe.refetch()} />
      </div>
    );
  }
  return <RecipeEditor recipe={recipe.data} paths={paths} />;
}

function rowsOf(recipe: Recipe | undefined): IngredientRow[] {
  return (recipe?.ingredients ?? []).map((ingredient) => ({
    key: newId(),
    foodId: ingredient.food_id,
    name: ingredient.name,
    unit: ingredient.portion?.name ?? '',
    quantity: ingredient.portion ? ingredient.portion.count : ingredient.grams,
  }));
}

/** The grams of a row, or null while its quantity is missing or its portion unknown. */
function rowGrams(row: IngredientRow, food: Food | undefined): number | null {
  if (row.quantity === null || row.quantity <= 0) return null;
  if (row.unit === '') return row.quantity;
  const portion = food?.portions.find((p) => p.name === row.unit);
  return portion ? portionGrams(portion, row.quantity) : null;
}

function RecipeEditor({ recipe, paths }: { recipe?: Recipe; paths: NutritionPaths }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const format = useNutrientFormat();
  const queryClient = useQueryClient();
  const [id] = useState(() => recipe?.id ?? newId());
  const [name, setName] = useState(recipe?.name ?? '');
  const [servings, setServings] = useState<number | null>(recipe?.servings ?? 1);
  const [cookedWeight, setCookedWeight] = useState<number | null>(recipe?.cooked_weight_g ?? null);
  const [rows, setRows] = useState<IngredientRow[]>(() => rowsOf(recipe));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string[]>([]);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const create = useCreateRecipe();
  const update = useUpdateRecipe();
  const remove = useDeleteRecipe();
  const saving = create.isPending || update.isPending;
  const ingredientsId = useId();

  const foodQueries = useFoods(rows.map((row) => row.foodId));
  const foods = new Map<string, Food>();
  foodQueries.forEach((query, index) => {
    const row = rows[index];
    if (row && query.data) foods.set(row.foodId, query.data);
  });

  const lines: IngredientLine[] = [];
  let previewComplete = rows.length > 0;
  for (const row of rows) {
    const food = foods.get(row.foodId);
    const grams = rowGrams(row, food);
    if (!food || grams === null) previewComplete = false;
    else lines.push({ per100g: food.per_100g, grams });
  }
  const preview = useMemo(
    () => recipePreview(lines, servings ?? 1, cookedWeight),
    // lines is rebuilt each render; its content is what rows and the foods say.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [JSON.stringify(lines), servings, cookedWeight],
  );

  const changeRow = (key: string, change: Partial<IngredientRow>) => {
    setRows((current) => current.map((row) => (row.key === key ? { ...row, ...change } : row)));
    setErrors({});
  };

  const addFood = (food: Food) => {
    queryClient.setQueryData(getFoodQueryOptions(food.id).queryKey, food);
    const first = food.portions[0];
    setRows((current) => [
      ...current,
      { key: newId(), foodId: food.id, name: food.name, unit: first ? first.name : '', quantity: first ? 1 : 100 },
    ]);
    setErrors((current) => {
      const next = { ...current };
      delete next.ingredients;
      return next;
    });
  };

  const validate = (): Record<string, string> => {
    const found: Record<string, string> = {};
    if (name.trim() === '') found.name = t('nutrition.recipeEditor.problems.name');
    if (servings === null || !Number.isInteger(servings) || servings < 1 || servings > 1000) {
      found.servings = t('nutrition.recipeEditor.problems.servings');
    }
    if (cookedWeight !== null && (cookedWeight <= 0 || cookedWeight > 100000)) {
      found.cooked_weight_g = t('nutrition.recipeEditor.problems.cookedWeight');
    }
    if (rows.length === 0) found.ingredients = t('nutrition.recipeEditor.problems.noIngredients');
    if (rows.length > 100) found.ingredients = t('nutrition.recipeEditor.problems.tooManyIngredients');
    rows.forEach((row, index) => {
      const max = row.unit === '' ? 10000 : 1000;
      if (row.quantity === null || row.quantity <= 0 || row.quantity > max) {
        found[`ingredients[${index}]`] = t('nutrition.recipeEditor.problems.quantity', { max });
      }
    });
    return found;
  };

  const toInput = (): RecipeInput => ({
    name: name.trim(),
    servings: servings ?? 1,
    cooked_weight_g: cookedWeight,
    ingredients: rows.map((row) =>
      row.unit === ''
        ? { food_id: row.foodId, grams: row.quantity ?? 0 }
        : { food_id: row.foodId, portion: { name: row.unit, count: row.quantity ?? 0 } },
    ),
  });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFormError([]);
    const found = validate();
    setErrors(found);
    if (Object.keys(found).length > 0) {
      event.currentTarget.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    const onError = (error: unknown) => {
      const shown = (field: string) =>
        ['name', 'servings', 'cooked_weight_g', 'ingredients'].includes(field) || /^ingredients\[\d+\]/.test(field);
      const { fields, others } = splitFieldErrors(error, shown);
      // A row's problems (its grams, its portion, its food) show at the row.
      const byRow: Record<string, string> = {};
      for (const [field, message] of Object.entries(fields)) byRow[field.replace(/^(ingredients\[\d+\]).*$/, '$1')] ??= message;
      setErrors(byRow);
      setFormError(Object.keys(byRow).length > 0 || others.length > 0 ? others : [errorMessage(error, t)]);
    };
    const done = { onSuccess: (saved: Recipe) => void navigate(paths.recipe(saved.id)), onError };
    if (recipe) update.mutate({ id: recipe.id, input: toInput() }, done);
    else create.mutate({ ...toInput(), id }, done);
  };

  const back = <Link to={recipe ? paths.recipe(recipe.id) : paths.recipes}>{recipe ? recipe.name : t('nutrition.recipes.back')}</Link>;

  return (
    <div className="nutrition-page">
      <PageHeader title={recipe ? t('nutrition.recipeEditor.editTitle') : t('nutrition.recipeEditor.newTitle')} back={back} />
      <form className="nutrition-form" noValidate onSubmit={onSubmit}>
        <TextField
          label={t('nutrition.recipeEditor.name')}
          value={name}
          onValueChange={(value) => {
            setName(value);
            setErrors(({ name: _, ...rest }) => rest);
          }}
          error={errors.name}
          maxLength={200}
          required
        />
        <div className="nutrition-form__pair">
          <NumberField
            label={t('nutrition.recipeEditor.servings')}
            integer
            min={1}
            max={1000}
            value={servings}
            onValueChange={setServings}
            error={errors.servings}
          />
          <NumberField
            label={t('nutrition.recipeEditor.cookedWeight')}
            hint={t('nutrition.recipeEditor.cookedWeightHint')}
            unit={t('nutrition.units.g')}
            min={0}
            value={cookedWeight}
            onValueChange={setCookedWeight}
            error={errors.cooked_weight_g}
          />
        </div>

        <section className="nutrition-section" aria-labelledby={ingredientsId}>
          <h2 id={ingredientsId} className="nutrition-section__title">
            {t('nutrition.recipeEditor.ingredients')}
          </h2>
          {rows.length === 0 ? <p className="nutrition-muted">{t('nutrition.recipeEditor.noIngredients')}</p> : null}
          <ul className="ingredient-rows">
            {rows.map((row, index) => {
              const food = foods.get(row.foodId);
              const grams = rowGrams(row, food);
              const portions = food?.portions ?? [];
              return (
                <li key={row.key} className="ingredient-row">
                  <p className="ingredient-row__name">{row.name}</p>
                  <div className="ingredient-row__amount">
                    <NumberField
                      label={t('nutrition.recipeEditor.quantity', { name: row.name })}
                      hideLabel
                      min={0}
                      value={row.quantity}
                      onValueChange={(quantity) => changeRow(row.key, { quantity })}
                      error={errors[`ingredients[${index}]`]}
                    />
                    <SelectField
                      label={t('nutrition.recipeEditor.unit', { name: row.name })}
                      hideLabel
                      value={row.unit}
                      onValueChange={(unit) => changeRow(row.key, { unit })}
                      options={[
                        { value: '', label: t('nutrition.units.g') },
                        ...portions.map((p) => ({
                          value: p.name,
                          label: t('nutrition.recipeEditor.portionOption', {
                            portion: p.name,
                            grams: Math.round((p.grams / p.amount) * 10) / 10,
                          }),
                        })),
                        // A portion the food no longer has stays choosable, so the row is not changed silently.
                        ...(row.unit !== '' && food && !portions.some((p) => p.name === row.unit)
                          ? [{ value: row.unit, label: row.unit }]
                          : []),
                      ]}
                    />
                    <Button
                      variant="ghost"
                      onClick={() => setRows((current) => current.filter((r) => r.key !== row.key))}
                      aria-label={t('nutrition.recipeEditor.remove', { name: row.name })}
                    >
                      {t('nutrition.recipeEditor.removeShort')}
                    </Button>
                  </div>
                  {grams !== null && food ? (
                    <p className="nutrition-muted nutrition-number">
                      {row.unit !== '' ? `${t('nutrition.recipe.gramsAmount', { grams: Math.round(grams * 10) / 10 })} · ` : ''}
                      {food.per_100g.energy_kcal !== undefined
                        ? format.amount('energy_kcal', (food.per_100g.energy_kcal * grams) / 100)
                        : t('nutrition.recipes.noEnergy')}
                    </p>
                  ) : null}
                </li>
              );
            })}
          </ul>
          <FoodPicker onPick={addFood} error={errors.ingredients} excludeId={recipe?.food_id} />
        </section>

        <Card className="nutrition-section">
          <NutrientList
            caption={t('nutrition.recipeEditor.previewPerServing')}
            amounts={preview.perServing.amounts}
            incomplete={preview.perServing.incomplete}
          />
          <p className="nutrition-muted">
            {previewComplete ? t('nutrition.recipeEditor.previewNote') : t('nutrition.recipeEditor.previewPartial')}
          </p>
        </Card>

        {formError.length > 0 ? (
          <div className="error-state" role="alert">
            {formError.map((message) => (
              <p key={message}>{message}</p>
            ))}
          </div>
        ) : null}
        <div className="nutrition-form__actions">
          <Button type="submit" disabled={saving}>
            {saving ? t('nutrition.saving') : t('nutrition.recipeEditor.save')}
          </Button>
          {recipe ? (
            <Button variant="destructive-subtle" onClick={() => setConfirmDelete(true)}>
              {t('nutrition.recipeEditor.delete')}
            </Button>
          ) : null}
        </div>
      </form>
      {recipe ? (
        <ConfirmDialog
          open={confirmDelete}
          title={t('nutrition.recipeEditor.deleteTitle', { name: recipe.name })}
          confirmLabel={t('nutrition.recipeEditor.deleteConfirm')}
          cancelLabel={t('nutrition.recipeEditor.deleteCancel')}
          busy={remove.isPending}
          onCancel={() => setConfirmDelete(false)}
          onConfirm={() =>
            remove.mutate(recipe.id, {
              onSuccess: () => void navigate(paths.recipes),
              onError: (error) => {
                setConfirmDelete(false);
                setFormError([errorMessage(error, t)]);
              },
            })
          }
        >
          {t('nutrition.recipeEditor.deleteBody')}
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
