import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Dialog, ErrorState, SelectField, Skeleton, useToast } from '@/components/ui';
import { errorMessage } from '@/lib/api/error-message';
import { useAddDiaryItems } from '../api/add-diary-items';
import { useDeleteDiaryItem } from '../api/delete-diary-item';
import { useFood } from '../api/get-food';
import { useUpdateDiaryItem } from '../api/update-diary-item';
import { newId, type DiaryItem, type DiaryItemInput } from '../lib/model';
import { mealLabel } from './format';
import { amountInput, PortionPicker, type Amount } from './portion-picker';

export interface EditItemDialogProps {
  date: string;
  /** The item to change; null: closed. */
  item: DiaryItem | null;
  /** The meals the item may move to. */
  mealNames: string[];
  onClose: () => void;
}

/** What it takes to log an item again as it was (Undo of a delete), under a new id. */
export function relogInput(item: DiaryItem): DiaryItemInput & { id: string } {
  const base = { id: newId(), meal: item.meal };
  if (item.kind === 'quick' || item.food_id === null) {
    const n = item.nutrients;
    return {
      ...base,
      quick: {
        name: item.name,
        energy_kcal: n.energy_kcal ?? 0,
        ...(n.protein_g !== undefined ? { protein_g: n.protein_g } : {}),
        ...(n.carbohydrate_g !== undefined ? { carbohydrate_g: n.carbohydrate_g } : {}),
        ...(n.fat_g !== undefined ? { fat_g: n.fat_g } : {}),
      },
    };
  }
  if (item.portion) return { ...base, food_id: item.food_id, portion: { name: item.portion.name, count: item.portion.count } };
  return { ...base, food_id: item.food_id, grams: item.grams ?? 100 };
}

/** Change a logged item's amount, portion or meal, or delete it (with Undo). */
export function EditItemDialog({ date, item, mealNames, onClose }: EditItemDialogProps) {
  const { t } = useTranslation();
  return (
    <Dialog open={item !== null} title={item?.name ?? ''} onClose={onClose} variant="sheet" closeLabel={t('diary.edit.close')}>
      {item ? <EditBody key={item.id} date={date} item={item} mealNames={mealNames} onClose={onClose} /> : null}
    </Dialog>
  );
}

function EditBody({ date, item, mealNames, onClose }: { date: string; item: DiaryItem; mealNames: string[]; onClose: () => void }) {
  const { t } = useTranslation();
  const [meal, setMeal] = useState(item.meal);
  const food = useFood(item.kind === 'food' ? item.food_id : null);
  const update = useUpdateDiaryItem(date);
  const remove = useDeleteDiaryItem(date);
  const relog = useAddDiaryItems(date);
  const toast = useToast();
  const meals = mealNames.includes(item.meal) ? mealNames : [...mealNames, item.meal];

  const initial: Amount | undefined = item.portion
    ? { unit: 'portion', name: item.portion.name, count: item.portion.count }
    : item.grams !== null
      ? { unit: 'g', grams: item.grams }
      : undefined;

  const save = (amount: Amount | null) =>
    update.mutate(
      { id: item.id, patch: { ...(meal !== item.meal ? { meal } : {}), ...(amount ? amountInput(amount) : {}) } },
      {
        onSuccess: () => {
          toast({ message: t('diary.edit.saved') });
          onClose();
        },
      },
    );

  const deleteItem = () =>
    remove.mutate(item.id, {
      onSuccess: () => {
        onClose();
        toast({
          message: t('diary.edit.deleted', { name: item.name }),
          action: { label: t('diary.edit.undo'), onAction: () => relog.mutate([relogInput(item)]) },
        });
      },
    });

  let amountPart;
  if (item.kind === 'quick' || item.food_id === null) {
    amountPart = (
      <Button block disabled={update.isPending || meal === item.meal} onClick={() => save(null)}>
        {t('diary.edit.save')}
      </Button>
    );
  } else if (food.isPending) {
    amountPart = <Skeleton width="lg" label={t('diary.edit.loadingFood')} />;
  } else if (food.isError) {
    amountPart = <ErrorState message={errorMessage(food.error, t)} onRetry={() => void food.refetch()} />;
  } else {
    amountPart = (
      <PortionPicker
        food={food.data}
        {...(initial ? { initial } : {})}
        submitLabel={t('diary.edit.save')}
        pending={update.isPending}
        error={update.error}
        onSubmit={(amount) => save(amount)}
      />
    );
  }

  return (
    <div className="diary-sheet">
      <SelectField
        label={t('diary.edit.meal')}
        value={meal}
        onValueChange={setMeal}
        options={meals.map((name) => ({ value: name, label: mealLabel(name, t) }))}
      />
      {amountPart}
      {item.kind === 'quick' && update.isError ? <ErrorState inline message={errorMessage(update.error, t)} /> : null}
      <Button variant="destructive-subtle" block disabled={remove.isPending} onClick={deleteItem}>
        {t('diary.edit.delete')}
      </Button>
      {remove.isError ? <ErrorState inline message={errorMessage(remove.error, t)} /> : null}
    </div>
  );
}
