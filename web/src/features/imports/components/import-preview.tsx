import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatNumber } from '@/lib/format';
import type { ImportPreview } from '../api/create-import';

/** What a CSV would create: counts, the workouts, new exercises and rows that cannot be read. */
export function ImportPreviewView({ preview }: { preview: ImportPreview }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const workoutsId = useId();
  const errorsId = useId();
  const skippedId = useId();
  return (
    <div className="import-preview">
      <dl className="import-figures">
        <div>
          <dt>{t('imports.preview.workouts')}</dt>
          <dd>{formatNumber(preview.workouts, locale)}</dd>
        </div>
        <div>
          <dt>{t('imports.preview.sets')}</dt>
          <dd>{formatNumber(preview.sets, locale)}</dd>
        </div>
        <div>
          <dt>{t('imports.preview.alreadyInLog')}</dt>
          <dd>{formatNumber(preview.workouts_skipped, locale)}</dd>
        </div>
        <div>
          <dt>{t('imports.preview.exercises')}</dt>
          <dd>{formatNumber(preview.exercises.length, locale)}</dd>
        </div>
        <div>
          <dt>{t('imports.preview.rows')}</dt>
          <dd>{formatNumber(preview.rows, locale)}</dd>
        </div>
      </dl>

      {preview.exercises_to_create.length > 0 ? (
        <p>
          {t('imports.preview.toCreate', { count: preview.exercises_to_create.length })}{' '}
          <span className="import-preview__names">{preview.exercises_to_create.join(', ')}</span>
        </p>
      ) : (
        <p>{t('imports.preview.allKnown')}</p>
      )}
      <p>{t('imports.preview.timeZone', { zone: preview.time_zone })}</p>
      {preview.unknown_columns.length > 0 ? (
        <p>{t('imports.preview.unknownColumns', { columns: preview.unknown_columns.join(', ') })}</p>
      ) : null}

      {preview.row_errors.length > 0 ? (
        <section aria-labelledby={errorsId} className="import-preview__errors">
          <h3 id={errorsId} className="import-section__title">
            {t('imports.preview.rowErrors', { count: preview.row_errors.length })}
          </h3>
          <p className="field__hint">{t('imports.preview.rowErrorsHint')}</p>
          <table className="import-table">
            <thead>
              <tr>
                <th scope="col">{t('imports.preview.row')}</th>
                <th scope="col">{t('imports.preview.column')}</th>
                <th scope="col">{t('imports.preview.problem')}</th>
              </tr>
            </thead>
            <tbody>
              {preview.row_errors.map((error) => (
                <tr key={`${error.row}-${error.column ?? ''}-${error.message}`}>
                  <td className="import-table__num">{formatNumber(error.row, locale)}</td>
                  <td>{error.column ?? ''}</td>
                  <td>{error.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}

      {preview.workouts_skipped > 0 ? (
        <section aria-labelledby={skippedId} className="import-preview__skipped">
          <h3 id={skippedId} className="import-section__title">
            {t('imports.preview.skipped', { count: preview.workouts_skipped })}
          </h3>
          <p className="field__hint">{t('imports.preview.skippedHint')}</p>
          <table className="import-table">
            <thead>
              <tr>
                <th scope="col">{t('imports.preview.row')}</th>
                <th scope="col">{t('imports.preview.when')}</th>
                <th scope="col">{t('imports.preview.title')}</th>
                <th scope="col">{t('imports.preview.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {preview.skipped.map((workout) => (
                <tr key={workout.row}>
                  <td className="import-table__num">{formatNumber(workout.row, locale)}</td>
                  <td>{formatDateTime(workout.started_at, locale, { timeZone: preview.time_zone })}</td>
                  <td>{workout.title}</td>
                  <td>{workout.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}

      {preview.preview.length > 0 ? (
        <section aria-labelledby={workoutsId}>
          <h3 id={workoutsId} className="import-section__title">
            {t('imports.preview.workoutList')}
          </h3>
          <table className="import-table">
            <thead>
              <tr>
                <th scope="col">{t('imports.preview.when')}</th>
                <th scope="col">{t('imports.preview.title')}</th>
                <th scope="col" className="import-table__num">
                  {t('imports.preview.sets')}
                </th>
              </tr>
            </thead>
            <tbody>
              {preview.preview.map((workout) => (
                <tr key={workout.row}>
                  <td>{formatDateTime(workout.started_at, locale, { timeZone: preview.time_zone })}</td>
                  <td>
                    {workout.title}
                    <span className="import-preview__exercises">{workout.exercises.join(', ')}</span>
                  </td>
                  <td className="import-table__num">{formatNumber(workout.sets, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </div>
  );
}
