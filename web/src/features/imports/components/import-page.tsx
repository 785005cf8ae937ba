import { useId, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, buttonClassName, Card, ErrorState, PageHeader, RadioGroup, SelectField } from '@/components/ui';
import { errorMessage } from '@/lib/api/error-message';
import { useServerEvents } from '@/lib/events';
import { useCreateImport, usePreviewImport, type ImportRequest } from '../api/create-import';
import { exportSetsCsvUrl } from '../api/export-sets';
import { useImportVigorExport } from '../api/import-vigor-export';
import { acceptedFiles, formatOfFileName, MAX_EXPORT_BYTES, MAX_IMPORT_BYTES, type CsvApp } from '../lib/formats';
import { timeZoneOptions } from '../lib/time-zones';
import type { ImportPaths } from '../paths';
import { ImportPreviewView } from './import-preview';
import { ImportProgress } from './import-progress';
import { VigorImportOutcome } from './vigor-import-outcome';
import './imports.css';

export interface ImportPageProps {
  paths: ImportPaths;
  /** The profile's IANA zone: a CSV's local times are read in it unless another is chosen. */
  timeZone?: string;
}

type Step =
  | { kind: 'choose'; problem?: string }
  | { kind: 'csv'; file: File }
  | { kind: 'job'; id: string; request: ImportRequest }
  | { kind: 'vigor'; file: File };

function ignoreHere() {}

/**
 * /import: an activity file (GPX, TCX, FIT) or a Strong / Hevy CSV export into the log, or a
 * whole Vigor export (zip) into the account.
 */
export function ImportPage({ paths, timeZone = 'UTC' }: ImportPageProps) {
  const { t } = useTranslation();
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const create = useCreateImport();
  const vigor = useImportVigorExport();
  const headingId = useId();
  // The event stream opens with the page, not after the upload: a small file is imported in
  // milliseconds, before a stream opened then would connect, and its progress would come only
  // from the read made when the stream opens. The import's own view applies the events.
  useServerEvents('import.progress', ignoreHere);

  function start(request: ImportRequest) {
    create.mutate(request, { onSuccess: (job) => setStep({ kind: 'job', id: job.id, request }) });
  }

  function choose(file: File) {
    create.reset();
    vigor.reset();
    const kind = formatOfFileName(file.name);
    if (kind === null) {
      setStep({ kind: 'choose', problem: t('imports.choose.unknownType', { file: file.name }) });
    } else if (kind === 'zip') {
      if (file.size > MAX_EXPORT_BYTES) {
        setStep({ kind: 'choose', problem: t('imports.choose.tooLarge', { file: file.name }) });
      } else {
        setStep({ kind: 'vigor', file });
        vigor.mutate(file);
      }
    } else if (file.size > MAX_IMPORT_BYTES) {
      setStep({ kind: 'choose', problem: t('imports.choose.tooLarge', { file: file.name }) });
    } else if (kind === 'csv') {
      setStep({ kind: 'csv', file });
    } else {
      setStep({ kind: 'choose' });
      start({ file, name: file.name, format: kind });
    }
  }

  const reset = () => {
    create.reset();
    vigor.reset();
    setStep({ kind: 'choose' });
  };

  return (
    <div className="import-page">
      <PageHeader title={t('imports.title')} documentTitle={t('imports.documentTitle')} intro={t('imports.intro')} />

      <Card>
        {step.kind === 'choose' ? (
          <FilePicker onFile={choose} busy={create.isPending} problem={step.problem} />
        ) : null}
        {step.kind === 'csv' ? (
          <CsvImport
            file={step.file}
            profileZone={timeZone}
            onStart={start}
            starting={create.isPending}
            onCancel={reset}
          />
        ) : null}
        {step.kind === 'job' ? (
          <ImportProgress
            key={step.id}
            id={step.id}
            fileName={step.request.name}
            paths={paths}
            onReset={reset}
            onImportAnyway={() => start({ ...step.request, allowDuplicate: true })}
          />
        ) : null}
        {step.kind === 'vigor' ? (
          <VigorImportOutcome
            fileName={step.file.name}
            pending={vigor.isPending}
            outcome={vigor.data}
            error={vigor.isError ? errorMessage(vigor.error, t) : undefined}
            onReset={reset}
          />
        ) : null}
        {create.isError ? <ErrorState message={errorMessage(create.error, t)} /> : null}
      </Card>

      <section className="import-export" aria-labelledby={`${headingId}-export`}>
        <h2 id={`${headingId}-export`} className="import-section__title">
          {t('imports.export.title')}
        </h2>
        <p>{t('imports.export.body')}</p>
        <a className={buttonClassName({ variant: 'secondary' })} href={exportSetsCsvUrl} download="sets.csv">
          {t('imports.export.link')}
        </a>
      </section>
    </div>
  );
}

/** Drop a file here, or pick one; the whole zone is a target, the button a >= 44 px control. */
function FilePicker({ onFile, busy, problem }: { onFile: (file: File) => void; busy: boolean; problem?: string | undefined }) {
  const { t } = useTranslation();
  const inputId = useId();
  const hintId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setOver(false);
    const file = event.dataTransfer.files[0];
    if (file) onFile(file);
  };

  return (
    <div
      className={over ? 'drop-zone drop-zone--over' : 'drop-zone'}
      onDragOver={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <p className="drop-zone__text">{busy ? t('imports.choose.uploading') : t('imports.choose.drop')}</p>
      <p id={hintId} className="field__hint">
        {t('imports.choose.formats')}
      </p>
      <input
        ref={input}
        id={inputId}
        type="file"
        className="visually-hidden"
        accept={acceptedFiles}
        aria-describedby={hintId}
        disabled={busy}
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) onFile(file);
        }}
      />
      <label htmlFor={inputId} className={buttonClassName({ variant: 'primary' }, 'drop-zone__button')} aria-disabled={busy || undefined}>
        {t('imports.choose.button')}
      </label>
      {problem ? <ErrorState message={problem} /> : null}
    </div>
  );
}

/** A CSV: which app wrote it and in which units, then a dry run to preview, then the import. */
function CsvImport({
  file,
  profileZone,
  onStart,
  starting,
  onCancel,
}: {
  file: File;
  profileZone: string;
  onStart: (request: ImportRequest) => void;
  starting: boolean;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [app, setApp] = useState<CsvApp>('strong_csv');
  const [weightUnit, setWeightUnit] = useState<'kg' | 'lb'>('kg');
  const [distanceUnit, setDistanceUnit] = useState<'km' | 'mi'>('km');
  const [zone, setZone] = useState(profileZone);
  const zoneHintId = useId();
  const preview = usePreviewImport();
  const request: ImportRequest = {
    file,
    name: file.name,
    format: app,
    weightUnit,
    timeZone: zone,
    ...(app === 'strong_csv' ? { distanceUnit } : {}),
  };

  if (preview.isSuccess) {
    const nothing = preview.data.sets === 0;
    return (
      <div className="csv-import">
        <h2 className="import-section__title">{t('imports.preview.heading', { file: file.name })}</h2>
        <ImportPreviewView preview={preview.data} />
        <div className="form__actions">
          <Button variant="primary" disabled={starting || nothing} onClick={() => onStart(request)}>
            {starting ? t('imports.preview.importing') : t('imports.preview.confirm')}
          </Button>
          <Button variant="secondary" onClick={onCancel}>
            {t('forms.cancel')}
          </Button>
        </div>
      </div>
    );
  }

  return (
    <form
      className="csv-import"
      onSubmit={(event) => {
        event.preventDefault();
        preview.mutate(request);
      }}
    >
      <h2 className="import-section__title">{t('imports.csv.heading', { file: file.name })}</h2>
      <RadioGroup
        legend={t('imports.csv.app')}
        name="csv-app"
        value={app}
        onValueChange={setApp}
        options={[
          { value: 'strong_csv', label: t('imports.csv.strong') },
          { value: 'hevy_csv', label: t('imports.csv.hevy') },
        ]}
      />
      <RadioGroup
        legend={t('imports.csv.weightUnit')}
        name="csv-weight-unit"
        value={weightUnit}
        onValueChange={setWeightUnit}
        options={[
          { value: 'kg', label: t('imports.csv.kg') },
          { value: 'lb', label: t('imports.csv.lb') },
        ]}
      />
      {app === 'strong_csv' ? (
        <RadioGroup
          legend={t('imports.csv.distanceUnit')}
          name="csv-distance-unit"
          value={distanceUnit}
          onValueChange={setDistanceUnit}
          options={[
            { value: 'km', label: t('imports.csv.km') },
            { value: 'mi', label: t('imports.csv.mi') },
          ]}
        />
      ) : null}
      <SelectField
        label={t('imports.csv.timeZone')}
        value={zone}
        onValueChange={setZone}
        options={timeZoneOptions(profileZone).map((value) => ({
          value,
          label: value === profileZone ? t('imports.csv.profileZone', { zone: value }) : value,
        }))}
        aria-describedby={zoneHintId}
      />
      <p id={zoneHintId} className="field__hint">
        {t('imports.csv.timeZoneHint')}
      </p>
      {preview.isError ? <ErrorState message={errorMessage(preview.error, t)} /> : null}
      <div className="form__actions">
        <Button type="submit" variant="primary" disabled={preview.isPending}>
          {preview.isPending ? t('imports.csv.checking') : t('imports.csv.preview')}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t('forms.cancel')}
        </Button>
      </div>
    </form>
  );
}
