import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ReportButton } from '@/components/report';
import { Button, ButtonLink, ConfirmDialog, ErrorState, LoadingState, PageHeader } from '@/components/ui';
import { ApiError } from '@/lib/api/api-error';
import { errorMessage } from '@/lib/api/error-message';
import { formatNumber } from '@/lib/format';
import { peopleLists, usePeopleAction, useUserProfile, type UserProfile } from '../api/people';
import { Avatar, PersonList } from './person-list';

export interface ProfilePaths {
  /** A user's profile page. */
  profile: (username: string) => string;
  /** The signed-in user's profile settings. */
  editProfile: string;
}

/**
 * /u/:username: a user's profile (picture, name, bio, counts, the stats the owner shows to this
 * viewer), the viewer's follow button, block and mute, the followers and following lists when
 * the owner lets the viewer see them, and `activity` (the user's workouts) below the header.
 */
export function ProfilePage({ username, paths, activity }: { username: string; paths: ProfilePaths; activity?: ReactNode }) {
  const { t } = useTranslation();
  const profile = useUserProfile(username);
  if (profile.isPending) return <LoadingState label={t('people.loading')} />;
  if (profile.isError) {
    const missing = profile.error instanceof ApiError && profile.error.status === 404;
    if (missing) return <ErrorState title={t('people.notFoundTitle')} message={t('people.notFound')} />;
    return <ErrorState message={errorMessage(profile.error, t)} onRetry={() => void profile.refetch()} />;
  }
  return <ProfileView profile={profile.data} paths={paths} activity={activity} />;
}

function ProfileView({ profile, paths, activity }: { profile: UserProfile; paths: ProfilePaths; activity?: ReactNode }) {
  const { t, i18n } = useTranslation();
  const action = usePeopleAction();
  const number = (value: number, digits = 0) => formatNumber(value, i18n.language, { maxFractionDigits: digits });
  const [confirmBlock, setConfirmBlock] = useState(false);
  const [list, setList] = useState<'followers' | 'following' | null>(null);
  const { relation } = profile;
  const act = (kind: Parameters<typeof action.mutate>[0]['kind']) => action.mutate({ kind, username: profile.username });
  return (
    <div className="profile-page">
      <PageHeader title={profile.display_name} documentTitle={t('people.profileTitle', { name: profile.display_name })} />
      <div className="profile-header">
        <Avatar person={profile} size={96} />
        <div className="profile-header__text">
          <p className="person-row__username">@{profile.username}</p>
          {profile.bio ? <p className="profile-bio">{profile.bio}</p> : null}
          <ul className="profile-counts">
            <li>{t('people.followersCount', { count: profile.followers_count, formatted: number(profile.followers_count) })}</li>
            <li>{t('people.followingCount', { count: profile.following_count, formatted: number(profile.following_count) })}</li>
            {relation.follows_you ? <li>{t('people.followsYou')}</li> : null}
          </ul>
          {profile.stats ? (
            <ul className="profile-stats" aria-label={t('people.stats')}>
              <li>{t('people.workoutsThisWeek', { count: profile.stats.workouts_this_week })}</li>
              <li>{t('people.workoutsThisYear', { count: profile.stats.workouts_this_year })}</li>
              <li>{t('people.distanceThisYear', { km: number(profile.stats.distance_this_year_m / 1000, 1) })}</li>
            </ul>
          ) : null}
        </div>
      </div>
      {relation.self ? (
        <div className="profile-actions">
          <ButtonLink variant="secondary" to={paths.editProfile}>
            {t('people.editProfile')}
          </ButtonLink>
        </div>
      ) : (
        <div className="profile-actions">
          {relation.blocked_by_you ? (
            <Button variant="secondary" onClick={() => act('unblock')} disabled={action.isPending}>
              {t('people.unblock')}
            </Button>
          ) : relation.following === 'approved' ? (
            <Button variant="secondary" onClick={() => act('unfollow')} disabled={action.isPending}>
              {t('people.unfollow')}
            </Button>
          ) : relation.following === 'pending' ? (
            <Button variant="secondary" onClick={() => act('unfollow')} disabled={action.isPending}>
              {t('people.requested')}
            </Button>
          ) : (
            <Button onClick={() => act('follow')} disabled={action.isPending}>
              {profile.requires_approval ? t('people.askToFollow') : t('people.follow')}
            </Button>
          )}
          {relation.blocked_by_you ? null : (
            <Button variant="secondary" onClick={() => act(relation.muted ? 'unmute' : 'mute')} disabled={action.isPending}>
              {relation.muted ? t('people.unmute') : t('people.mute')}
            </Button>
          )}
          {relation.blocked_by_you ? null : (
            <Button variant="destructive-subtle" onClick={() => setConfirmBlock(true)} disabled={action.isPending}>
              {t('people.block')}
            </Button>
          )}
          <ReportButton kind="user" id={profile.username} label={t('moderation.report.userLabel', { name: profile.display_name })} />
        </div>
      )}
      {action.isError ? <ErrorState inline message={errorMessage(action.error, t)} /> : null}
      <ConfirmDialog
        open={confirmBlock}
        title={t('people.blockTitle', { name: profile.display_name })}
        confirmLabel={t('people.block')}
        cancelLabel={t('people.cancel')}
        onCancel={() => setConfirmBlock(false)}
        onConfirm={() => {
          setConfirmBlock(false);
          act('block');
        }}
      >
        {t('people.blockBody')}
      </ConfirmDialog>
      {activity ? <section className="people-section">{activity}</section> : null}
      {profile.connections_visible ? (
        <section className="people-section" aria-label={t('people.connections')}>
          <div className="people-tabs">
            <Button variant={list === 'followers' ? 'primary' : 'secondary'} aria-pressed={list === 'followers'} onClick={() => setList('followers')}>
              {t('people.followers')}
            </Button>
            <Button variant={list === 'following' ? 'primary' : 'secondary'} aria-pressed={list === 'following'} onClick={() => setList('following')}>
              {t('people.following')}
            </Button>
          </div>
          {list ? (
            <PersonList
              path={list === 'followers' ? peopleLists.followers(profile.username) : peopleLists.following(profile.username)}
              profile={paths.profile}
              empty={list === 'followers' ? t('people.noFollowers') : t('people.noFollowing')}
            />
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
