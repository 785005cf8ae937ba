import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ButtonLink, Card, Checkbox, ErrorState, LoadingState, PageHeader, SelectField, TextField } from '@/components/ui';
import { errorMessage } from '@/lib/api/error-message';
import {
  sports,
  useCreateZone,
  useDeleteZone,
  usePrivacySettings,
  usePrivacyZones,
  useUpdatePrivacySettings,
  visibilities,
  type PrivacySettings,
  type Visibility,
} from '../api/privacy';
import './privacy.css';

const kinds = ['workouts', 'records', 'goals', 'body'] as const;

/**
 * /settings/privacy: who sees new items of each kind (and each sport), whether follows need
 * approval, the directory listing, who sees the stats and the connections, and privacy zones.
 */
/** `bulkVisibilityPath`: the page that changes who sees past workouts or body entries at once. */
export function PrivacySettingsPage({ bulkVisibilityPath }: { bulkVisibilityPath?: string }) {
  const { t } = useTranslation();
  const settings = usePrivacySettings();
  return (
    <div className="privacy-page">
      <PageHeader title={t('privacy.title')} intro={t('privacy.intro')} />
      {settings.isPending ? (
        <LoadingState label={t('privacy.loading')} />
      ) : settings.isError ? (
        <ErrorState message={errorMessage(settings.error, t)} onRetry={() => void settings.refetch()} />
      ) : (
        <SettingsForm settings={settings.data} />
      )}
      {bulkVisibilityPath ? (
        <Card className="privacy-card">
          <h2>{t('privacy.pastItems')}</h2>
          <p className="privacy-hint">{t('privacy.pastItemsHint')}</p>
          <ButtonLink to={bulkVisibilityPath} variant="secondary">
            {t('privacy.pastItemsLink')}
          </ButtonLink>
        </Card>
      ) : null}
      <Zones />
    </div>
  );
}

function SettingsForm({ settings }: { settings: PrivacySettings }) {
  const { t } = useTranslation();
  const update = useUpdatePrivacySettings();
  const options = visibilities.map((v) => ({ value: v, label: t(`privacy.visibility.${v}`) }));
  const sportOptions = [{ value: '', label: t('privacy.sameAsWorkouts') }, ...options];
  const save = (change: Partial<PrivacySettings>) => update.mutate(change);
  return (
    <Card className="privacy-card">
      <h2>{t('privacy.defaults')}</h2>
      <p className="privacy-hint">{t('privacy.defaultsHint')}</p>
      <div className="privacy-grid">
        {kinds.map((kind) => (
          <SelectField
            key={kind}
            label={t(`privacy.kind.${kind}`)}
            value={settings[kind]}
            options={options}
            onValueChange={(v) => save({ [kind]: v as Visibility })}
          />
        ))}
      </div>
      <h3>{t('privacy.perSport')}</h3>
      <div className="privacy-grid">
        {sports.map((sport) => (
          <SelectField
            key={sport}
            label={t(`privacy.sport.${sport}`)}
            value={settings.sports[sport] ?? ''}
            options={sportOptions}
            onValueChange={(v) => {
              const next = { ...settings.sports };
              if (v) next[sport] = v as Visibility;
              else delete next[sport];
              save({ sports: next });
            }}
          />
        ))}
      </div>
      <h2>{t('privacy.people')}</h2>
      <Checkbox
        label={t('privacy.requireApproval')}
        checked={settings.require_follow_approval}
        onCheckedChange={(checked) => save({ require_follow_approval: checked })}
      />
      <Checkbox
        label={t('privacy.listed')}
        checked={settings.listed_in_directory}
        onCheckedChange={(checked) => save({ listed_in_directory: checked })}
      />
      <div className="privacy-grid">
        <SelectField
          label={t('privacy.statsVisibility')}
          value={settings.stats_visibility}
          options={options}
          onValueChange={(v) => save({ stats_visibility: v as Visibility })}
        />
        <SelectField
          label={t('privacy.connectionsVisibility')}
          value={settings.connections_visibility}
          options={options}
          onValueChange={(v) => save({ connections_visibility: v as Visibility })}
        />
      </div>
      {update.isPending ? <p role="status">{t('privacy.saving')}</p> : null}
      {update.isError ? <ErrorState inline message={errorMessage(update.error, t)} /> : null}
    </Card>
  );
}

function Zones() {
  const { t, i18n } = useTranslation();
  const zones = usePrivacyZones();
  const create = useCreateZone();
  const remove = useDeleteZone();
  const [name, setName] = useState('');
  const [latitude, setLatitude] = useState('');
  const [longitude, setLongitude] = useState('');
  const [radius, setRadius] = useState('300');
  const [locating, setLocating] = useState(false);
  const [locateError, setLocateError] = useState<string | null>(null);
  const number = (text: string) => Number(text.replace(',', '.'));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { name: name.trim(), latitude: number(latitude), longitude: number(longitude), radius_m: number(radius) },
      {
        onSuccess: () => {
          setName('');
          setLatitude('');
          setLongitude('');
        },
      },
    );
  };
  const locate = () => {
    if (!('geolocation' in navigator)) {
      setLocateError(t('privacy.zones.noLocation'));
      return;
    }
    setLocating(true);
    setLocateError(null);
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setLocating(false);
        setLatitude(position.coords.latitude.toFixed(5));
        setLongitude(position.coords.longitude.toFixed(5));
      },
      () => {
        setLocating(false);
        setLocateError(t('privacy.zones.noLocation'));
      },
    );
  };
  const format = (value: number, digits: number) =>
    new Intl.NumberFormat(i18n.language, { maximumFractionDigits: digits }).format(value);
  return (
    <Card className="privacy-card">
      <h2>{t('privacy.zones.title')}</h2>
      <p className="privacy-hint">{t('privacy.zones.hint')}</p>
      {zones.isPending ? (
        <LoadingState label={t('privacy.loading')} />
      ) : zones.isError ? (
        <ErrorState inline message={errorMessage(zones.error, t)} onRetry={() => void zones.refetch()} />
      ) : zones.data.items.length === 0 ? (
        <p className="privacy-hint">{t('privacy.zones.none')}</p>
      ) : (
        <ul className="privacy-zones">
          {zones.data.items.map((zone) => (
            <li key={zone.id} className="privacy-zone">
              <span className="privacy-zone__text">
                <strong>{zone.name}</strong>{' '}
                {t('privacy.zones.summary', {
                  latitude: format(zone.latitude, 5),
                  longitude: format(zone.longitude, 5),
                  radius: format(zone.radius_m, 0),
                })}
              </span>
              <Button variant="destructive-subtle" disabled={remove.isPending} onClick={() => remove.mutate(zone.id)}>
                {t('privacy.zones.delete', { name: zone.name })}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <form className="privacy-zone-form" onSubmit={submit}>
        <h3>{t('privacy.zones.add')}</h3>
        <TextField label={t('privacy.zones.name')} value={name} onValueChange={setName} required maxLength={60} />
        <div className="privacy-grid">
          <TextField label={t('privacy.zones.latitude')} value={latitude} onValueChange={setLatitude} inputMode="decimal" required />
          <TextField label={t('privacy.zones.longitude')} value={longitude} onValueChange={setLongitude} inputMode="decimal" required />
          <TextField
            label={t('privacy.zones.radius')}
            value={radius}
            onValueChange={setRadius}
            inputMode="numeric"
            hint={t('privacy.zones.radiusHint')}
            required
          />
        </div>
        <div className="privacy-actions">
          <Button variant="secondary" onClick={locate} disabled={locating}>
            {locating ? t('privacy.zones.locating') : t('privacy.zones.useLocation')}
          </Button>
          <Button type="submit" disabled={create.isPending}>
            {t('privacy.zones.save')}
          </Button>
        </div>
        {locateError ? <p role="alert">{locateError}</p> : null}
        {create.isError ? <ErrorState inline message={errorMessage(create.error, t)} /> : null}
      </form>
    </Card>
  );
}
