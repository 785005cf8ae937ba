import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge, Button, Card, EmptyState, ErrorState, PageHeader, SelectField, Skeleton, TextField } from '@/components/ui';
import { ApiError } from '@/lib/api/client';
import { errorMessage } from '@/lib/api/error-message';
import { formatDateTime } from '@/lib/format';
import { decisionActions, useDecideReport, type DecisionAction } from '../api/decide-report';
import { useDecideAppeal } from '../api/decide-appeal';
import { useAppeals, type AppealState, type StaffAppeal } from '../api/list-appeals';
import { useReports, type QueueReport, type ReportState } from '../api/list-reports';
import './moderation.css';

type Tab = 'reports' | 'appeals';

/** /admin/moderation: the queue of reports with their excerpts and actions, and the appeals. */
export function ModerationQueuePage() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>('reports');
  return (
    <div className="moderation-page">
      <PageHeader title={t('moderation.queue.title')} documentTitle={t('moderation.queue.documentTitle')} />
      <div className="moderation-tabs" role="group" aria-label={t('moderation.queue.tabsLabel')}>
        {(['reports', 'appeals'] as const).map((value) => (
          <Button key={value} variant={tab === value ? 'primary' : 'secondary'} aria-pressed={tab === value} onClick={() => setTab(value)}>
            {t(`moderation.queue.tabs.${value}`)}
          </Button>
        ))}
      </div>
      {tab === 'reports' ? <ReportsTab /> : <AppealsTab />}
    </div>
  );
}

function ReportsTab() {
  const { t } = useTranslation();
  const [state, setState] = useState<ReportState>('open');
  const reports = useReports(state);
  return (
    <section aria-label={t('moderation.queue.tabs.reports')}>
      <SelectField
        label={t('moderation.queue.show')}
        value={state}
        onValueChange={(value) => setState(value as ReportState)}
        options={[
          { value: 'open', label: t('moderation.queue.open') },
          { value: 'decided', label: t('moderation.queue.decided') },
        ]}
      />
      {reports.isPending ? (
        <Skeleton width="lg" label={t('moderation.queue.loading')} />
      ) : reports.isError ? (
        <ErrorState message={errorMessage(reports.error, t)} onRetry={() => void reports.refetch()} />
      ) : reports.data.items.length === 0 ? (
        <EmptyState>{t(state === 'open' ? 'moderation.queue.noOpen' : 'moderation.queue.noDecided')}</EmptyState>
      ) : (
        <ul className="moderation-list">
          {reports.data.items.map((report) => (
            <li key={report.id}>
              <ReportCard report={report} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function ReportCard({ report }: { report: QueueReport }) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  return (
    <Card className="moderation-card">
      <article aria-labelledby={headingId}>
        <h2 id={headingId} className="moderation-card__title">
          {t('moderation.queue.reportTitle', {
            kind: t(`moderation.kinds.${report.kind}`, { defaultValue: report.kind }),
            owner: report.owner.username ?? report.owner.id,
          })}
        </h2>
        <p className="moderation-card__meta">
          <Badge>{t(`moderation.reasons.${report.reason}`)}</Badge>{' '}
          {t('moderation.queue.reportedBy', {
            reporter: report.reporter.username ?? report.reporter.id,
            when: formatDateTime(report.created_at, i18n.language),
          })}{' '}
          {report.reports_on_item > 1 ? t('moderation.queue.reportCount', { count: report.reports_on_item }) : null}
        </p>
        <blockquote className="moderation-card__excerpt">{report.excerpt}</blockquote>
        {report.details ? <p className="moderation-card__details">{report.details}</p> : null}
        {report.state === 'open' ? <DecisionForm reportId={report.id} /> : null}
      </article>
    </Card>
  );
}

function DecisionForm({ reportId }: { reportId: string }) {
  const { t } = useTranslation();
  const [action, setAction] = useState<DecisionAction>('dismiss');
  const [days, setDays] = useState('7');
  const [note, setNote] = useState('');
  const decide = useDecideReport();
  const fieldError = (field: string) => (decide.error instanceof ApiError ? decide.error.fieldError(field) : undefined);
  return (
    <form
      className="form moderation-card__form"
      onSubmit={(event) => {
        event.preventDefault();
        decide.mutate({
          reportId,
          input: { action, note: note.trim(), ...(action === 'suspend' ? { days: Number(days) } : {}) },
        });
      }}
    >
      <SelectField
        label={t('moderation.queue.action')}
        value={action}
        onValueChange={(value) => setAction(value as DecisionAction)}
        options={decisionActions.map((value) => ({ value, label: t(`moderation.actions.${value}`) }))}
        error={fieldError('action')}
      />
      {action === 'suspend' ? (
        <TextField
          label={t('moderation.queue.days')}
          type="number"
          inputMode="numeric"
          min={1}
          max={365}
          value={days}
          onValueChange={setDays}
          error={fieldError('days')}
        />
      ) : null}
      <TextField label={t('moderation.queue.note')} value={note} onValueChange={setNote} maxLength={1000} error={fieldError('note')} />
      {decide.isError && !(decide.error instanceof ApiError && decide.error.fieldErrors.length > 0) ? (
        <ErrorState message={errorMessage(decide.error, t)} />
      ) : null}
      <div className="form__actions">
        <Button type="submit" variant={action === 'dismiss' ? 'secondary' : 'destructive'} disabled={decide.isPending}>
          {t('moderation.queue.decide')}
        </Button>
      </div>
    </form>
  );
}

function AppealsTab() {
  const { t } = useTranslation();
  const [state, setState] = useState<AppealState>('pending');
  const appeals = useAppeals(state);
  return (
    <section aria-label={t('moderation.queue.tabs.appeals')}>
      <SelectField
        label={t('moderation.queue.show')}
        value={state}
        onValueChange={(value) => setState(value as AppealState)}
        options={[
          { value: 'pending', label: t('moderation.queue.pending') },
          { value: 'decided', label: t('moderation.queue.decided') },
        ]}
      />
      {appeals.isPending ? (
        <Skeleton width="lg" label={t('moderation.queue.loading')} />
      ) : appeals.isError ? (
        <ErrorState message={errorMessage(appeals.error, t)} onRetry={() => void appeals.refetch()} />
      ) : appeals.data.items.length === 0 ? (
        <EmptyState>{t(state === 'pending' ? 'moderation.queue.noPending' : 'moderation.queue.noDecided')}</EmptyState>
      ) : (
        <ul className="moderation-list">
          {appeals.data.items.map((appeal) => (
            <li key={appeal.id}>
              <AppealCard appeal={appeal} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function AppealCard({ appeal }: { appeal: StaffAppeal }) {
  const { t } = useTranslation();
  const headingId = useId();
  const [note, setNote] = useState('');
  const decide = useDecideAppeal();
  const decision = appeal.decision;
  return (
    <Card className="moderation-card">
      <article aria-labelledby={headingId}>
        <h2 id={headingId} className="moderation-card__title">
          {t('moderation.queue.appealTitle', {
            user: appeal.user.username ?? appeal.user.id,
            action: t(`moderation.actions.${decision.action}`),
          })}
        </h2>
        <blockquote className="moderation-card__excerpt">{decision.excerpt}</blockquote>
        {decision.note ? <p>{t('moderation.queue.moderatorNote', { note: decision.note })}</p> : null}
        <p className="moderation-card__details">{appeal.text}</p>
        {appeal.state === 'pending' ? (
          <form className="form moderation-card__form" onSubmit={(event) => event.preventDefault()}>
            <TextField label={t('moderation.queue.note')} value={note} onValueChange={setNote} maxLength={1000} />
            {decide.isError ? <ErrorState message={errorMessage(decide.error, t)} /> : null}
            <div className="form__actions">
              <Button
                variant="secondary"
                disabled={decide.isPending}
                onClick={() => decide.mutate({ appealId: appeal.id, input: { outcome: 'upheld', note: note.trim() } })}
              >
                {t('moderation.queue.uphold')}
              </Button>
              <Button
                variant="primary"
                disabled={decide.isPending}
                onClick={() => decide.mutate({ appealId: appeal.id, input: { outcome: 'reversed', note: note.trim() } })}
              >
                {t('moderation.queue.reverse')}
              </Button>
            </div>
          </form>
        ) : (
          <p>
            <Badge>{t(`moderation.appealStates.${appeal.state}`)}</Badge>
          </p>
        )}
      </article>
    </Card>
  );
}
