import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ErrorState, RadioGroup, TextField } from '@/components/ui';
import { errorMessage } from '@/lib/api/error-message';
import type { ClubInput } from '../api/clubs';

const NAME_MAX = 80;
const DESCRIPTION_MAX = 4000;

/** A club's name, description and access: creating one, or its settings. */
export function ClubForm({
  initial,
  submitLabel,
  pending,
  error,
  onSubmit,
}: {
  initial: ClubInput;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (input: ClubInput) => void;
}) {
  const { t } = useTranslation();
  const descriptionId = useId();
  const [name, setName] = useState(initial.name);
  const [description, setDescription] = useState(initial.description ?? '');
  const [access, setAccess] = useState<'public' | 'private'>(initial.access ?? 'public');
  const [nameError, setNameError] = useState<string>();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() === '') {
      setNameError(t('clubs.form.nameRequired'));
      return;
    }
    setNameError(undefined);
    onSubmit({ name: name.trim(), description, access });
  };
  return (
    <form className="club-form" onSubmit={submit} noValidate>
      <TextField label={t('clubs.form.name')} value={name} onValueChange={setName} maxLength={NAME_MAX} error={nameError} required />
      <div className="field">
        <label className="field__label" htmlFor={descriptionId}>
          {t('clubs.form.description')}
        </label>
        <textarea
          id={descriptionId}
          className="field__input"
          rows={4}
          maxLength={DESCRIPTION_MAX}
          value={description}
          onChange={(event) => setDescription(event.target.value)}
        />
      </div>
      <RadioGroup
        legend={t('clubs.form.access')}
        name="access"
        value={access}
        onValueChange={setAccess}
        options={[
          { value: 'public', label: t('clubs.access.public'), description: t('clubs.form.publicHint') },
          { value: 'private', label: t('clubs.access.private'), description: t('clubs.form.privateHint') },
        ]}
      />
      {error ? <ErrorState inline message={errorMessage(error, t)} /> : null}
      <Button type="submit" disabled={pending}>
        {submitLabel}
      </Button>
    </form>
  );
}
