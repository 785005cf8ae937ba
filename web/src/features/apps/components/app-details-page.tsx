import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Badge, Button, ButtonLink, Card, ConfirmDialog, CopyButton, ErrorState, PageHeader, Skeleton, useToast } from '@/components/ui';
import { ApiError } from '@/lib/api/client';
import { errorMessage } from '@/lib/api/error-message';
import { formatDateTime } from '@/lib/format';
import { useDeleteApp } from '../api/delete-app';
import { useApp, type AppDetails } from '../api/get-app';
import { useRotateSecret, type RotatedApp } from '../api/rotate-secret';
import { useUpdateApp } from '../api/update-app';
import { AppForm, appInputOf } from './app-form';
import { AppIdentity } from './app-identity';
import { SecretReveal } from './secret-reveal';
import './apps.css';

export interface AppDetailsPaths {
  apps: string;
}

/** /settings/apps/:id: one app's client_id, redirect URIs and kind; edit, new secret, delete. */
/**
 * `children`: what other features show about the app under its settings (the app composes it,
 * e.g. the webhooks and their deliveries), since features never import each other.
 */
export function AppDetailsPage({
  clientId,
  paths,
  children,
}: {
  clientId: string;
  paths: AppDetailsPaths;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const app = useApp(clientId);
  const back = (
    <ButtonLink to={paths.apps} variant="ghost">
      {t('apps.details.back')}
    </ButtonLink>
  );

  if (app.isPending) {
    return (
      <div className="settings-page">
        <PageHeader title={t('apps.details.title')} back={back} />
        <Skeleton width="lg" label={t('apps.details.loading')} />
      </div>
    );
  }
  if (app.isError) {
    const gone = app.error instanceof ApiError && app.error.status === 404;
    return (
      <div className="settings-page">
        <PageHeader title={t('apps.details.title')} back={back} />
        {gone ? (
          <ErrorState title={t('apps.details.notFound')} message={t('apps.details.notFoundBody')} />
        ) : (
          <ErrorState message={errorMessage(app.error, t)} onRetry={() => void app.refetch()} />
        )}
      </div>
    );
  }
  return (
    <Details app={app.data} paths={paths} back={back}>
      {children}
    </Details>
  );
}

function Details({
  app,
  paths,
  back,
  children,
}: {
  app: AppDetails;
  paths: AppDetailsPaths;
  back: ReactNode;
  children?: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const toast = useToast();
  const [editing, setEditing] = useState(false);
  const [rotated, setRotated] = useState<RotatedApp | null>(null);
  const [confirm, setConfirm] = useState<'rotate' | 'delete' | null>(null);
  const update = useUpdateApp();
  const rotate = useRotateSecret();
  const remove = useDeleteApp();

  return (
    <div className="settings-page">
      <PageHeader title={app.name} documentTitle={t('apps.details.title')} back={back}>
        {app.disabled ? <Badge tone="danger">{t('apps.disabled')}</Badge> : null}
      </PageHeader>
      {app.disabled ? <ErrorState title={t('apps.details.disabledTitle')} message={t('apps.details.disabledBody')} /> : null}
      <section aria-labelledby="app-credentials">
        <Card className="settings-section">
          <h2 id="app-credentials" className="settings-section__title">
            {t('apps.details.credentials')}
          </h2>
          {rotated ? (
            <SecretReveal
              name={rotated.name}
              clientId={rotated.client_id}
              secret={rotated.client_secret}
              onDone={() => setRotated(null)}
            />
          ) : (
            <dl className="app-facts">
              <dt>{t('apps.details.clientId')}</dt>
              <dd>
                <code className="app-code">{app.client_id}</code>
                <CopyButton text={app.client_id} label={t('apps.details.copyClientId')} />
              </dd>
              <dt>{t('apps.details.kind')}</dt>
              <dd>{app.confidential ? t('apps.kind.confidentialLong') : t('apps.kind.publicLong')}</dd>
              {app.confidential ? (
                <>
                  <dt>{t('apps.details.clientSecret')}</dt>
                  <dd>
                    <span>
                      {t('apps.details.secretHidden', { hint: app.secret_hint ?? '' })}
                      {app.secret_rotated_at
                        ? ` · ${t('apps.details.rotatedAt', { when: formatDateTime(app.secret_rotated_at, i18n.language) })}`
                        : ''}
                    </span>
                    <Button
                      variant="secondary"
                      onClick={() => {
                        rotate.reset();
                        setConfirm('rotate');
                      }}
                    >
                      {t('apps.details.rotate')}
                    </Button>
                  </dd>
                </>
              ) : null}
            </dl>
          )}
        </Card>
      </section>
      <section aria-labelledby="app-settings">
        <Card className="settings-section">
          <h2 id="app-settings" className="settings-section__title">
            {t('apps.details.settings')}
          </h2>
          {editing ? (
            <AppForm
              mode="edit"
              initial={{
                name: app.name,
                logo_url: app.logo_url ?? '',
                homepage_url: app.homepage_url ?? '',
                redirect_uris: app.redirect_uris.length > 0 ? app.redirect_uris : [''],
              }}
              busy={update.isPending}
              submitLabel={t('apps.details.save')}
              onCancel={() => setEditing(false)}
              onSubmit={(values, showError) =>
                update.mutate(
                  { clientId: app.client_id, input: appInputOf(values) },
                  {
                    onSuccess: () => {
                      setEditing(false);
                      toast({ message: t('apps.details.saved') });
                    },
                    onError: showError,
                  },
                )
              }
            />
          ) : (
            <>
              <AppIdentity name={app.name} logoUrl={app.logo_url} homepageUrl={app.homepage_url} as="p" />
              <dl className="app-facts">
                <dt>{t('apps.form.redirectUris')}</dt>
                <dd>
                  {app.redirect_uris.length === 0 ? (
                    t('apps.details.noRedirectUris')
                  ) : (
                    <ul className="app-scopes" aria-label={t('apps.form.redirectUris')}>
                      {app.redirect_uris.map((uri) => (
                        <li key={uri}>
                          <code className="app-code">{uri}</code>
                        </li>
                      ))}
                    </ul>
                  )}
                </dd>
              </dl>
              <div className="form__actions">
                <Button variant="secondary" onClick={() => setEditing(true)}>
                  {t('apps.details.edit')}
                </Button>
                <Button
                  variant="destructive-subtle"
                  onClick={() => {
                    remove.reset();
                    setConfirm('delete');
                  }}
                >
                  {t('apps.details.delete')}
                </Button>
              </div>
            </>
          )}
        </Card>
      </section>
      <ConfirmDialog
        open={confirm === 'rotate'}
        title={t('apps.details.rotateTitle', { name: app.name })}
        cancelLabel={t('forms.cancel')}
        confirmLabel={t('apps.details.rotateConfirm')}
        busy={rotate.isPending}
        onCancel={() => setConfirm(null)}
        onConfirm={() =>
          rotate.mutate(app.client_id, {
            onSuccess: (next) => {
              setConfirm(null);
              setRotated(next);
            },
          })
        }
      >
        <p>{t('apps.details.rotateBody')}</p>
        {rotate.isError ? <ErrorState message={errorMessage(rotate.error, t)} /> : null}
      </ConfirmDialog>
      <ConfirmDialog
        open={confirm === 'delete'}
        title={t('apps.details.deleteTitle', { name: app.name })}
        cancelLabel={t('forms.cancel')}
        confirmLabel={t('apps.details.deleteConfirm')}
        busy={remove.isPending}
        onCancel={() => setConfirm(null)}
        onConfirm={() =>
          remove.mutate(app.client_id, {
            onSuccess: () => {
              setConfirm(null);
              toast({ message: t('apps.details.deleted', { name: app.name }) });
              void navigate(paths.apps);
            },
          })
        }
      >
        <p>{t('apps.details.deleteBody')}</p>
        {remove.isError ? <ErrorState message={errorMessage(remove.error, t)} /> : null}
      </ConfirmDialog>
      {app.confidential ? children : null}
    </div>
  );
}
