import { useTranslation } from 'react-i18next';
import { Button, EmptyState, ErrorState, Skeleton } from '@/components/ui';
import { errorMessage } from '@/lib/api/error-message';
import { formatDateTime } from '@/lib/format';
import { useAuditEvents, type AuditEvent } from '../api/list-audit-events';
import { Section } from './section';

const knownKinds = [
  'signup',
  'account_created_by_operator',
  'email_verified',
  'login_succeeded',
  'login_failed',
  'second_factor_failed',
  'recovery_code_used',
  'logout',
  'session_revoked',
  'sessions_revoked_all',
  'password_changed',
  'password_reset_requested',
  'password_reset',
  'password_reset_forced',
  'email_change_requested',
  'email_changed',
  'totp_enabled',
  'totp_disabled',
  'token_created',
  'token_revoked',
  'role_changed',
  'account_disabled',
  'account_enabled',
  'account_deleted',
  'invite_created',
  'settings_changed',
  'erasure_requested',
  'erasure_cancelled',
  'account_approved',
  'consent_given',
  'consent_withdrawn',
  'privacy_policy_published',
  'moderation_report',
  'moderation_hide',
  'moderation_suspend',
  'moderation_dismiss',
  'moderation_warn',
  'moderation_appeal',
  'moderation_appeal_upheld',
  'moderation_appeal_reversed',
  'app_secret_rotated',
  'app_deleted',
  'app_disabled',
  'app_enabled',
] as const;
type KnownKind = (typeof knownKinds)[number];

function isKnown(kind: string): kind is KnownKind {
  return (knownKinds as readonly string[]).includes(kind);
}

/** `meId`: the signed-in user, so that what someone else (an admin) did says so. */
export function AuditEventsSection({ meId }: { meId: string }) {
  const { t, i18n } = useTranslation();
  const events = useAuditEvents();

  const label = (event: AuditEvent) =>
    isKnown(event.kind) ? t(`security.events.kind.${event.kind}`) : event.kind.replace(/_/g, ' ');

  let content;
  if (events.isPending) {
    content = <Skeleton width="lg" label={t('security.events.loading')} />;
  } else if (events.isError) {
    content = <ErrorState message={errorMessage(events.error, t)} onRetry={() => void events.refetch()} />;
  } else {
    const items = events.data.pages.flatMap((page) => page.items);
    content =
      items.length === 0 ? (
        <EmptyState>{t('security.events.empty')}</EmptyState>
      ) : (
        <>
          <ul className="item-list item-list--compact">
            {items.map((event) => (
              <li key={event.id} className="item-list__item">
                <div className="item-list__main">
                  <p className="item-list__title">{label(event)}</p>
                  <p className="item-list__meta">
                    <time dateTime={event.created_at}>{formatDateTime(event.created_at, i18n.language)}</time>
                    {event.ip ? ` · ${t('security.sessions.ip', { ip: event.ip })}` : ''}
                    {event.detail ? ` · ${event.detail}` : ''}
                    {event.actor_id !== null && event.actor_id !== meId ? ` · ${t('security.events.bySomeoneElse')}` : ''}
                  </p>
                </div>
              </li>
            ))}
          </ul>
          {events.hasNextPage ? (
            <div className="form__actions">
              <Button variant="secondary" disabled={events.isFetchingNextPage} onClick={() => void events.fetchNextPage()}>
                {t('security.events.more')}
              </Button>
            </div>
          ) : null}
        </>
      );
  }

  return (
    <Section title={t('security.events.title')} intro={t('security.events.intro')}>
      {content}
    </Section>
  );
}
