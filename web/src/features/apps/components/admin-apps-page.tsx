import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge, Button, Card, EmptyState, ErrorState, PageHeader, Skeleton } from '@/components/ui';
import { errorMessage } from '@/lib/api/error-message';
import { formatDate } from '@/lib/format';
import { useAdminApps } from '../api/admin-list-apps';
import { useAdminSetAppDisabled } from '../api/admin-set-disabled';
import { AppIdentity } from './app-identity';
import './apps.css';

/** /admin/apps: every client app with its owner; disable (its users' access ends) or enable. */
export function AdminAppsPage({ nav }: { nav?: ReactNode }) {
  const { t, i18n } = useTranslation();
  const apps = useAdminApps();
  const setDisabled = useAdminSetAppDisabled();

  let content;
  if (apps.isPending) {
    content = <Skeleton width="lg" label={t('apps.admin.loading')} />;
  } else if (apps.isError) {
    content = <ErrorState message={errorMessage(apps.error, t)} onRetry={() => void apps.refetch()} />;
  } else {
    const items = apps.data.pages.flatMap((page) => page.items);
    content =
      items.length === 0 ? (
        <EmptyState>{t('apps.admin.empty')}</EmptyState>
      ) : (
        <>
          <ul className="item-list" aria-label={t('apps.admin.listLabel')}>
            {items.map((app) => {
              const busy = setDisabled.isPending && setDisabled.variables.clientId === app.client_id;
              return (
                <li key={app.client_id} className="item-list__item">
                  <div className="item-list__main">
                    <AppIdentity name={app.name} logoUrl={app.logo_url} homepageUrl={app.homepage_url} />
                    <p className="item-list__meta">
                      {t('apps.admin.owner', { username: app.owner_username })}
                      {' · '}
                      {app.confidential ? t('apps.kind.confidential') : t('apps.kind.public')}
                      {' · '}
                      {formatDate(app.created_at, i18n.language)}
                      {app.disabled ? (
                        <>
                          {' '}
                          <Badge tone="danger">{t('apps.disabled')}</Badge>
                        </>
                      ) : null}
                    </p>
                    <p className="item-list__meta">
                      <code className="app-code">{app.client_id}</code>
                    </p>
                  </div>
                  <Button
                    variant={app.disabled ? 'secondary' : 'destructive-subtle'}
                    disabled={busy}
                    onClick={() => setDisabled.mutate({ clientId: app.client_id, disabled: !app.disabled })}
                  >
                    {app.disabled ? t('apps.admin.enable') : t('apps.admin.disable')}
                    <span className="visually-hidden"> {app.name}</span>
                  </Button>
                </li>
              );
            })}
          </ul>
          {setDisabled.isError ? <ErrorState message={errorMessage(setDisabled.error, t)} /> : null}
          {apps.hasNextPage ? (
            <div className="form__actions">
              <Button variant="secondary" disabled={apps.isFetchingNextPage} onClick={() => void apps.fetchNextPage()}>
                {t('apps.admin.more')}
              </Button>
            </div>
          ) : null}
        </>
      );
  }

  return (
    <div className="admin-page settings-page">
      <PageHeader title={t('apps.admin.title')} intro={t('apps.admin.intro')} />
      {nav}
      <Card className="settings-section">{content}</Card>
    </div>
  );
}
