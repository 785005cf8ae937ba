import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ErrorState } from '@/components/ui';
import { formatNumber } from '@/lib/format';
import type { AccountImport } from '../api/import-vigor-export';

export interface VigorImportOutcomeProps {
  fileName: string;
  pending: boolean;
  outcome: AccountImport | undefined;
  error: string | undefined;
  onReset: () => void;
}

function sum(counts: Record<string, number> | undefined): number {
  return Object.values(counts ?? {}).reduce((a, b) => a + b, 0);
}

/** The import of a Vigor export: uploading, then how many records came and which were left out. */
export function VigorImportOutcome({ fileName, pending, outcome, error, onReset }: VigorImportOutcomeProps) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const again = (
    <div className="form__actions">
      <Button variant="secondary" onClick={onReset}>
        {t('imports.vigor.another')}
      </Button>
    </div>
  );
  if (pending) {
    return (
      <p className="import-progress__status" role="status">
        {t('imports.vigor.uploading', { file: fileName })}
      </p>
    );
  }
  if (error || outcome?.status === 'failed') {
    return (
      <div className="import-outcome">
        <ErrorState title={t('imports.vigor.failedTitle')} message={error ?? outcome?.error ?? t('imports.failed.unknown')} />
        {again}
      </div>
    );
  }
  if (!outcome || !outcome.report) {
    return (
      <div className="import-outcome">
        <p role="status">{t('imports.vigor.queued')}</p>
        {again}
      </div>
    );
  }
  const skipped = Object.entries(outcome.report.skipped).filter(([, n]) => n > 0);
  return (
    <section className="import-outcome" aria-labelledby={headingId}>
      <h2 id={headingId} className="import-section__title">
        {t('imports.vigor.doneTitle')}
      </h2>
      <p role="status">
        {t('imports.vigor.added', { count: sum(outcome.report.inserted), formatted: formatNumber(sum(outcome.report.inserted), i18n.language) })}
      </p>
      {skipped.length > 0 ? (
        <ul>
          {skipped.map(([reason, n]) => (
            <li key={reason}>{t(`imports.vigor.skipped.${reason}`, { count: n, defaultValue: `${reason}: ${n}` })}</li>
          ))}
        </ul>
      ) : null}
      {again}
    </section>
  );
}
