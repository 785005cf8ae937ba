import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Checkbox, ChoiceGroup, ErrorState, PageHeader, SelectField, Skeleton } from '@/components/ui';
import { errorMessage } from '@/lib/api/error-message';
import {
  notificationKinds,
  useNotificationPreferences,
  useUpdateNotificationPreferences,
  type NotificationKind,
  type NotificationPreferences,
  type NotificationPreferencesInput,
} from '../api/notifications';
import './notifications.css';

const hours = Array.from({ length: 24 }, (_, hour) => hour);

/**
 * /settings/notifications: per kind, whether it shows in the app and in the daily email; the
 * daily email itself and its hour (in the profile's time zone). Each change is saved at once.
 */
export function NotificationSettingsPage({ paths }: { paths: { notifications: string } }) {
  const { t } = useTranslation();
  const prefs = useNotificationPreferences();
  return (
    <div className="notification-settings">
      <PageHeader
        title={t('notifications.settings.title')}
        documentTitle={t('notifications.settings.documentTitle')}
        intro={t('notifications.settings.intro')}
        back={<Link to={paths.notifications}>{t('notifications.settings.back')}</Link>}
      />
      {prefs.isPending ? (
        <Skeleton width="full" />
      ) : prefs.isError ? (
        <ErrorState
          title={t('notifications.settings.loadFailed')}
          message={errorMessage(prefs.error, t)}
          onRetry={() => void prefs.refetch()}
        />
      ) : (
        <SettingsForm prefs={prefs.data} />
      )}
    </div>
  );
}

function SettingsForm({ prefs }: { prefs: NotificationPreferences }) {
  const { t } = useTranslation();
  const update = useUpdateNotificationPreferences();
  const save = (input: NotificationPreferencesInput) => update.mutate(input);
  const kindName = (kind: NotificationKind) => t(`notifications.kindNames.${kind}`);
  const hintId = useId();
  return (
    <div className="notification-settings__form">
      <ChoiceGroup legend={t('notifications.settings.digestLegend')}>
        <Checkbox
          label={t('notifications.settings.digestEnabled')}
          checked={prefs.digest.enabled}
          disabled={update.isPending}
          onCheckedChange={(enabled) => save({ digest: { enabled } })}
        />
        <SelectField
          label={t('notifications.settings.digestHour')}
          value={String(prefs.digest.hour)}
          disabled={update.isPending || !prefs.digest.enabled}
          aria-describedby={hintId}
          options={hours.map((hour) => ({
            value: String(hour),
            label: t('notifications.settings.hourOption', { hour: String(hour).padStart(2, '0') }),
          }))}
          onValueChange={(value) => save({ digest: { hour: Number(value) } })}
        />
        <p id={hintId} className="notification-settings__hint">
          {t('notifications.settings.digestHourHint', { zone: prefs.digest.time_zone })}
        </p>
      </ChoiceGroup>
      <h2 className="notification-settings__heading">{t('notifications.settings.kindsLegend')}</h2>
      <ul className="notification-settings__kinds">
        {notificationKinds.map((kind) => {
          const setting = prefs.kinds[kind];
          return (
            <li key={kind}>
              <ChoiceGroup legend={kindName(kind)} className="notification-settings__kind">
                <Checkbox
                  label={t('notifications.settings.inApp')}
                  aria-label={t('notifications.settings.inAppFor', { kind: kindName(kind) })}
                  checked={setting.in_app}
                  disabled={update.isPending}
                  onCheckedChange={(inApp) => save({ kinds: { [kind]: { in_app: inApp } } })}
                />
                <Checkbox
                  label={t('notifications.settings.inDigest')}
                  aria-label={t('notifications.settings.inDigestFor', { kind: kindName(kind) })}
                  checked={setting.in_digest}
                  disabled={update.isPending}
                  onCheckedChange={(inDigest) => save({ kinds: { [kind]: { in_digest: inDigest } } })}
                />
              </ChoiceGroup>
            </li>
          );
        })}
      </ul>
      <p className="notification-settings__status" role="status">
        {update.isSuccess ? t('notifications.settings.saved') : ''}
      </p>
      {update.isError ? (
        <ErrorState inline title={t('notifications.settings.saveFailed')} message={errorMessage(update.error, t)} />
      ) : null}
    </div>
  );
}
