import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOnline } from '@/lib/network/online';
import { Button, Chip, Dialog, ErrorState, SelectField, Skeleton, TextField } from '@/components/ui';
import { errorMessage } from '@/lib/api/error-message';
import { useCreateExercise } from '@/lib/exercises/create-exercise';
import { useOfflineExerciseSearch } from '@/lib/exercises/exercise-catalogue';
import { useExercises, type ExerciseFilters } from '@/lib/exercises/list-exercises';
import type { Equipment, Exercise, LogType, Muscle } from '../lib/model';

const muscles: readonly Muscle[] = [
  'chest', 'front_delts', 'side_delts', 'rear_delts', 'biceps', 'triceps', 'forearms', 'traps', 'lats',
  'upper_back', 'lower_back', 'abs', 'obliques', 'glutes', 'quads', 'hamstrings', 'adductors', 'abductors',
  'calves', 'neck', 'hip_flexors',
];
const equipments: readonly Equipment[] = [
  'barbell', 'dumbbell', 'kettlebell', 'machine', 'cable', 'bodyweight', 'band', 'smith_machine', 'ez_bar',
  'trap_bar', 'bench', 'pullup_bar', 'medicine_ball', 'plate', 'suspension', 'cardio_machine', 'none',
];
const logTypes: readonly LogType[] = ['weight_reps', 'reps', 'duration', 'distance', 'distance_duration', 'weight_duration'];

const SEARCH_DELAY_MS = 250;

export interface ExerciseSearchSheetProps {
  open: boolean;
  onClose: () => void;
  /** The exercise the user picked; the sheet closes itself after. */
  onPick: (exercise: Exercise) => void | Promise<void>;
}

/**
 * "Add exercise": search as you type (every word a prefix of the name or an alias), narrow
 * by muscle and equipment, pick one. When nothing matches, the name typed can become an
 * exercise of the user's own.
 */
export function ExerciseSearchSheet({ open, onClose, onPick }: ExerciseSearchSheetProps) {
  const { t } = useTranslation();
  return (
    <Dialog open={open} title={t('exercises.search.title')} onClose={onClose} variant="sheet" closeLabel={t('exercises.search.close')}>
      {open ? <SearchBody onPick={onPick} onClose={onClose} /> : null}
    </Dialog>
  );
}

function SearchBody({ onPick, onClose }: { onPick: ExerciseSearchSheetProps['onPick']; onClose: () => void }) {
  const { t } = useTranslation();
  const [input, setInput] = useState('');
  const [filters, setFilters] = useState<ExerciseFilters>({ q: '', muscle: null, equipment: null });
  const [picking, setPicking] = useState<string | null>(null);
  const muscleLabel = useId();
  const equipmentLabel = useId();

  useEffect(() => {
    const q = input.trim();
    if (q === filters.q) return;
    const timer = setTimeout(() => setFilters((f) => ({ ...f, q })), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [input, filters.q]);

  const exercises = useExercises(filters);

  async function pick(exercise: Exercise) {
    setPicking(exercise.id);
    try {
      await onPick(exercise);
      onClose();
    } finally {
      setPicking(null);
    }
  }

  // Offline, a search that cannot run must not show another search's list as its result (the
  // previous one is kept as a placeholder while a new one loads) nor offer to create the name:
  // it searches the catalogue kept on this device the way the server would, or says it cannot.
  const online = useOnline();
  const noAnswer = exercises.isPending || exercises.isPlaceholderData || exercises.fetchStatus === 'paused' || exercises.isError;
  const offlineMatches = useOfflineExerciseSearch(filters, !online && noAnswer);
  let results;
  if (offlineMatches) {
    results = (
      <>
        <p className="workout-section__hint" role="status">
          {t('exercises.search.offlineResults')} {t('exercises.search.found', { count: offlineMatches.length })}
        </p>
        {offlineMatches.length === 0 ? (
          <p className="empty-state">
            {filters.q ? t('exercises.search.noMatch', { q: filters.q }) : t('exercises.search.noneFiltered')}
          </p>
        ) : (
          <ExerciseResults items={offlineMatches} picking={picking} onPick={(exercise) => void pick(exercise)} />
        )}
      </>
    );
  } else if (!online && noAnswer) {
    results = (
      <p className="empty-state" role="status">
        {t('exercises.search.offline')}
      </p>
    );
  } else if (exercises.isPending) {
    results = <Skeleton width="lg" label={t('exercises.search.loading')} />;
  } else if (exercises.isError) {
    results = <ErrorState message={errorMessage(exercises.error, t)} onRetry={() => void exercises.refetch()} />;
  } else {
    const items = exercises.data.pages.flatMap((page) => page.items);
    results = (
      <>
        <p className="visually-hidden" role="status">
          {t('exercises.search.found', { count: items.length })}
        </p>
        {items.length === 0 ? (
          <p className="empty-state">
            {filters.q ? t('exercises.search.noMatch', { q: filters.q }) : t('exercises.search.noneFiltered')}
          </p>
        ) : (
          <ExerciseResults items={items} picking={picking} onPick={(exercise) => void pick(exercise)} />
        )}
        {exercises.hasNextPage ? (
          <Button variant="secondary" disabled={exercises.isFetchingNextPage} onClick={() => void exercises.fetchNextPage()}>
            {exercises.isFetchingNextPage ? t('exercises.search.loadingMore') : t('exercises.search.loadMore')}
          </Button>
        ) : null}
        {filters.q && !exercises.hasNextPage && online ? <CreateExercise name={filters.q} onCreated={pick} /> : null}
      </>
    );
  }

  return (
    <div className="exercise-search">
      <form role="search" className="form" onSubmit={(event) => event.preventDefault()}>
        <TextField
          type="search"
          label={t('exercises.search.label')}
          hint={t('exercises.search.hint')}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          maxLength={100}
          value={input}
          onValueChange={setInput}
          // The sheet opens to type into.
          data-autofocus
        />
      </form>
      <div role="group" aria-labelledby={muscleLabel} className="filter-group">
        <p id={muscleLabel} className="filter-group__label">
          {t('exercises.search.muscle')}
        </p>
        <div className="chip-row">
          <Chip pressed={filters.muscle === null} onClick={() => setFilters((f) => ({ ...f, muscle: null }))}>
            {t('exercises.search.any')}
          </Chip>
          {muscles.map((m) => (
            <Chip key={m} pressed={filters.muscle === m} onClick={() => setFilters((f) => ({ ...f, muscle: f.muscle === m ? null : m }))}>
              {t(`exercises.muscles.${m}`)}
            </Chip>
          ))}
        </div>
      </div>
      <div role="group" aria-labelledby={equipmentLabel} className="filter-group">
        <p id={equipmentLabel} className="filter-group__label">
          {t('exercises.search.equipmentLabel')}
        </p>
        <div className="chip-row">
          <Chip pressed={filters.equipment === null} onClick={() => setFilters((f) => ({ ...f, equipment: null }))}>
            {t('exercises.search.any')}
          </Chip>
          {equipments.map((e) => (
            <Chip
              key={e}
              pressed={filters.equipment === e}
              onClick={() => setFilters((f) => ({ ...f, equipment: f.equipment === e ? null : e }))}
            >
              {t(`exercises.equipment.${e}`)}
            </Chip>
          ))}
        </div>
      </div>
      {results}
    </div>
  );
}

/** "Create <name> as your own exercise", with what its sets record. */
function CreateExercise({ name, onCreated }: { name: string; onCreated: (exercise: Exercise) => Promise<void> }) {
  const { t } = useTranslation();
  const [logType, setLogType] = useState<LogType>('weight_reps');
  const create = useCreateExercise();
  return (
    <form
      className="form create-exercise"
      onSubmit={(event) => {
        event.preventDefault();
        create.mutate(
          { name, category: logType.includes('distance') ? 'cardio' : 'strength', log_type: logType },
          { onSuccess: (exercise) => void onCreated(exercise) },
        );
      }}
    >
      <p className="create-exercise__title">{t('exercises.create.title', { name })}</p>
      <SelectField
        label={t('exercises.create.logType')}
        value={logType}
        onValueChange={(v) => setLogType(v as LogType)}
        options={logTypes.map((lt) => ({ value: lt, label: t(`exercises.logTypes.${lt}`) }))}
      />
      {create.isError ? <ErrorState message={errorMessage(create.error, t)} /> : null}
      <div className="form__actions">
        <Button type="submit" variant="secondary" disabled={create.isPending}>
          {create.isPending ? t('exercises.create.creating') : t('exercises.create.submit', { name })}
        </Button>
      </div>
    </form>
  );
}

function ExerciseResults({
  items,
  picking,
  onPick,
}: {
  items: readonly Exercise[];
  picking: string | null;
  onPick: (exercise: Exercise) => void;
}) {
  const { t } = useTranslation();
  return (
    <ul className="exercise-results" aria-label={t('exercises.search.results')}>
      {items.map((exercise) => (
        <li key={exercise.id}>
          <button
            type="button"
            className="exercise-result"
            disabled={picking !== null}
            aria-busy={picking === exercise.id || undefined}
            onClick={() => onPick(exercise)}
          >
            <span className="exercise-result__name">{exercise.name}</span>
            <span className="exercise-result__meta">
              {[
                ...exercise.primary_muscles.map((m) => t(`exercises.muscles.${m}`)),
                ...exercise.equipment.filter((e) => e !== 'none').map((e) => t(`exercises.equipment.${e}`)),
              ].join(' · ')}
              {exercise.custom ? ` · ${t('exercises.search.yours')}` : ''}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
