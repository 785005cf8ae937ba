import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { Button, ButtonLink, ErrorState, NumberField, PageHeader, RadioGroup, SelectField, TextField } from '@/components/ui';
import { ApiError } from '@/lib/api/client';
import { errorMessage } from '@/lib/api/error-message';
import { isKnownTimeZone } from '@/lib/format/zoned-time';
import {
  distanceUnit,
  elevationUnit,
  fromDisplayDistance,
  fromDisplayWeight,
  toDisplayElevation,
  useUnitSystem,
  weightUnit,
} from '@/lib/units';
import { useCreateChallenge, type ChallengeInput, type ChallengeMetric } from '../api/challenges';
import { addDays, todayIn } from '../lib/format-value';
import type { ChallengesPaths } from './challenges-page';
import './challenges.css';

const metrics: readonly ChallengeMetric[] = ['distance', 'time', 'sessions', 'volume', 'elevation'];
// The sports workouts know (the server checks a challenge's sport against the same list).
const cardioSports = ['run', 'ride', 'walk', 'hike', 'swim', 'row', 'ski', 'elliptical', 'other'] as const;

type Problems = Partial<Record<'title' | 'ends_on' | 'time_zone' | 'target', string>>;

/**
 * /community/challenges/new: a challenge's metric, sport, days in a zone (the profile's first) and access.
 * With ?club_id= (a club page's admins link here) the challenge is that club's: its members join it.
 */
export function ChallengeEditorPage({ paths, timeZone }: { paths: ChallengesPaths; timeZone: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [system] = useUnitSystem();
  const create = useCreateChallenge();
  const [search] = useSearchParams();
  const clubId = search.get('club_id') ?? '';
  const first = todayIn(timeZone);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [metric, setMetric] = useState<ChallengeMetric>('distance');
  const [sport, setSport] = useState('');
  const [startsOn, setStartsOn] = useState(first);
  const [endsOn, setEndsOn] = useState(addDays(first, 29));
  const [zone, setZone] = useState(timeZone);
  const [target, setTarget] = useState<number | null>(null);
  const [access, setAccess] = useState<'public' | 'invite'>('public');
  const [problems, setProblems] = useState<Problems>({});

  const unit =
    metric === 'distance'
      ? distanceUnit(system)
      : metric === 'elevation'
        ? elevationUnit(system)
        : metric === 'volume'
          ? weightUnit(system)
          : metric === 'time'
            ? 'h'
            : t('challenges.metrics.sessions');

  function targetInSi(value: number): number {
    switch (metric) {
      case 'distance':
        return fromDisplayDistance(value, system);
      case 'elevation':
        return value / toDisplayElevation(1, system);
      case 'volume':
        return fromDisplayWeight(value, system);
      case 'time':
        return value * 3600;
      case 'sessions':
        return value;
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const found: Problems = {};
    if (title.trim() === '') found.title = t('challenges.editor.problems.required');
    if (endsOn < startsOn) found.ends_on = t('challenges.editor.problems.endsBeforeStart');
    if (!isKnownTimeZone(zone)) found.time_zone = t('challenges.editor.problems.timeZone');
    if (target !== null && !(target > 0)) found.target = t('challenges.editor.problems.target');
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    const input: ChallengeInput = {
      title: title.trim(),
      description: description.trim(),
      metric,
      sport: sport === '' ? null : sport,
      starts_on: startsOn,
      ends_on: endsOn,
      time_zone: zone,
      target: target === null ? null : targetInSi(target),
      access,
      ...(clubId === '' ? {} : { club_id: clubId }),
    };
    create.mutate(input, {
      onSuccess: (challenge) => void navigate(paths.challenge(challenge.id)),
      onError: (error) => {
        if (error instanceof ApiError) {
          const fromServer: Problems = {};
          for (const f of error.fieldErrors) {
            if (f.field === 'title' || f.field === 'ends_on' || f.field === 'time_zone' || f.field === 'target') {
              fromServer[f.field] = f.message;
            }
          }
          setProblems(fromServer);
        }
      },
    });
  }

  return (
    <div className="challenge-editor">
      <PageHeader title={t('challenges.editor.title')} documentTitle={t('challenges.editor.documentTitle')} />
      <form className="challenge-editor__form" onSubmit={submit} noValidate>
        <TextField label={t('challenges.editor.name')} value={title} onValueChange={setTitle} error={problems.title} maxLength={100} required />
        <TextField label={t('challenges.editor.description')} value={description} onValueChange={setDescription} maxLength={2000} />
        <SelectField
          label={t('challenges.editor.metric')}
          value={metric}
          onValueChange={(value) => setMetric(value as ChallengeMetric)}
          options={metrics.map((m) => ({ value: m, label: t(`challenges.metrics.${m}`) }))}
        />
        <SelectField
          label={t('challenges.editor.sport')}
          value={sport}
          onValueChange={setSport}
          options={[
            { value: '', label: t('challenges.allSports') },
            ...cardioSports.map((s) => ({ value: s, label: t(`activity.sports.${s}`) })),
          ]}
        />
        <div className="challenge-editor__dates">
          <TextField label={t('challenges.editor.startsOn')} type="date" value={startsOn} onValueChange={setStartsOn} required />
          <TextField
            label={t('challenges.editor.endsOn')}
            type="date"
            value={endsOn}
            onValueChange={setEndsOn}
            error={problems.ends_on}
            required
          />
        </div>
        <TextField
          label={t('challenges.editor.timeZone')}
          hint={t('challenges.editor.timeZoneHint')}
          value={zone}
          onValueChange={setZone}
          error={problems.time_zone}
          required
        />
        <NumberField
          label={t('challenges.editor.target')}
          hint={t('challenges.editor.targetHint', { unit })}
          value={target}
          onValueChange={setTarget}
          error={problems.target}
        />
        <RadioGroup
          legend={t('challenges.editor.access')}
          name="access"
          value={access}
          onValueChange={setAccess}
          options={[
            { value: 'public', label: t('challenges.editor.accessPublic'), description: t('challenges.editor.accessPublicHint') },
            { value: 'invite', label: t('challenges.editor.accessInvite'), description: t('challenges.editor.accessInviteHint') },
          ]}
        />
        {create.isError && !(create.error instanceof ApiError && create.error.fieldErrors.length > 0) && (
          <ErrorState title={t('challenges.editor.failed')} message={errorMessage(create.error, t)} inline />
        )}
        <div className="challenge-page__actions">
          <Button type="submit" disabled={create.isPending}>
            {t('challenges.editor.create')}
          </Button>
          <ButtonLink to={paths.challenges} variant="ghost">
            {t('challenges.editor.cancel')}
          </ButtonLink>
        </div>
      </form>
    </div>
  );
}
