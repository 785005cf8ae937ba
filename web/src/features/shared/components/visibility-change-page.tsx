import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Notice, PageHeader, SelectField, TextField } from '@/components/ui';
import { errorMessage } from '@/lib/api/error-message';
import {
  useCreateVisibilityChange,
  useVisibilityChange,
  type ItemVisibility,
  type VisibilityChangeInput,
} from '../api/shared-workouts';
import { VisibilityPicker } from './visibility-picker';

const SPORTS = ['run', 'ride', 'walk', 'hike', 'swim', 'row', 'ski', 'elliptical', 'other'] as const;

/** /settings/privacy/visibility: change who sees past workouts or body entries, with progress. */
export function VisibilityChangePage() {
  const { t } = useTranslation();
  const [kind, setKind] = useState<'workouts' | 'measurements'>('workouts');
  const [visibility, setVisibility] = useState<ItemVisibility>('followers');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [sport, setSport] = useState('');
  const create = useCreateVisibilityChange();
  const progress = useVisibilityChange(create.data?.id);
  const change = progress.data ?? create.data;

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const input: VisibilityChangeInput = { kind, visibility };
    if (from) input.from = from;
    if (to) input.to = to;
    if (kind === 'workouts' && sport) input.sport = sport;
    create.mutate(input);
  };

  return (
    <main>
      <PageHeader
        title={t('shared.bulk.title')}
        documentTitle={t('shared.bulk.title')}
        intro={t('shared.bulk.intro')}
      />
      <form onSubmit={submit} className="shared-bulk">
        <SelectField
          label={t('shared.bulk.kind')}
          value={kind}
          onValueChange={(v) => setKind(v as 'workouts' | 'measurements')}
          options={[
            { value: 'workouts', label: t('shared.bulk.workouts') },
            { value: 'measurements', label: t('shared.bulk.measurements') },
          ]}
        />
        {kind === 'workouts' ? (
          <SelectField
            label={t('shared.bulk.sport')}
            value={sport}
            onValueChange={setSport}
            options={[{ value: '', label: t('shared.bulk.anySport') }, ...SPORTS.map((s) => ({ value: s, label: s }))]}
          />
        ) : null}
        <TextField label={t('shared.bulk.from')} type="date" value={from} onValueChange={setFrom} />
        <TextField label={t('shared.bulk.to')} type="date" value={to} onValueChange={setTo} />
        <VisibilityPicker legend={t('shared.bulk.visibility')} name="visibility" value={visibility} onValueChange={setVisibility} />
        <Button type="submit" disabled={create.isPending || (change !== undefined && change.status !== 'succeeded' && change.status !== 'failed')}>
          {t('shared.bulk.apply')}
        </Button>
      </form>
      {create.isError ? (
        <p role="alert" className="shared-bulk__error">
          {errorMessage(create.error, t)}
        </p>
      ) : null}
      {change ? (
        <Notice tone={change.status === 'succeeded' ? 'success' : 'info'}>
          <span role="status">
            {change.status === 'succeeded'
              ? t('shared.bulk.done', { count: change.changed ?? change.done })
              : change.status === 'failed'
                ? t('shared.bulk.failed')
                : t('shared.bulk.running', { count: change.done })}
          </span>
        </Notice>
      ) : null}
    </main>
  );
}
