import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { Button, ConfirmDialog, ErrorState, LoadingState, NumberField, PageHeader, TextField } from '@/components/ui';
import { errorMessage } from '@/lib/api/error-message';
import { useCreateFood } from '../api/create-food';
import { useDeleteFood } from '../api/delete-food';
import { useFood } from '../api/get-food';
import type { Food, FoodInput } from '../api/keys';
import { useUpdateFood } from '../api/update-food';
import { checkBarcode } from '../lib/barcode';
import { newId } from '../lib/new-id';
import { allNutrients, mainNutrients, type NutrientAmounts, type NutrientKey } from '../lib/nutrients';
import { splitFieldErrors } from '../lib/server-errors';
import type { NutritionPaths } from '../paths';
import { useNutrientFormat } from './use-nutrient-format';
import './nutrition.css';

interface PortionRow {
  key: string;
  name: string;
  amount: number | null;
  grams: number | null;
}

export interface FoodEditorPageProps {
  /** The food to change; none: a new one. */
  id?: string | undefined;
  /** A barcode to start with (?barcode= from a scan that found nothing). */
  barcode?: string | undefined;
  paths: NutritionPaths;
  /** Where to go after saving (?next=, e.g. back to the diary's add sheet); the diary when not given. */
  afterSave?: string | undefined;
}

/** /food/foods/new (?barcode=) and /food/foods/:id/edit: a food or branded product of your own. */
export function FoodEditorPage({ id, barcode, paths, afterSave }: FoodEditorPageProps) {
  if (id === undefined) return <FoodEditor barcode={barcode ?? ''} paths={paths} afterSave={afterSave} />;
  return <LoadedFoodEditor key={id} id={id} paths={paths} afterSave={afterSave} />;
}

function LoadedFoodEditor({ id, paths, afterSave }: { id: string; paths: NutritionPaths; afterSave?: string | undefined }) {
  const { t } = useTranslation();
  const food = useFood(id);
  if (food.isPending) return <LoadingState label={t('nutrition.foodEditor.loading')} />;
  if (food.isError || !food.data.owned) {
    return (
      <div className="nutrition-page">
        <PageHeader title={t('nutrition.foodEditor.editTitle')} back={<Link to={paths.diary}>{t('nutrition.backToDiary')}</Link>} />
        {food.isError ? (
          <ErrorState message={errorMessage(food.error, t)} onRetry={() => void food.refetch()} />
        ) : (
          <ErrorState message={t('nutrition.foodEditor.notOwned')} />
        )}
      </div>
    );
  }
  return <FoodEditor food={food.data} barcode="" paths={paths} afterSave={afterSave} />;
}

const emptyPortion = (): PortionRow => ({ key: newId(), name: '', amount: 1, grams: null });

function FoodEditor({ food, barcode, paths, afterSave }: { food?: Food; barcode: string; paths: NutritionPaths; afterSave?: string | undefined }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const format = useNutrientFormat();
  const [id] = useState(() => newId());
  const [name, setName] = useState(food?.name ?? '');
  const [brand, setBrand] = useState(food?.brand ?? '');
  const [code, setCode] = useState(food?.barcode ?? barcode);
  const [portions, setPortions] = useState<PortionRow[]>(() =>
    (food?.portions ?? []).map((p) => ({ key: newId(), name: p.name, amount: p.amount, grams: p.grams })),
  );
  const [amounts, setAmounts] = useState<NutrientAmounts>(food?.per_100g ?? {});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string[]>([]);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const create = useCreateFood();
  const update = useUpdateFood();
  const remove = useDeleteFood();
  const saving = create.isPending || update.isPending;
  const portionsId = useId();
  const nutrientsId = useId();
  const moreNutrients = allNutrients.filter((key) => !mainNutrients.includes(key));

  const clearError = (field: string) =>
    setErrors((current) => {
      if (!(field in current)) return current;
      const next = { ...current };
      delete next[field];
      return next;
    });

  const validate = (): Record<string, string> => {
    const found: Record<string, string> = {};
    if (name.trim() === '') found.name = t('nutrition.foodEditor.problems.name');
    if (code.trim() !== '') {
      const check = checkBarcode(code);
      if (!check.ok) found.barcode = t(`nutrition.foodEditor.problems.barcode.${check.problem}`);
    }
    portions.forEach((p, i) => {
      if (p.name.trim() === '') found[`portions[${i}].name`] = t('nutrition.foodEditor.problems.portionName');
      if (p.amount === null || p.amount <= 0) found[`portions[${i}].amount`] = t('nutrition.foodEditor.problems.positive');
      if (p.grams === null || p.grams <= 0 || p.grams > 10000) {
        found[`portions[${i}].grams`] = t('nutrition.foodEditor.problems.portionGrams');
      }
    });
    if (amounts.energy_kcal === undefined) found['per_100g.energy_kcal'] = t('nutrition.foodEditor.problems.energy');
    for (const key of allNutrients) {
      const value = amounts[key];
      if (value !== undefined && value < 0) found[`per_100g.${key}`] = t('nutrition.foodEditor.problems.negative');
    }
    return found;
  };

  const toInput = (): FoodInput => ({
    name: name.trim(),
    brand: brand.trim() === '' ? null : brand.trim(),
    barcode: code.trim() === '' ? null : code.trim(),
    portions: portions.map((p) => ({ name: p.name.trim(), amount: p.amount ?? 1, grams: p.grams ?? 0 })),
    per_100g: amounts,
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
        ['name', 'brand', 'barcode'].includes(field) ||
        /^portions\[\d+\]\.(name|amount|grams)$/.test(field) ||
        (field.startsWith('per_100g.') && allNutrients.includes(field.slice(9) as NutrientKey));
      const { fields, others } = splitFieldErrors(error, shown);
      setErrors(fields);
      setFormError(Object.keys(fields).length > 0 || others.length > 0 ? others : [errorMessage(error, t)]);
      if (Object.keys(fields).length > 0) setFormError((current) => [t('nutrition.fixFields'), ...current]);
    };
    const onSuccess = () => void navigate(afterSave ?? paths.diary);
    if (food) update.mutate({ id: food.id, input: toInput() }, { onSuccess, onError });
    else create.mutate({ ...toInput(), id }, { onSuccess, onError });
  };

  const nutrientField = (key: NutrientKey) => (
    <NumberField
      key={key}
      label={format.name(key)}
      unit={format.unit(key)}
      min={0}
      value={amounts[key] ?? null}
      onValueChange={(value) => {
        setAmounts((current) => {
          const next = { ...current };
          if (value === null) delete next[key];
          else next[key] = value;
          return next;
        });
        clearError(`per_100g.${key}`);
      }}
      error={errors[`per_100g.${key}`]}
      required={key === 'energy_kcal'}
    />
  );

  const changePortion = (key: string, change: Partial<PortionRow>, field: string, index: number) => {
    setPortions((current) => current.map((p) => (p.key === key ? { ...p, ...change } : p)));
    clearError(`portions[${index}].${field}`);
  };

  return (
    <div className="nutrition-page">
      <PageHeader
        title={food ? t('nutrition.foodEditor.editTitle') : t('nutrition.foodEditor.newTitle')}
        intro={t('nutrition.foodEditor.intro')}
        back={<Link to={paths.diary}>{t('nutrition.backToDiary')}</Link>}
      />
      <form className="nutrition-form" noValidate onSubmit={onSubmit}>
        <TextField
          label={t('nutrition.foodEditor.name')}
          value={name}
          onValueChange={(value) => {
            setName(value);
            clearError('name');
          }}
          error={errors.name}
          maxLength={200}
          required
        />
        <TextField
          label={t('nutrition.foodEditor.brand')}
          value={brand}
          onValueChange={(value) => {
            setBrand(value);
            clearError('brand');
          }}
          error={errors.brand}
          maxLength={200}
        />
        <TextField
          label={t('nutrition.foodEditor.barcode')}
          hint={t('nutrition.foodEditor.barcodeHint')}
          inputMode="numeric"
          autoComplete="off"
          value={code}
          onValueChange={(value) => {
            setCode(value);
            clearError('barcode');
          }}
          error={errors.barcode}
          maxLength={32}
        />

        <section className="nutrition-section" aria-labelledby={portionsId}>
          <h2 id={portionsId} className="nutrition-section__title">
            {t('nutrition.foodEditor.portions')}
          </h2>
          <p className="nutrition-muted">{t('nutrition.foodEditor.portionsHint')}</p>
          <ul className="portion-rows">
            {portions.map((p, index) => (
              <li key={p.key} className="portion-row">
                <TextField
                  label={t('nutrition.foodEditor.portionName')}
                  value={p.name}
                  onValueChange={(value) => changePortion(p.key, { name: value }, 'name', index)}
                  error={errors[`portions[${index}].name`]}
                  maxLength={100}
                />
                <NumberField
                  label={t('nutrition.foodEditor.portionAmount')}
                  min={0}
                  value={p.amount}
                  onValueChange={(value) => changePortion(p.key, { amount: value }, 'amount', index)}
                  error={errors[`portions[${index}].amount`]}
                />
                <NumberField
                  label={t('nutrition.foodEditor.portionGrams')}
                  unit={t('nutrition.units.g')}
                  min={0}
                  value={p.grams}
                  onValueChange={(value) => changePortion(p.key, { grams: value }, 'grams', index)}
                  error={errors[`portions[${index}].grams`]}
                />
                <Button
                  variant="ghost"
                  onClick={() => setPortions((current) => current.filter((row) => row.key !== p.key))}
                  aria-label={t('nutrition.foodEditor.removePortion', { index: index + 1 })}
                >
                  {t('nutrition.recipeEditor.removeShort')}
                </Button>
              </li>
            ))}
          </ul>
          {portions.length < 20 ? (
            <Button variant="secondary" onClick={() => setPortions((current) => [...current, emptyPortion()])}>
              {t('nutrition.foodEditor.addPortion')}
            </Button>
          ) : null}
        </section>

        <section className="nutrition-section" aria-labelledby={nutrientsId}>
          <h2 id={nutrientsId} className="nutrition-section__title">
            {t('nutrition.foodEditor.nutrients')}
          </h2>
          <div className="nutrient-fields nutrient-fields--compact">{mainNutrients.map(nutrientField)}</div>
          <details className="nutrient-more" open={moreNutrients.some((key) => errors[`per_100g.${key}`] !== undefined) || undefined}>
            <summary>{t('nutrition.foodEditor.moreNutrients')}</summary>
            <div className="nutrient-fields nutrient-fields--compact">{moreNutrients.map(nutrientField)}</div>
          </details>
        </section>

        {formError.length > 0 ? (
          <div className="error-state" role="alert">
            {formError.map((message) => (
              <p key={message}>{message}</p>
            ))}
          </div>
        ) : null}
        <div className="nutrition-form__actions">
          <Button type="submit" disabled={saving}>
            {saving ? t('nutrition.saving') : t('nutrition.foodEditor.save')}
          </Button>
          {food ? (
            <Button variant="destructive-subtle" onClick={() => setConfirmDelete(true)}>
              {t('nutrition.foodEditor.delete')}
            </Button>
          ) : null}
        </div>
      </form>
      {food ? (
        <ConfirmDialog
          open={confirmDelete}
          title={t('nutrition.foodEditor.deleteTitle', { name: food.name })}
          confirmLabel={t('nutrition.foodEditor.deleteConfirm')}
          cancelLabel={t('nutrition.recipeEditor.deleteCancel')}
          busy={remove.isPending}
          onCancel={() => setConfirmDelete(false)}
          onConfirm={() =>
            remove.mutate(food.id, {
              onSuccess: () => void navigate(paths.diary),
              onError: (error) => {
                setConfirmDelete(false);
                setFormError([errorMessage(error, t)]);
              },
            })
          }
        >
          {t('nutrition.foodEditor.deleteBody')}
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
