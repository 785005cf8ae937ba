import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Dialog, ErrorState, Notice, SelectField } from '@/components/ui';
import { ApiError } from '@/lib/api/client';
import { errorMessage } from '@/lib/api/error-message';
import { reportReasons, useCreateReport, type ReportReason } from './create-report';

/** What can be reported: the kinds the server's features register. */
export type ReportKind = 'user' | 'workout' | 'comment' | 'club' | 'club_post';

export interface ReportButtonProps {
  kind: ReportKind;
  /** The item's id; for a user, the username. */
  id: string;
  /** The owner's username, for ids that are per user (workouts). */
  owner?: string | undefined;
  /** Names the button for screen readers when several are on a page ("Report Anna's comment"). */
  label?: string | undefined;
}

/** Largest details the server accepts (api/openapi.yaml ReportInput). */
const DETAILS_MAX = 1000;

/**
 * "Report" and its dialog: a reason, optional details, sent to the moderators. Any feature
 * may put it next to content of another user. Reporting the same thing again is harmless (the
 * server answers with the open report).
 */
export function ReportButton({ kind, id, owner, label }: ReportButtonProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState<ReportReason>('spam');
  const [details, setDetails] = useState('');
  const report = useCreateReport();
  const detailsId = useId();
  const detailsError = report.error instanceof ApiError ? report.error.fieldError('details') : undefined;

  const close = () => {
    setOpen(false);
    report.reset();
    setDetails('');
  };

  return (
    <>
      <Button variant="ghost" onClick={() => setOpen(true)} aria-label={label}>
        {t('moderation.report.button')}
      </Button>
      <Dialog open={open} title={t('moderation.report.title')} onClose={close}>
        {report.isSuccess ? (
          <>
            <Notice>{t('moderation.report.sent')}</Notice>
            <div className="dialog__actions">
              <Button variant="primary" onClick={close} data-autofocus>
                {t('moderation.report.close')}
              </Button>
            </div>
          </>
        ) : (
          <form
            className="form"
            onSubmit={(event) => {
              event.preventDefault();
              report.mutate({ kind, id, reason, details: details.trim(), ...(owner ? { owner } : {}) });
            }}
          >
            <p>{t('moderation.report.intro')}</p>
            <SelectField
              label={t('moderation.report.reason')}
              value={reason}
              onValueChange={(value) => setReason(value as ReportReason)}
              options={reportReasons.map((value) => ({ value, label: t(`moderation.reasons.${value}`) }))}
            />
            <div className="field">
              <label className="field__label" htmlFor={detailsId}>
                {t('moderation.report.details')}
              </label>
              <textarea
                id={detailsId}
                className="field__input"
                rows={3}
                maxLength={DETAILS_MAX}
                value={details}
                onChange={(event) => setDetails(event.target.value)}
                aria-invalid={detailsError ? true : undefined}
                aria-describedby={detailsError ? `${detailsId}-error` : undefined}
              />
              {detailsError ? (
                <p id={`${detailsId}-error`} className="field__error">
                  {detailsError}
                </p>
              ) : null}
            </div>
            {report.isError && !detailsError ? <ErrorState message={errorMessage(report.error, t)} /> : null}
            <div className="dialog__actions">
              <Button variant="secondary" onClick={close}>
                {t('moderation.report.cancel')}
              </Button>
              <Button type="submit" variant="primary" disabled={report.isPending}>
                {t('moderation.report.send')}
              </Button>
            </div>
          </form>
        )}
      </Dialog>
    </>
  );
}
