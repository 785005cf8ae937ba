import { useTranslation } from 'react-i18next';
import { Button, ErrorState, Notice } from '@/components/ui';
import { errorMessage } from '@/lib/api/error-message';
import type { Me } from '@/lib/auth/get-me';
import { useUpdateMe } from '@/lib/auth/update-me';
import { createLocalStore, useLocalStore } from '@/lib/storage/local-store';
import './time-zone-notice.css';

/** The users who answered the offer in this browser (kept or changed their zone). */
const answeredStore = createLocalStore<string[]>(
  'vigor.time-zone-offer',
  (raw) => (Array.isArray(raw) && raw.every((v) => typeof v === 'string') ? raw : undefined),
  [],
);

/** The zone this browser is set to, or null when it does not say. */
export function browserTimeZone(): string | null {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || null;
  } catch {
    return null;
  }
}

/**
 * Offers, once, to set the profile's time zone to this device's: new profiles start with UTC,
 * and times typed in (a cardio session's start) are read in the profile's zone. Nothing changes
 * unless the user says so.
 */
export function TimeZoneNotice({ me }: { me: Me }) {
  const { t } = useTranslation();
  const update = useUpdateMe();
  const [answered, setAnswered] = useLocalStore(answeredStore);
  const zone = browserTimeZone();
  if (!zone || zone === 'UTC' || me.preferences.time_zone !== 'UTC' || answered.includes(me.id)) return null;
  const remember = () => setAnswered([...answered.filter((id) => id !== me.id), me.id]);
  return (
    <Notice tone="info" title={t('me.timeZoneTitle')} className="time-zone-notice">
      <p>{t('me.timeZoneBody', { zone })}</p>
      {update.isError ? <ErrorState title={t('me.timeZoneSaveFailed')} message={errorMessage(update.error, t)} /> : null}
      <div className="form__actions">
        <Button
          variant="primary"
          disabled={update.isPending}
          onClick={() => update.mutate({ preferences: { time_zone: zone } }, { onSuccess: remember })}
        >
          {t('me.timeZoneUse', { zone })}
        </Button>
        <Button variant="ghost" onClick={remember}>
          {t('me.timeZoneKeep')}
        </Button>
      </div>
    </Notice>
  );
}
