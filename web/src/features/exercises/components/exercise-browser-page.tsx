import { useDeferredValue, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button, EmptyState, ErrorState, PageHeader, SelectField, Skeleton, TextField } from '@/components/ui';
import { errorMessage } from '@/lib/api/error-message';
import type { Equipment, ExerciseCategory, Muscle } from '@/lib/exercises/get-exercise';
import { useExercises, type ExerciseFilters } from '@/lib/exercises/list-exercises';
import { categories, equipmentList, muscles } from '../lib/enums';
import type { ExercisePaths } from '../paths';
import './exercises.css';

/** /exercises: the catalogue and your own exercises, searched as you type, filtered. */
export function ExerciseBrowserPage({ paths }: { paths: ExercisePaths }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [muscle, setMuscle] = useState<Muscle | ''>('');
  const [equipment, setEquipment] = useState<Equipment | ''>('');
  const [category, setCategory] = useState<ExerciseCategory | ''>('');
  // Typing stays responsive; the search follows the deferred text.
  const filters: ExerciseFilters = {
    q: useDeferredValue(q),
    muscle: muscle || null,
    equipment: equipment || null,
    category: category || null,
  };
  const list = useExercises(filters);
  const resultsId = useId();
  const any = { value: '', label: t('exerciseBrowser.any') };

  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  let results;
  if (list.isPending) results = <Skeleton width="lg" label={t('exerciseBrowser.loading')} />;
  else if (list.isError) results = <ErrorState message={errorMessage(list.error, t)} onRetry={() => void list.refetch()} />;
  else if (items.length === 0)
    results = (
      <EmptyState>{filters.q ? t('exerciseBrowser.noMatch', { q: filters.q }) : t('exerciseBrowser.noneFiltered')}</EmptyState>
    );
  else
    results = (
      <>
        <ul className="exercise-list" aria-labelledby={resultsId}>
          {items.map((exercise) => (
            <li key={exercise.id}>
              <Link className="exercise-list__link" to={paths.exercise(exercise.custom ? exercise.id : exercise.slug)}>
                <span className="exercise-list__name">{exercise.name}</span>
                <span className="exercise-list__meta">
                  {exercise.primary_muscles.map((m) => t(`exercises.muscles.${m}`)).join(', ')}
                  {exercise.custom ? ` · ${t('exercisePage.yours')}` : ''}
                </span>
              </Link>
            </li>
          ))}
        </ul>
        {list.hasNextPage ? (
          <Button variant="secondary" onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage}>
            {list.isFetchingNextPage ? t('exerciseBrowser.loadingMore') : t('exerciseBrowser.loadMore')}
          </Button>
        ) : null}
      </>
    );

  return (
    <div className="exercise-page">
      <PageHeader title={t('exerciseBrowser.title')} documentTitle={t('exerciseBrowser.documentTitle')} />
      <div role="search" className="exercise-filters">
        <TextField
          type="search"
          label={t('exerciseBrowser.search')}
          hint={t('exerciseBrowser.searchHint')}
          value={q}
          onValueChange={setQ}
          autoComplete="off"
          enterKeyHint="search"
          maxLength={100}
        />
        <div className="exercise-filters__selects">
          <SelectField
            label={t('exerciseBrowser.muscle')}
            value={muscle}
            onValueChange={(v) => setMuscle(v as Muscle | '')}
            options={[any, ...muscles.map((m) => ({ value: m, label: t(`exercises.muscles.${m}`) }))]}
          />
          <SelectField
            label={t('exerciseBrowser.equipment')}
            value={equipment}
            onValueChange={(v) => setEquipment(v as Equipment | '')}
            options={[any, ...equipmentList.map((e) => ({ value: e, label: t(`exercises.equipment.${e}`) }))]}
          />
          <SelectField
            label={t('exerciseBrowser.category')}
            value={category}
            onValueChange={(v) => setCategory(v as ExerciseCategory | '')}
            options={[any, ...categories.map((c) => ({ value: c, label: t(`exercisePage.categories.${c}`) }))]}
          />
        </div>
      </div>
      <h2 id={resultsId} className="visually-hidden">
        {t('exerciseBrowser.results')}
      </h2>
      <p className="exercise-filters__count" role="status">
        {list.data ? t('exerciseBrowser.shown', { count: items.length }) : ''}
      </p>
      {results}
    </div>
  );
}
