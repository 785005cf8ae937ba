import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Card, ErrorState, LoadingState, PageHeader, SelectField, TextField } from '@/components/ui';
import { errorMessage } from '@/lib/api/error-message';
import {
  useDeleteAvatar,
  useMyProfile,
  useUpdateMyProfile,
  useUploadAvatar,
  visibilities,
  type MyProfile,
  type Visibility,
} from '../api/privacy';
import './privacy.css';

const maxAvatarBytes = 5 * 1024 * 1024;

/** /settings/profile: display name, bio, who sees the stats, and the profile picture. */
export function ProfileSettingsPage() {
  const { t } = useTranslation();
  const profile = useMyProfile();
  return (
    <div className="privacy-page">
      <PageHeader title={t('privacy.profile.title')} intro={t('privacy.profile.intro')} />
      {profile.isPending ? (
        <LoadingState label={t('privacy.loading')} />
      ) : profile.isError ? (
        <ErrorState message={errorMessage(profile.error, t)} onRetry={() => void profile.refetch()} />
      ) : (
        <>
          <AvatarCard profile={profile.data} />
          <ProfileForm profile={profile.data} />
        </>
      )}
    </div>
  );
}

function ProfileForm({ profile }: { profile: MyProfile }) {
  const { t } = useTranslation();
  const update = useUpdateMyProfile();
  const [displayName, setDisplayName] = useState(profile.display_name);
  const [bio, setBio] = useState(profile.bio);
  const [stats, setStats] = useState<Visibility>(profile.stats_visibility);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate({ display_name: displayName.trim(), bio, stats_visibility: stats });
  };
  return (
    <Card className="privacy-card">
      <form className="privacy-zone-form" onSubmit={submit}>
        <TextField
          label={t('privacy.profile.displayName')}
          value={displayName}
          onValueChange={setDisplayName}
          maxLength={60}
          hint={t('privacy.profile.displayNameHint', { username: profile.username })}
        />
        <label className="field__label" htmlFor="profile-bio">
          {t('privacy.profile.bio')}
        </label>
        <textarea id="profile-bio" className="field__input" rows={5} maxLength={1000} value={bio} onChange={(e) => setBio(e.target.value)} />
        <SelectField
          label={t('privacy.statsVisibility')}
          value={stats}
          options={visibilities.map((v) => ({ value: v, label: t(`privacy.visibility.${v}`) }))}
          onValueChange={(v) => setStats(v as Visibility)}
        />
        <div className="privacy-actions">
          <Button type="submit" disabled={update.isPending}>
            {t('privacy.profile.save')}
          </Button>
        </div>
        {update.isSuccess ? <p role="status">{t('privacy.profile.saved')}</p> : null}
        {update.isError ? <ErrorState inline message={errorMessage(update.error, t)} /> : null}
      </form>
    </Card>
  );
}

function AvatarCard({ profile }: { profile: MyProfile }) {
  const { t } = useTranslation();
  const upload = useUploadAvatar();
  const remove = useDeleteAvatar();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const [tooBig, setTooBig] = useState(false);
  useEffect(() => {
    if (!file || typeof URL.createObjectURL !== 'function') return undefined;
    const url = URL.createObjectURL(file);
    setPreview(url);
    return () => URL.revokeObjectURL(url);
  }, [file]);
  const shown = preview ?? profile.avatar_url;
  return (
    <Card className="privacy-card">
      <h2>{t('privacy.profile.avatar')}</h2>
      {shown ? (
        <img className="profile-avatar-preview" src={shown} alt={t('privacy.profile.avatarPreview')} width={128} height={128} />
      ) : (
        <p className="privacy-hint">{t('privacy.profile.noAvatar')}</p>
      )}
      <label className="field__label" htmlFor="profile-avatar">
        {t('privacy.profile.chooseAvatar')}
      </label>
      <input
        id="profile-avatar"
        type="file"
        accept="image/jpeg,image/png"
        onChange={(e) => {
          const chosen = e.target.files?.[0] ?? null;
          setTooBig(Boolean(chosen && chosen.size > maxAvatarBytes));
          setFile(chosen && chosen.size <= maxAvatarBytes ? chosen : null);
        }}
      />
      <p className="privacy-hint">{t('privacy.profile.avatarHint')}</p>
      {tooBig ? <p role="alert">{t('privacy.profile.avatarTooBig')}</p> : null}
      <div className="privacy-actions">
        <Button
          disabled={!file || upload.isPending}
          onClick={() => {
            if (file) upload.mutate(file, { onSuccess: () => { setFile(null); setPreview(null); } });
          }}
        >
          {t('privacy.profile.upload')}
        </Button>
        {profile.avatar_url ? (
          <Button variant="destructive-subtle" disabled={remove.isPending} onClick={() => remove.mutate()}>
            {t('privacy.profile.removeAvatar')}
          </Button>
        ) : null}
      </div>
      {upload.isError ? <ErrorState inline message={errorMessage(upload.error, t)} /> : null}
    </Card>
  );
}
