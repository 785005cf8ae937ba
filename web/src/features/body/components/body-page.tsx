import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Card, ConfirmDialog, EmptyState, ErrorState, Notice, NumberField, PageHeader, RadioGroup, SelectField, Skeleton, TextField } from '@/components/ui';
import { errorMessage } from '@/lib/api/error-message';
import { formatDate, formatNumber } from '@/lib/format';
import { useForm } from '@/lib/forms/use-form';
import { useUnitSystem, type UnitSystem } from '@/lib/units';
import { useDeleteMeasurement } from '../api/delete-measurement';
import { useMeasurementKinds, type MeasurementKindSummary } from '../api/list-measurement-kinds';
import { useMeasurements, type Measurement } from '../api/list-measurements';
import { usePutMeasurement } from '../api/put-measurement';
import {
  builtInKinds,
  displayUnit,
  fromDisplayValue,
  isBuiltIn,
  KIND_PATTERN,
  kindFromLabel,
  labelFromKind,
  rangeCheck,
  storedUnit,
  todayIn,
  toDisplayValue,
} from '../lib/kinds';
import { chartRanges, pointsInRange, type ChartRange } from '../lib/chart';
import { TrendChart } from './trend-chart';
import './body.css';

const NEW_KIND = '__new__';

/** The unit a kind is shown in; an own kind's comes from the server's list of the user's kinds. */
function unitOf(kind: string, system: UnitSystem, own: readonly MeasurementKindSummary[]): string {
  return displayUnit(kind, system, own.find((k) => k.kind === kind)?.unit ?? '');
}

/**
 * /body: record weight, body fat, circumferences, resting heart rate and own measurements for a
 * day; see each kind's trend. The user's own kinds come from the server, so every device lists
 * them; lengths are stored in metres and shown in cm or in. Days are the user's profile's
 * `timeZone`'s: a day after its today is refused, as the server does.
 */
export function BodyPage({ timeZone }: { timeZone: string }) {
  const { t } = useTranslation();
  const [system] = useUnitSystem();
  const kinds = useMeasurementKinds();
  const ownKinds = (kinds.data?.items ?? []).filter((k) => !isBuiltIn(k.kind));
  const [viewKind, setViewKind] = useState<string>('weight');
  const historyId = useId();
  const kindLabel = (kind: string) => (isBuiltIn(kind) ? t(`body.kinds.${kind}`) : labelFromKind(kind));
  const kindOptions = [
    ...builtInKinds.map((k) => ({ value: k as string, label: t(`body.kinds.${k}`) })),
    ...ownKinds.map((k) => ({ value: k.kind, label: labelFromKind(k.kind) })),
  ];

  return (
    <div className="body-page">
      <PageHeader title={t('body.title')} documentTitle={t('body.documentTitle')} />
      {kinds.isError ? (
        <ErrorState message={t('body.kindsError')} onRetry={() => void kinds.refetch()} />
      ) : null}
      <RecordForm
        system={system}
        timeZone={timeZone}
        kindOptions={kindOptions}
        ownKinds={ownKinds}
        onSaved={setViewKind}
      />
      <section className="body-section" aria-labelledby={historyId}>
        <div className="body-section__head">
          <h2 id={historyId} className="body-section__title">
            {t('body.historyTitle')}
          </h2>
          <SelectField label={t('body.show')} value={viewKind} onValueChange={setViewKind} options={kindOptions} />
        </div>
        <KindHistory
          kind={viewKind}
          label={kindLabel(viewKind)}
          unit={unitOf(viewKind, system, ownKinds)}
          system={system}
          today={todayIn(timeZone)}
        />
      </section>
    </div>
  );
}

interface RecordFormProps {
  system: UnitSystem;
  timeZone: string;
  kindOptions: Array<{ value: string; label: string }>;
  ownKinds: readonly MeasurementKindSummary[];
  onSaved: (kind: string) => void;
}

type MeasurementPut = { kind: string; day: string; value: number; unit?: string; visibility?: 'private' | 'followers' | 'public' };

function RecordForm({ system, timeZone, kindOptions, ownKinds, onSaved }: RecordFormProps) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const put = usePutMeasurement();
  const [value, setValue] = useState<number | null>(null);
  const [valueError, setValueError] = useState<string | undefined>();
  const [saved, setSaved] = useState<string | null>(null);
  // A value for a day that has one already waits here for the user to confirm the replacement.
  const [replacing, setReplacing] = useState<{ input: MeasurementPut; old: Measurement } | null>(null);
  const [visibility, setVisibility] = useState<'default' | 'private' | 'followers' | 'public'>('default');
  const today = todayIn(timeZone);
  const form = useForm({
    initial: { kind: 'weight', newKind: '', unit: '', day: today },
    validate: (v) => {
      const errors: Partial<Record<'newKind' | 'day', string>> = {};
      if (v.kind === NEW_KIND && !KIND_PATTERN.test(kindFromLabel(v.newKind))) errors.newKind = t('body.kindRequired');
      if (!/^\d{4}-\d{2}-\d{2}$/.test(v.day)) errors.day = t('body.dayRequired');
      else if (v.day > todayIn(timeZone)) errors.day = t('body.dayInFuture');
      return errors;
    },
  });
  const kind = form.values.kind === NEW_KIND ? kindFromLabel(form.values.newKind) : form.values.kind;
  // A new kind named like a built-in one ("Waist") is that kind, in its unit.
  const typedUnit = form.values.kind === NEW_KIND && !isBuiltIn(kind);
  const unit = typedUnit ? form.values.unit.trim() : unitOf(kind, system, ownKinds);
  // The kind's entries, to find one on the same day; only kinds that can have entries are asked.
  const knownKind = isBuiltIn(kind) || ownKinds.some((k) => k.kind === kind);
  const sameKind = useMeasurements(kind, { enabled: knownKind });
  const n = (x: number) => formatNumber(x, i18n.language, { maxFractionDigits: 2 });
  const dayText = (d: string) => formatDate(`${d}T12:00:00Z`, i18n.language, { timeZone: 'UTC' });
  const kindText = (k: string) => (isBuiltIn(k) ? t(`body.kinds.${k}`) : labelFromKind(k));

  const save = (input: MeasurementPut, wasNewKind: boolean) => {
    setReplacing(null);
    // "My default": named none, so the day's entry keeps its own and a new one takes the setting.
    if (visibility !== 'default') input = { ...input, visibility };
    put.mutate(input, {
      onSuccess: (measurement) => {
        setSaved(
          t('body.saved', {
            what: kindText(input.kind),
            value: `${n(toDisplayValue(input.kind, measurement.value, system))} ${unit}`.trim(),
            day: dayText(measurement.day),
          }),
        );
        onSaved(input.kind);
        setValue(null);
        if (wasNewKind) form.reset({ ...form.values, kind: input.kind, newKind: '', unit: '' });
      },
      onError: form.showError,
    });
  };

  const submit = form.handleSubmit((v) => {
    setSaved(null);
    if (value === null) {
      setValueError(t('body.valueRequired'));
      return;
    }
    const stored = fromDisplayValue(kind, value, system);
    const range = rangeCheck(kind, stored, system);
    if (range && !range.ok) {
      const n = (x: number) => formatNumber(x, i18n.language, { maxFractionDigits: 1 });
      setValueError(
        t(range.minExclusive ? 'body.valueAbove' : 'body.valueRange', { min: n(range.min), max: n(range.max), unit }),
      );
      return;
    }
    // A built-in kind goes in its SI unit (kg, m, ...), an own kind in the unit typed for it.
    const sentUnit = storedUnit(kind) ?? (unit || undefined);
    const input: MeasurementPut = { kind, day: v.day, value: stored, ...(sentUnit ? { unit: sentUnit } : {}) };
    const old = knownKind ? sameKind.data?.items.find((m) => m.day === v.day) : undefined;
    if (old) {
      setReplacing({ input, old });
      return;
    }
    save(input, v.kind === NEW_KIND);
  });

  return (
    <section aria-labelledby={headingId}>
      <Card>
        <form ref={form.formRef} className="form" onSubmit={submit} noValidate>
          <h2 id={headingId} className="body-section__title">
            {t('body.recordTitle')}
          </h2>
          <div className="body-form__row">
            <SelectField
              label={t('body.kind')}
              value={form.values.kind}
              onValueChange={(v) => form.setValue('kind', v)}
              options={[...kindOptions, { value: NEW_KIND, label: t('body.newKind') }]}
            />
            <TextField
              type="date"
              label={t('body.day')}
              value={form.values.day}
              max={today}
              onValueChange={(v) => form.setValue('day', v)}
              error={form.errors.day}
            />
          </div>
          {form.values.kind === NEW_KIND ? (
            <div className="body-form__row">
              <TextField
                label={t('body.newKindName')}
                hint={t('body.newKindHint')}
                value={form.values.newKind}
                maxLength={40}
                onValueChange={(v) => form.setValue('newKind', v)}
                error={form.errors.newKind}
              />
              {typedUnit ? (
                <TextField
                  label={t('body.unit')}
                  hint={t('body.unitHint')}
                  value={form.values.unit}
                  maxLength={16}
                  onValueChange={(v) => form.setValue('unit', v)}
                />
              ) : null}
            </div>
          ) : null}
          <NumberField
            label={t('body.value')}
            unit={unit}
            value={value}
            min={0}
            max={kind === 'body_fat' ? 100 : 100000}
            onValueChange={(v) => {
              setValue(v);
              setValueError(undefined);
            }}
            error={valueError ?? form.errors.kind}
          />
          <RadioGroup
            legend={t('body.visibility.legend')}
            name="visibility"
            value={visibility}
            onValueChange={setVisibility}
            options={[
              { value: 'default', label: t('body.visibility.default'), description: t('body.visibility.defaultHint') },
              { value: 'private', label: t('body.visibility.private') },
              { value: 'followers', label: t('body.visibility.followers') },
              { value: 'public', label: t('body.visibility.public') },
            ]}
          />
          {form.formError ? <ErrorState message={form.formError} /> : null}
          {saved ? <Notice>{saved}</Notice> : null}
          <div className="form__actions">
            <Button type="submit" variant="primary" disabled={put.isPending}>
              {put.isPending ? t('body.saving') : t('body.save')}
            </Button>
          </div>
        </form>
      </Card>
      <ConfirmDialog
        open={replacing !== null}
        title={t('body.replaceTitle')}
        tone="primary"
        cancelLabel={t('body.keep')}
        confirmLabel={t('body.replace')}
        onCancel={() => setReplacing(null)}
        onConfirm={() => replacing && save(replacing.input, form.values.kind === NEW_KIND)}
      >
        {replacing ? (
          <p>
            {t('body.replaceBody', {
              what: kindText(replacing.input.kind),
              day: dayText(replacing.input.day),
              old: `${n(toDisplayValue(replacing.input.kind, replacing.old.value, system))} ${unit}`.trim(),
              value: `${n(toDisplayValue(replacing.input.kind, replacing.input.value, system))} ${unit}`.trim(),
            })}
          </p>
        ) : null}
      </ConfirmDialog>
    </section>
  );
}

interface KindHistoryProps {
  kind: string;
  label: string;
  unit: string;
  system: UnitSystem;
  /** Today in the user's time zone: where the chart's ranges end. */
  today: string;
}

function KindHistory({ kind, label, unit, system, today }: KindHistoryProps) {
  const { t, i18n } = useTranslation();
  const measurements = useMeasurements(kind);
  const remove = useDeleteMeasurement();
  const [range, setRange] = useState<ChartRange>('all');
  const [deleting, setDeleting] = useState<Measurement | null>(null);

  if (measurements.isPending) return <Skeleton width="lg" label={t('body.loading')} />;
  if (measurements.isError) {
    return <ErrorState message={errorMessage(measurements.error, t)} onRetry={() => void measurements.refetch()} />;
  }
  const items: Measurement[] = measurements.data.items;
  if (items.length === 0) return <EmptyState>{t('body.empty', { what: label })}</EmptyState>;
  const points = pointsInRange(
    items.map((m) => ({ day: m.day, value: toDisplayValue(kind, m.value, system) })),
    range,
    today,
  );
  const n = (v: number) => formatNumber(v, i18n.language, { maxFractionDigits: 2 });
  const day = (d: string) => formatDate(`${d}T12:00:00Z`, i18n.language, { timeZone: 'UTC' });

  return (
    <>
      <div className="body-range" role="group" aria-label={t('body.range.label')}>
        {chartRanges.map((r) => (
          <Button
            key={r}
            variant={r === range ? 'primary' : 'secondary'}
            aria-pressed={r === range}
            onClick={() => setRange(r)}
          >
            {t(`body.range.${r}`)}
          </Button>
        ))}
      </div>
      {points.length > 0 ? (
        <TrendChart
          points={points}
          title={t('body.chart.title', { what: label })}
          yLabel={unit ? t('body.chart.yLabel', { what: label, unit }) : label}
          unit={unit}
        />
      ) : (
        <EmptyState>{t('body.rangeEmpty', { what: label })}</EmptyState>
      )}
      {remove.isError ? <ErrorState message={errorMessage(remove.error, t)} /> : null}
      <table className="body-table">
        <caption className="body-table__caption">{t('body.tableCaption', { what: label })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('body.day')}</th>
            <th scope="col">{unit ? t('body.chart.yLabel', { what: label, unit }) : label}</th>
            <th scope="col">
              <span className="visually-hidden">{t('body.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {[...items].reverse().map((m) => (
            <tr key={m.id}>
              <td>{day(m.day)}</td>
              <td>{n(toDisplayValue(kind, m.value, system))}</td>
              <td>
                <Button variant="destructive-subtle" disabled={remove.isPending} onClick={() => setDeleting(m)}>
                  {t('body.delete')}
                  <span className="visually-hidden"> {t('body.entryOf', { day: day(m.day) })}</span>
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ConfirmDialog
        open={deleting !== null}
        title={t('body.deleteTitle')}
        cancelLabel={t('forms.cancel')}
        confirmLabel={t('body.delete')}
        onCancel={() => setDeleting(null)}
        onConfirm={() => {
          if (deleting) remove.mutate({ id: deleting.id, kind });
          setDeleting(null);
        }}
      >
        {deleting ? (
          <p>
            {t('body.deleteBody', {
              what: label,
              day: day(deleting.day),
              value: `${n(toDisplayValue(kind, deleting.value, system))} ${unit}`.trim(),
            })}
          </p>
        ) : null}
      </ConfirmDialog>
    </>
  );
}
