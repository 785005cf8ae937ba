import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import { Badge, Button, ConfirmDialog, ErrorState, Skeleton } from '@/components/ui';
import { errorMessage } from '@/lib/api/error-message';
import { formatDateTime } from '@/lib/format';
import { useRevokeAllSessions } from '../api/revoke-all-sessions';
import { useRevokeSession } from '../api/revoke-session';
import { useSessions, type SessionInfo } from '../api/list-sessions';
import { describeUserAgent } from '../lib/user-agent';
import { Section } from './section';

export interface SessionsSectionProps {
  /** This device's session has ended (signed out here or everywhere): leave the page. */
  onSignedOut: () => void;
}

function useDeviceName() {
  const { t } = useTranslation();
  return (session: SessionInfo) => {
    const { browser, os } = describeUserAgent(session.user_agent);
    if (browser && os) return t('security.sessions.deviceOn', { browser, os });
    return browser ?? os ?? t('security.sessions.unknownDevice');
  };
}

export function SessionsSection({ onSignedOut }: SessionsSectionProps) {
  const { t, i18n } = useTranslation();
  const sessions = useSessions();
  const revoke = useRevokeSession();
  const revokeAll = useRevokeAllSessions();
  const [confirmAll, setConfirmAll] = useState(false);
  const deviceName = useDeviceName();

  let content;
  if (sessions.isPending) {
    content = <Skeleton width="lg" label={t('security.sessions.loading')} />;
  } else if (sessions.isError) {
    content = <ErrorState message={errorMessage(sessions.error, t)} onRetry={() => void sessions.refetch()} />;
  } else {
    content = (
      <ul className="item-list">
        {sessions.data.items.map((session) => {
          const name = deviceName(session);
          return (
            <li key={session.id} className="item-list__item">
              <div className="item-list__main">
                <p className="item-list__title">
                  {name} {session.current ? <Badge tone="accent">{t('security.sessions.thisDevice')}</Badge> : null}
                </p>
                <p className="item-list__meta">
                  {t('security.sessions.lastUsed', { when: formatDateTime(session.last_used_at, i18n.language) })}
                  {session.ip ? ` · ${t('security.sessions.ip', { ip: session.ip })}` : ''}
                </p>
                <p className="item-list__meta">
                  {t('security.sessions.signedInAt', { when: formatDateTime(session.created_at, i18n.language) })}
                </p>
              </div>
              <Button
                variant="destructive-subtle"
                disabled={revoke.isPending && revoke.variables === session.id}
                onClick={() =>
                  revoke.mutate(session.id, {
                    onSuccess: () => {
                      if (session.current) onSignedOut();
                    },
                  })
                }
              >
                {t('security.sessions.signOut')}
                <span className="visually-hidden"> {name}</span>
              </Button>
            </li>
          );
        })}
      </ul>
    );
  }

  return (
    <Section title={t('security.sessions.title')} intro={t('security.sessions.intro')}>
      {revoke.isError ? <ErrorState message={errorMessage(revoke.error, t)} /> : null}
      {content}
      <div className="form__actions">
        <Button
          variant="destructive-subtle"
          disabled={revokeAll.isPending}
          onClick={() => {
            revokeAll.reset();
            setConfirmAll(true);
          }}
        >
          {t('security.sessions.signOutEverywhere')}
        </Button>
      </div>
      <ConfirmDialog
        open={confirmAll}
        title={t('security.sessions.signOutEverywhereTitle')}
        cancelLabel={t('forms.cancel')}
        confirmLabel={t('security.sessions.signOutEverywhereConfirm')}
        busy={revokeAll.isPending}
        onCancel={() => setConfirmAll(false)}
        onConfirm={() =>
          revokeAll.mutate(undefined, {
            onSuccess: () => {
              setConfirmAll(false);
              onSignedOut();
            },
          })
        }
      >
        <p>{t('security.sessions.signOutEverywhereBody')}</p>
        {revokeAll.isError ? <ErrorState message={errorMessage(revokeAll.error, t)} /> : null}
      </ConfirmDialog>
    </Section>
  );
}
