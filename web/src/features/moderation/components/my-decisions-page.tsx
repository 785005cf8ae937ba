import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge, Button, Card, EmptyState, ErrorState, PageHeader, Skeleton } from '@/components/ui';
import { ApiError } from '@/lib/api/client';
import { errorMessage } from '@/lib/api/error-message';
import { formatDateTime } from '@/lib/format';
import { useAppealDecision } from '../api/appeal-decision';
import { useMyDecisions, type MyDecision } from '../api/list-my-decisions';
import './moderation.css';

/** Largest appeal the server accepts (api/openapi.yaml AppealInput). */
const APPEAL_MAX = 2000;

/** /settings/moderation: what moderators decided about my content or account; one appeal each. */
export function MyDecisionsPage() {
  const { t } = useTranslation();
  return (
    <div className="moderation-page">
      <PageHeader title={t('moderation.mine.title')} documentTitle={t('moderation.mine.documentTitle')} />
      <MyDecisionsList />
    </div>
  );
}

/** The decisions about me, each with its appeal (or the form for the one appeal). */
export function MyDecisionsList() {
  const { t } = useTranslation();
  const decisions = useMyDecisions();
  return (
    <>
      {decisions.isPending ? (
        <Skeleton width="lg" label={t('moderation.mine.loading')} />
      ) : decisions.isError ? (
        <ErrorState message={errorMessage(decisions.error, t)} onRetry={() => void decisions.refetch()} />
      ) : decisions.data.items.length === 0 ? (
        <EmptyState>{t('moderation.mine.empty')}</EmptyState>
      ) : (
        <ul className="moderation-list">
          {decisions.data.items.map((decision) => (
            <li key={decision.id}>
              <DecisionCard decision={decision} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function DecisionCard({ decision }: { decision: MyDecision }) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  return (
    <Card className="moderation-card">
      <article aria-labelledby={headingId}>
        <h2 id={headingId} className="moderation-card__title">
          {t(`moderation.mine.headline.${decision.action}`, {
            kind: t(`moderation.kinds.${decision.kind}`, { defaultValue: decision.kind }),
          })}
        </h2>
        <p className="moderation-card__meta">
          {formatDateTime(decision.created_at, i18n.language)}
          {decision.reversed_at ? (
            <>
              {' '}
              <Badge>{t('moderation.mine.reversed')}</Badge>
            </>
          ) : null}
        </p>
        {decision.suspended_until ? (
          <p>{t('moderation.mine.suspendedUntil', { until: formatDateTime(decision.suspended_until, i18n.language) })}</p>
        ) : null}
        <blockquote className="moderation-card__excerpt">{decision.excerpt}</blockquote>
        {decision.note ? <p>{t('moderation.queue.moderatorNote', { note: decision.note })}</p> : null}
        {decision.appeal ? (
          <div className="moderation-card__appeal">
            <p>
              {t('moderation.mine.yourAppeal')} <Badge>{t(`moderation.appealStates.${decision.appeal.state}`)}</Badge>
            </p>
            <p className="moderation-card__details">{decision.appeal.text}</p>
            {decision.appeal.outcome_note ? (
              <p>{t('moderation.queue.moderatorNote', { note: decision.appeal.outcome_note })}</p>
            ) : null}
          </div>
        ) : (
          <AppealForm decisionId={decision.id} />
        )}
      </article>
    </Card>
  );
}

function AppealForm({ decisionId }: { decisionId: string }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const appeal = useAppealDecision();
  const textId = useId();
  const fieldError = appeal.error instanceof ApiError ? appeal.error.fieldError('text') : undefined;
  return (
    <form
      className="form moderation-card__form"
      onSubmit={(event) => {
        event.preventDefault();
        if (text.trim()) appeal.mutate({ decisionId, text: text.trim() });
      }}
    >
      <div className="field">
        <label className="field__label" htmlFor={textId}>
          {t('moderation.mine.appealLabel')}
        </label>
        <p className="field__hint" id={`${textId}-hint`}>
          {t('moderation.mine.appealHint')}
        </p>
        <textarea
          id={textId}
          className="field__input"
          rows={3}
          maxLength={APPEAL_MAX}
          required
          value={text}
          onChange={(event) => setText(event.target.value)}
          aria-invalid={fieldError ? true : undefined}
          aria-describedby={fieldError ? `${textId}-hint ${textId}-error` : `${textId}-hint`}
        />
        {fieldError ? (
          <p id={`${textId}-error`} className="field__error">
            {fieldError}
          </p>
        ) : null}
      </div>
      {appeal.isError && !fieldError ? <ErrorState message={errorMessage(appeal.error, t)} /> : null}
      <div className="form__actions">
        <Button type="submit" variant="primary" disabled={appeal.isPending || !text.trim()}>
          {t('moderation.mine.appeal')}
        </Button>
      </div>
    </form>
  );
}
