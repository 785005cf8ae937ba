import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button, ButtonLink, ConfirmDialog, ErrorState, Notice } from '@/components/ui';
import { errorMessage } from '@/lib/api/error-message';
import { formatNumber } from '@/lib/format';
import type { Import } from '../api/create-import';
import { useDeleteImport } from '../api/delete-import';
import { useImport } from '../api/get-import';
import { importView } from '../lib/import-state';
import type { ImportPaths } from '../paths';

export interface ImportProgressProps {
  id: string;
  fileName: string;
  paths: ImportPaths;
  /** After an undo, or to import another file. */
  onReset: () => void;
  /** Asks again with allow_duplicate=true, after a duplicate. */
  onImportAnyway?: (() => void) | undefined;
}

function count(value: unknown): number {
  return typeof value === 'number' ? value : Array.isArray(value) ? value.length : 0;
}

/** Polls the job and shows its progress, then its outcome: links, or the error. */
export function ImportProgress({ id, fileName, paths, onReset, onImportAnyway }: ImportProgressProps) {
  const { t, i18n } = useTranslation();
  const job = useImport(id);
  const view = importView(job.data);
  const undo = useDeleteImport();
  const [undone, setUndone] = useState(false);
  const labelId = useId();

  if (undone) {
    return (
      <div className="import-outcome">
        <Notice title={t('imports.undone.title')}>
          <p>{t('imports.undone.body', { file: fileName })}</p>
        </Notice>
        <Button variant="secondary" onClick={onReset}>
          {t('imports.another')}
        </Button>
      </div>
    );
  }

  if (job.isError) {
    return <ErrorState message={errorMessage(job.error, t)} onRetry={() => void job.refetch()} />;
  }

  if (!view.finished) {
    const status = view.phase === 'queued' ? t('imports.progress.queued') : t('imports.progress.running');
    return (
      <div className="import-progress">
        <p id={labelId} className="import-progress__label">
          {t('imports.progress.label', { file: fileName })}
        </p>
        <progress
          className="import-progress__bar"
          aria-labelledby={labelId}
          max={100}
          {...(view.percent !== null ? { value: view.percent } : {})}
        />
        <p className="import-progress__status" role="status">
          {view.percent !== null ? `${status} ${formatNumber(view.percent, i18n.language)} %` : status}
        </p>
      </div>
    );
  }

  if (view.phase === 'failed' && view.error) {
    const duplicate = view.error.status === 409;
    return (
      <div className="import-outcome">
        <ErrorState
          title={duplicate ? t('imports.failed.duplicateTitle') : t('imports.failed.title')}
          message={view.error.detail || t('imports.failed.unknown')}
        />
        <div className="form__actions">
          {duplicate && view.error.existingWorkoutId ? (
            <ButtonLink to={paths.workout(view.error.existingWorkoutId)} variant="primary">
              {t('imports.failed.openExisting')}
            </ButtonLink>
          ) : null}
          {duplicate && onImportAnyway ? (
            <Button variant="secondary" onClick={onImportAnyway}>
              {t('imports.failed.importAnyway')}
            </Button>
          ) : null}
          <Button variant="secondary" onClick={onReset}>
            {t('imports.another')}
          </Button>
        </div>
      </div>
    );
  }

  return <ImportSucceeded job={job.data as Import} fileName={fileName} paths={paths} onReset={onReset} undo={() => undo.mutate(id, { onSuccess: () => setUndone(true) })} undoState={undo} />;
}

function ImportSucceeded({
  job,
  fileName,
  paths,
  onReset,
  undo,
  undoState,
}: {
  job: Import;
  fileName: string;
  paths: ImportPaths;
  onReset: () => void;
  undo: () => void;
  undoState: ReturnType<typeof useDeleteImport>;
}) {
  const { t } = useTranslation();
  const [confirmUndo, setConfirmUndo] = useState(false);
  const view = importView(job);
  const result = job.result ?? {};
  const workouts = count(result.workouts_created);
  const sets = count(result.sets_created);
  const exercises = count(result.exercises_created);
  const rowErrors = count(result.row_errors);
  const duplicates = count(result.workouts_skipped);
  return (
    <div className="import-outcome">
      <Notice title={t('imports.succeeded.title')}>
        <p>
          {sets > 0
            ? t('imports.succeeded.log', { workouts, sets, exercises })
            : t('imports.succeeded.activity', { count: workouts })}
        </p>
        {rowErrors > 0 ? <p>{t('imports.succeeded.skipped', { count: rowErrors })}</p> : null}
        {duplicates > 0 ? <p>{t('imports.succeeded.duplicates', { count: duplicates })}</p> : null}
      </Notice>
      <div className="form__actions">
        {view.workoutIds.length === 1 ? (
          <ButtonLink to={paths.workout(view.workoutIds[0] as string)} variant="primary">
            {t('imports.succeeded.open')}
          </ButtonLink>
        ) : (
          <ButtonLink to={paths.history} variant="primary">
            {t('imports.succeeded.openHistory')}
          </ButtonLink>
        )}
        <Button variant="secondary" onClick={onReset}>
          {t('imports.another')}
        </Button>
        <Button variant="destructive-subtle" onClick={() => setConfirmUndo(true)} disabled={undoState.isPending}>
          {undoState.isPending ? t('imports.undo.pending') : t('imports.undo.button')}
        </Button>
      </div>
      {view.workoutIds.length > 1 ? (
        <ul className="item-list">
          {view.workoutIds.map((workoutId, i) => (
            <li key={workoutId} className="item-list__item">
              <Link to={paths.workout(workoutId)}>{t('imports.succeeded.workoutN', { number: i + 1, file: fileName })}</Link>
            </li>
          ))}
        </ul>
      ) : null}
      {undoState.isError ? <ErrorState message={errorMessage(undoState.error, t)} /> : null}
      <ConfirmDialog
        open={confirmUndo}
        title={t('imports.undo.title')}
        cancelLabel={t('forms.cancel')}
        confirmLabel={t('imports.undo.confirm')}
        busy={undoState.isPending}
        onCancel={() => setConfirmUndo(false)}
        onConfirm={() => {
          setConfirmUndo(false);
          undo();
        }}
      >
        {t('imports.undo.body')}
      </ConfirmDialog>
    </div>
  );
}
