import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ButtonLink, Card, ConfirmDialog, EmptyState, ErrorState, PageHeader, Skeleton, useToast } from '@/components/ui';
import { errorMessage } from '@/lib/api/error-message';
import { formatDate, formatDateTime } from '@/lib/format';
import { useConnectedApps, type ConnectedApp } from '../api/list-connected-apps';
import { useRevokeConnectedApp } from '../api/revoke-connected-app';
import { AppIdentity } from './app-identity';
import { ScopeWords } from './scope-words';
import './apps.css';

/** /settings/connected-apps: the apps the user let in, what each may do, and Revoke. */
export function ConnectedAppsPage({ developerAppsPath }: { developerAppsPath: string }) {
  const { t, i18n } = useTranslation();
  const apps = useConnectedApps();
  const revoke = useRevokeConnectedApp();
  const toast = useToast();
  const [revoking, setRevoking] = useState<ConnectedApp | null>(null);

  let content;
  if (apps.isPending) {
    content = <Skeleton width="lg" label={t('apps.connected.loading')} />;
  } else if (apps.isError) {
    content = <ErrorState message={errorMessage(apps.error, t)} onRetry={() => void apps.refetch()} />;
  } else if (apps.data.items.length === 0) {
    content = <EmptyState>{t('apps.connected.empty')}</EmptyState>;
  } else {
    content = (
      <ul className="item-list" aria-label={t('apps.connected.listLabel')}>
        {apps.data.items.map((app) => (
          <li key={app.client_id} className="item-list__item">
            <div className="item-list__main">
              <AppIdentity name={app.name} logoUrl={app.logo_url} homepageUrl={app.homepage_url} />
              <ScopeWords scopes={app.scopes} label={t('apps.connected.scopesOf', { name: app.name })} />
              <p className="item-list__meta">
                {t('apps.connected.authorizedAt', { when: formatDate(app.authorized_at, i18n.language) })}
                {' · '}
                {app.last_used_at
                  ? t('apps.connected.lastUsed', { when: formatDateTime(app.last_used_at, i18n.language) })
                  : t('apps.connected.neverUsed')}
              </p>
            </div>
            <Button
              variant="destructive-subtle"
              disabled={revoke.isPending && revoke.variables === app.client_id}
              onClick={() => {
                revoke.reset();
                setRevoking(app);
              }}
            >
              {t('apps.connected.revoke')}
              <span className="visually-hidden"> {app.name}</span>
            </Button>
          </li>
        ))}
      </ul>
    );
  }

  return (
    <div className="settings-page">
      <PageHeader
        title={t('apps.connected.title')}
        intro={t('apps.connected.intro')}
        actions={
          <ButtonLink to={developerAppsPath} variant="secondary">
            {t('apps.developer.title')}
          </ButtonLink>
        }
      />
      <section aria-label={t('apps.connected.listLabel')}>
        <Card className="settings-section">{content}</Card>
      </section>
      <ConfirmDialog
        open={revoking !== null}
        title={t('apps.connected.revokeTitle', { name: revoking?.name ?? '' })}
        cancelLabel={t('forms.cancel')}
        confirmLabel={t('apps.connected.revokeConfirm')}
        busy={revoke.isPending}
        onCancel={() => setRevoking(null)}
        onConfirm={() => {
          if (!revoking) return;
          revoke.mutate(revoking.client_id, {
            onSuccess: () => {
              toast({ message: t('apps.connected.revoked', { name: revoking.name }) });
              setRevoking(null);
            },
          });
        }}
      >
        <p>{t('apps.connected.revokeBody')}</p>
        {revoke.isError ? <ErrorState message={errorMessage(revoke.error, t)} /> : null}
      </ConfirmDialog>
    </div>
  );
}
