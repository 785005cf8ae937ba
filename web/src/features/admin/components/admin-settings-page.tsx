import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Card, CopyButton, ErrorState, Notice, RadioGroup, Skeleton } from '@/components/ui';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { errorMessage } from '@/lib/api/error-message';
import { formatDateTime } from '@/lib/format';
import { useCreateInvite, type Invite } from '../api/create-invite';
import { registrationModes, useSettings, type InstanceSettings, type RegistrationMode } from '../api/get-settings';
import { usePutSettings } from '../api/put-settings';
import { AdminNav, type AdminPaths } from './admin-nav';
import './admin.css';

/** /admin/settings: how new accounts are admitted, and invite codes. */
export function AdminSettingsPage({ paths }: { paths: AdminPaths }) {
  const { t } = useTranslation();
  useDocumentTitle(t('admin.settings.documentTitle'));
  const settings = useSettings();

  return (
    <div className="settings-page">
      <header className="settings-page__header">
        <h1 className="settings-page__title">{t('admin.settings.title')}</h1>
      </header>
      <AdminNav paths={paths} />
      {settings.isPending ? (
        <Skeleton width="lg" label={t('admin.settings.loading')} />
      ) : settings.isError ? (
        <ErrorState message={errorMessage(settings.error, t)} onRetry={() => void settings.refetch()} />
      ) : (
        <RegistrationForm key={settings.data.registration} settings={settings.data} />
      )}
      <InviteSection />
    </div>
  );
}

function RegistrationForm({ settings }: { settings: InstanceSettings }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<RegistrationMode>(settings.registration);
  const [saved, setSaved] = useState(false);
  const save = usePutSettings();

  return (
    <section aria-labelledby="registration-title">
      <Card className="settings-section">
        <h2 id="registration-title" className="settings-section__title">
          {t('admin.settings.registrationTitle')}
        </h2>
        {saved ? <Notice>{t('admin.settings.saved')}</Notice> : null}
        {save.isError ? <ErrorState message={errorMessage(save.error, t)} /> : null}
        <form
          className="form"
          onSubmit={(event) => {
            event.preventDefault();
            setSaved(false);
            save.mutate({ registration: mode }, { onSuccess: () => setSaved(true) });
          }}
        >
          <RadioGroup
            legend={t('admin.settings.registrationLegend')}
            name="registration"
            value={mode}
            onValueChange={(value) => {
              setSaved(false);
              setMode(value);
            }}
            options={registrationModes.map((value) => ({
              value,
              label: t(`admin.settings.modes.${value}.label`),
              description: t(`admin.settings.modes.${value}.description`),
            }))}
          />
          <div className="form__actions">
            <Button type="submit" variant="primary" disabled={save.isPending || mode === settings.registration}>
              {t('admin.settings.save')}
            </Button>
          </div>
        </form>
      </Card>
    </section>
  );
}

function InviteSection() {
  const { t, i18n } = useTranslation();
  const create = useCreateInvite();
  const [invites, setInvites] = useState<Invite[]>([]);

  return (
    <section aria-labelledby="invites-title">
      <Card className="settings-section">
        <h2 id="invites-title" className="settings-section__title">
          {t('admin.settings.invitesTitle')}
        </h2>
        <p className="settings-section__intro">{t('admin.settings.invitesIntro')}</p>
        {create.isError ? <ErrorState message={errorMessage(create.error, t)} /> : null}
        {invites.length > 0 ? (
          <ul className="invite-list" aria-label={t('admin.settings.invitesLabel')}>
            {invites.map((invite) => (
              <li key={invite.code} className="one-time">
                <code className="one-time__secret" data-testid="invite-code">
                  {invite.code}
                </code>
                <p className="item-list__meta">
                  {t('admin.settings.inviteExpires', { when: formatDateTime(invite.expires_at, i18n.language) })}
                </p>
                <CopyButton text={invite.code} label={t('admin.settings.copyInvite')} />
              </li>
            ))}
          </ul>
        ) : null}
        <div className="form__actions">
          <Button
            variant="primary"
            disabled={create.isPending}
            onClick={() => create.mutate(undefined, { onSuccess: (invite) => setInvites((list) => [invite, ...list]) })}
          >
            {t('admin.settings.createInvite')}
          </Button>
        </div>
      </Card>
    </section>
  );
}
