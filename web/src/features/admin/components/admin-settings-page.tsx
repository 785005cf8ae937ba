import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Card, Checkbox, CopyButton, ErrorState, Notice, PageHeader, RadioGroup, Skeleton, TextField } from '@/components/ui';
import { errorMessage } from '@/lib/api/error-message';
import { useForm } from '@/lib/forms/use-form';
import { formatDateTime } from '@/lib/format';
import { useCreateInvite, type Invite } from '../api/create-invite';
import { registrationModes, useSettings, type InstanceSettings, type RegistrationMode } from '../api/get-settings';
import { usePutSettings } from '../api/put-settings';
import { AdminNav, type AdminPaths } from './admin-nav';
import './admin.css';

/**
 * /admin/settings: how new accounts are admitted, the map tile server, the grace period before a
 * deleted account is erased, whether webhooks may reach the local network, and invite codes.
 */
export function AdminSettingsPage({ paths }: { paths: AdminPaths }) {
  const { t } = useTranslation();
  const settings = useSettings();

  return (
    <div className="settings-page">
      <PageHeader title={t('admin.settings.title')} documentTitle={t('admin.settings.documentTitle')} />
      <AdminNav paths={paths} />
      {settings.isPending ? (
        <Skeleton width="lg" label={t('admin.settings.loading')} />
      ) : settings.isError ? (
        <ErrorState message={errorMessage(settings.error, t)} onRetry={() => void settings.refetch()} />
      ) : (
        <>
          <RegistrationForm key={settings.data.registration} settings={settings.data} />
          <MapTilesForm settings={settings.data} />
          <ErasureGraceForm settings={settings.data} />
          <WebhookTargetsForm settings={settings.data} />
        </>
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

/** Largest lengths the server accepts (api/openapi.yaml InstanceSettingsChange). */
const MAX_TILE_URL = 500;
const MAX_ATTRIBUTION = 300;

/**
 * The tile server maps are drawn on. The server checks the template strictly; its field
 * errors land next to the inputs. Clearing goes back to routes on a plain background.
 */
function MapTilesForm({ settings }: { settings: InstanceSettings }) {
  const { t } = useTranslation();
  const [saved, setSaved] = useState<'saved' | 'cleared' | null>(null);
  const save = usePutSettings();
  const form = useForm({
    initial: { map_tile_url: settings.map_tile_url, map_attribution: settings.map_attribution },
    validate: (v) => {
      const errors: { map_tile_url?: string; map_attribution?: string } = {};
      const url = v.map_tile_url.trim();
      if (url && !['{z}', '{x}', '{y}'].every((p) => url.includes(p))) errors.map_tile_url = t('admin.settings.map.needsPlaceholders');
      if (!url && v.map_attribution.trim()) errors.map_attribution = t('admin.settings.map.needsUrl');
      return errors;
    },
  });
  // The form stays mounted across a save (its notice with it) and takes the stored values.
  const showSaved = (now: InstanceSettings, what: 'saved' | 'cleared') => {
    form.reset({ map_tile_url: now.map_tile_url, map_attribution: now.map_attribution });
    setSaved(what);
  };
  const configured = settings.map_tile_url !== '';
  const unchanged =
    form.values.map_tile_url.trim() === settings.map_tile_url && form.values.map_attribution.trim() === settings.map_attribution;

  return (
    <section aria-labelledby="map-tiles-title">
      <Card className="settings-section">
        <h2 id="map-tiles-title" className="settings-section__title">
          {t('admin.settings.map.title')}
        </h2>
        <p className="settings-section__intro">{t('admin.settings.map.intro')}</p>
        {saved ? <Notice>{saved === 'saved' ? t('admin.settings.map.saved') : t('admin.settings.map.cleared')}</Notice> : null}
        {form.formError ? <ErrorState message={form.formError} /> : null}
        <form
          ref={form.formRef}
          className="form"
          noValidate
          onSubmit={form.handleSubmit((v) => {
            setSaved(null);
            const input = { map_tile_url: v.map_tile_url.trim(), map_attribution: v.map_attribution.trim() };
            save.mutate(input, { onSuccess: (now) => showSaved(now, now.map_tile_url ? 'saved' : 'cleared'), onError: form.showError });
          })}
        >
          <TextField
            label={t('admin.settings.map.tileUrl')}
            hint={t('admin.settings.map.tileUrlHint')}
            type="url"
            inputMode="url"
            autoComplete="off"
            spellCheck={false}
            maxLength={MAX_TILE_URL}
            placeholder="https://tile.openstreetmap.org/{z}/{x}/{y}.png"
            value={form.values.map_tile_url}
            onValueChange={(value) => {
              setSaved(null);
              form.setValue('map_tile_url', value);
            }}
            error={form.errors.map_tile_url}
          />
          <TextField
            label={t('admin.settings.map.attribution')}
            hint={t('admin.settings.map.attributionHint')}
            autoComplete="off"
            maxLength={MAX_ATTRIBUTION}
            value={form.values.map_attribution}
            onValueChange={(value) => {
              setSaved(null);
              form.setValue('map_attribution', value);
            }}
            error={form.errors.map_attribution}
          />
          <p className="settings-section__intro">{t('admin.settings.map.privacy')}</p>
          <div className="form__actions">
            <Button type="submit" variant="primary" disabled={save.isPending || unchanged}>
              {t('admin.settings.save')}
            </Button>
            {configured ? (
              <Button
                type="button"
                disabled={save.isPending}
                onClick={() => {
                  setSaved(null);
                  save.mutate(
                    { map_tile_url: '', map_attribution: '' },
                    { onSuccess: (now) => showSaved(now, 'cleared'), onError: form.showError },
                  );
                }}
              >
                {t('admin.settings.map.clear')}
              </Button>
            ) : null}
          </div>
        </form>
      </Card>
    </section>
  );
}

/** The days between a user's account deletion and its erasure (docs/operations.md). */
function ErasureGraceForm({ settings }: { settings: InstanceSettings }) {
  const { t } = useTranslation();
  const [saved, setSaved] = useState(false);
  const save = usePutSettings();
  const stored = String(settings.erasure_grace_days);
  const form = useForm({
    initial: { days: stored },
    validate: (v) => {
      const days = Number(v.days.trim());
      return v.days.trim() === '' || !Number.isInteger(days) || days < 0 || days > 365
        ? { days: t('admin.erasureGrace.invalid') }
        : {};
    },
  });

  return (
    <section aria-labelledby="erasure-grace-title">
      <Card className="settings-section">
        <h2 id="erasure-grace-title" className="settings-section__title">
          {t('admin.erasureGrace.title')}
        </h2>
        <p className="settings-section__intro">{t('admin.erasureGrace.intro')}</p>
        {saved ? <Notice>{t('admin.settings.saved')}</Notice> : null}
        {form.formError ? <ErrorState message={form.formError} /> : null}
        <form
          ref={form.formRef}
          className="form"
          noValidate
          onSubmit={form.handleSubmit((v) => {
            setSaved(false);
            save.mutate(
              { erasure_grace_days: Number(v.days.trim()) },
              {
                onSuccess: (now) => {
                  form.reset({ days: String(now.erasure_grace_days) });
                  setSaved(true);
                },
                onError: form.showError,
              },
            );
          })}
        >
          <TextField
            label={t('admin.erasureGrace.days')}
            hint={t('admin.erasureGrace.hint')}
            type="number"
            inputMode="numeric"
            min={0}
            max={365}
            value={form.values.days}
            onValueChange={(value) => {
              setSaved(false);
              form.setValue('days', value);
            }}
            error={form.errors.days}
          />
          <div className="form__actions">
            <Button type="submit" variant="primary" disabled={save.isPending || form.values.days.trim() === stored}>
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

/** Whether apps' webhooks may reach loopback and private addresses (off against SSRF). */
function WebhookTargetsForm({ settings }: { settings: InstanceSettings }) {
  const { t } = useTranslation();
  const [allow, setAllow] = useState(settings.webhooks_allow_private_targets);
  const [saved, setSaved] = useState(false);
  const save = usePutSettings();

  return (
    <section aria-labelledby="webhook-targets-title">
      <Card className="settings-section">
        <h2 id="webhook-targets-title" className="settings-section__title">
          {t('admin.webhookTargets.title')}
        </h2>
        <p className="settings-section__intro">{t('admin.webhookTargets.intro')}</p>
        {saved ? <Notice>{t('admin.settings.saved')}</Notice> : null}
        {save.isError ? <ErrorState message={errorMessage(save.error, t)} /> : null}
        <form
          className="form"
          onSubmit={(event) => {
            event.preventDefault();
            setSaved(false);
            save.mutate({ webhooks_allow_private_targets: allow }, { onSuccess: () => setSaved(true) });
          }}
        >
          <Checkbox
            label={t('admin.webhookTargets.allow')}
            checked={allow}
            onCheckedChange={(checked) => {
              setSaved(false);
              setAllow(checked);
            }}
          />
          <div className="form__actions">
            <Button
              type="submit"
              variant="primary"
              disabled={save.isPending || allow === settings.webhooks_allow_private_targets}
            >
              {t('admin.settings.save')}
            </Button>
          </div>
        </form>
      </Card>
    </section>
  );
}
