import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge, Button, ButtonLink, Card, EmptyState, ErrorState, PageHeader, Skeleton } from '@/components/ui';
import { errorMessage } from '@/lib/api/error-message';
import { formatDate } from '@/lib/format';
import { useApps } from '../api/list-apps';
import { useRegisterApp, type AppWithSecret } from '../api/register-app';
import { AppForm, appInputOf } from './app-form';
import { AppIdentity } from './app-identity';
import { SecretReveal } from './secret-reveal';
import './apps.css';

export interface DeveloperAppsPaths {
  app: (clientId: string) => string;
  connectedApps: string;
  docs?: string;
}

/** /settings/apps: the client apps the user registered, and the form to register one. */
export function DeveloperAppsPage({ paths }: { paths: DeveloperAppsPaths }) {
  const { t } = useTranslation();
  const [registering, setRegistering] = useState(false);
  const [registered, setRegistered] = useState<AppWithSecret | null>(null);
  const register = useRegisterApp();

  return (
    <div className="settings-page">
      <PageHeader
        title={t('apps.developer.title')}
        intro={t('apps.developer.intro')}
        actions={
          <ButtonLink to={paths.connectedApps} variant="secondary">
            {t('apps.connected.title')}
          </ButtonLink>
        }
      />
      <section aria-labelledby="apps-register">
        <Card className="settings-section">
          <h2 id="apps-register" className="settings-section__title">
            {t('apps.developer.registerTitle')}
          </h2>
          {registered ? (
            <SecretReveal
              name={registered.name}
              clientId={registered.client_id}
              secret={registered.client_secret}
              onDone={() => setRegistered(null)}
            />
          ) : registering ? (
            <AppForm
              mode="register"
              busy={register.isPending}
              submitLabel={t('apps.developer.registerSubmit')}
              onCancel={() => setRegistering(false)}
              onSubmit={(values, showError) =>
                register.mutate(
                  { ...appInputOf(values), confidential: values.confidential === 'confidential' },
                  {
                    onSuccess: (app) => {
                      setRegistering(false);
                      setRegistered(app);
                    },
                    onError: showError,
                  },
                )
              }
            />
          ) : (
            <>
              <p className="settings-section__intro">{t('apps.developer.registerIntro')}</p>
              <div className="form__actions">
                <Button variant="primary" onClick={() => setRegistering(true)}>
                  {t('apps.developer.register')}
                </Button>
              </div>
            </>
          )}
        </Card>
      </section>
      <section aria-labelledby="apps-mine">
        <Card className="settings-section">
          <h2 id="apps-mine" className="settings-section__title">
            {t('apps.developer.listTitle')}
          </h2>
          <AppList appPath={paths.app} />
        </Card>
      </section>
    </div>
  );
}

function AppList({ appPath }: { appPath: (clientId: string) => string }) {
  const { t, i18n } = useTranslation();
  const apps = useApps();
  if (apps.isPending) return <Skeleton width="lg" label={t('apps.developer.loading')} />;
  if (apps.isError) return <ErrorState message={errorMessage(apps.error, t)} onRetry={() => void apps.refetch()} />;
  if (apps.data.items.length === 0) return <EmptyState>{t('apps.developer.empty')}</EmptyState>;
  return (
    <ul className="item-list" aria-label={t('apps.developer.listTitle')}>
      {apps.data.items.map((app) => (
        <li key={app.client_id} className="item-list__item">
          <div className="item-list__main">
            <AppIdentity name={app.name} logoUrl={app.logo_url} />
            <p className="item-list__meta">
              {app.confidential ? t('apps.kind.confidential') : t('apps.kind.public')}
              {' · '}
              {t('apps.developer.createdAt', { when: formatDate(app.created_at, i18n.language) })}
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
          <ButtonLink to={appPath(app.client_id)} variant="secondary">
            {t('apps.developer.open')}
            <span className="visually-hidden"> {app.name}</span>
          </ButtonLink>
        </li>
      ))}
    </ul>
  );
}
