import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, TextField } from '@/components/ui';
import { useGoalExercise } from '../api/get-exercise';
import { useExerciseSearch } from '../api/search-exercises';

const SEARCH_DELAY_MS = 250;

export interface ExercisePickerProps {
  /** The chosen exercise's id, or '' for none. */
  exerciseId: string;
  onChange: (exerciseId: string) => void;
  /** Without a choice the goal counts every exercise (optional) or cannot be saved (required). */
  required: boolean;
  error?: string | undefined;
}

/** Search as you type (GET /api/v1/exercises?q=), pick one; the choice shows with a Change button. */
export function ExercisePicker({ exerciseId, onChange, required, error }: ExercisePickerProps) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const resultsId = useId();
  useEffect(() => {
    const timer = setTimeout(() => setQ(text.trim()), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text]);
  const chosen = useGoalExercise(exerciseId || null);
  const search = useExerciseSearch(q);
  const label = required ? t('goals.editor.exercise') : t('goals.editor.exerciseOptional');

  if (exerciseId !== '') {
    return (
      <div className="field goal-exercise">
        <p className="field__label">{label}</p>
        <p className="goal-exercise__chosen">
          <span>{chosen.data?.name ?? (chosen.isError ? exerciseId : t('goals.editor.exerciseLoading'))}</span>
          <Button variant="secondary" onClick={() => onChange('')}>
            {t('goals.editor.exerciseChange')}
          </Button>
        </p>
        {error ? <p className="field__error">{error}</p> : null}
      </div>
    );
  }

  const hits = q === '' ? [] : (search.data?.items ?? []);
  return (
    <div className="goal-exercise">
      <TextField
        label={label}
        hint={required ? t('goals.editor.exerciseHint') : t('goals.editor.exerciseOptionalHint')}
        type="search"
        value={text}
        onValueChange={setText}
        error={error}
        aria-controls={resultsId}
        autoComplete="off"
      />
      <div id={resultsId} aria-live="polite">
        {q !== '' && search.isSuccess && hits.length === 0 ? (
          <p className="field__hint">{t('goals.editor.exerciseNone')}</p>
        ) : null}
        {hits.length > 0 ? (
          <ul className="goal-exercise__hits" aria-label={t('goals.editor.exerciseResults')}>
            {hits.map((exercise) => (
              <li key={exercise.id}>
                <button type="button" className="goal-exercise__hit" onClick={() => onChange(exercise.id)}>
                  {exercise.name}
                </button>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </div>
  );
}
