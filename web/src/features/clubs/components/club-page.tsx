import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ReportButton } from '@/components/report';
import { Badge, Button, ConfirmDialog, EmptyState, ErrorState, PageHeader, Skeleton } from '@/components/ui';
import { errorMessage } from '@/lib/api/error-message';
import { formatDateTime } from '@/lib/format/format';
import {
  useApproveRequest,
  useClub,
  useClubChallenges,
  useClubMembers,
  useClubPosts,
  useClubRequests,
  useCreatePost,
  useDeclineRequest,
  useDeleteClub,
  useDeletePost,
  useJoinClub,
  useLeaveClub,
  useRemoveMember,
  useSetRole,
  useUpdateClub,
  type Club,
} from '../api/clubs';
import { ClubForm } from './club-form';
import type { ClubPaths } from './club-paths';
import './clubs.css';

const POST_MAX = 5000;

function Membership({ club }: { club: Club }) {
  const { t } = useTranslation();
  const join = useJoinClub(club.id);
  const leave = useLeaveClub(club.id);
  const error = join.error ?? leave.error;
  return (
    <div className="club-membership">
      {club.my_role === undefined ? (
        <Button disabled={join.isPending} onClick={() => join.mutate(undefined)}>
          {club.access === 'public' ? t('clubs.join') : t('clubs.askToJoin')}
        </Button>
      ) : club.my_state === 'pending' ? (
        <>
          <Badge>{t('clubs.state.pending')}</Badge>
          <Button variant="secondary" disabled={leave.isPending} onClick={() => leave.mutate(undefined)}>
            {t('clubs.withdraw')}
          </Button>
        </>
      ) : club.my_role === 'owner' ? (
        <Badge tone="accent">{t('clubs.role.owner')}</Badge>
      ) : (
        <>
          <Badge tone="accent">{t(`clubs.role.${club.my_role}`)}</Badge>
          <Button variant="secondary" disabled={leave.isPending} onClick={() => leave.mutate(undefined)}>
            {t('clubs.leave')}
          </Button>
        </>
      )}
      {error ? <ErrorState inline message={errorMessage(error, t)} /> : null}
    </div>
  );
}

function Posts({ club, member, viewer }: { club: Club; member: boolean; viewer: string | undefined }) {
  const { t, i18n } = useTranslation();
  const composerId = useId();
  const posts = useClubPosts(club.id, true);
  const create = useCreatePost(club.id);
  const remove = useDeletePost(club.id);
  const [body, setBody] = useState('');
  const items = posts.data?.pages.flatMap((page) => page.items) ?? [];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (body.trim() === '') return;
    create.mutate(body, { onSuccess: () => setBody('') });
  };
  return (
    <section aria-labelledby="club-posts" className="club-section">
      <h2 id="club-posts">{t('clubs.posts.title')}</h2>
      {member ? (
        <form className="club-composer" onSubmit={submit}>
          <label className="field__label" htmlFor={composerId}>
            {t('clubs.posts.composer')}
          </label>
          <textarea
            id={composerId}
            className="field__input"
            rows={3}
            maxLength={POST_MAX}
            value={body}
            onChange={(event) => setBody(event.target.value)}
          />
          {create.isError ? <ErrorState inline message={errorMessage(create.error, t)} /> : null}
          <Button type="submit" disabled={create.isPending || body.trim() === ''}>
            {t('clubs.posts.submit')}
          </Button>
        </form>
      ) : null}
      {posts.isPending ? (
        <Skeleton width="full" />
      ) : posts.isError ? (
        <ErrorState message={errorMessage(posts.error, t)} onRetry={() => void posts.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title={t('clubs.posts.empty')}>{null}</EmptyState>
      ) : (
        <ul className="club-posts">
          {items.map((post) => (
            <li key={post.id} className="club-post">
              <p className="club-post__meta">
                <strong>{post.author.display_name}</strong> @{post.author.username} ·{' '}
                {formatDateTime(post.created_at, i18n.language)}
              </p>
              {/* Plain text: React escapes it; line breaks are kept by CSS. */}
              <p className="club-post__body">{post.body}</p>
              {post.may_delete ? (
                <Button variant="secondary" disabled={remove.isPending} onClick={() => remove.mutate(post.id)}>
                  {t('clubs.posts.delete')}
                </Button>
              ) : null}
              {post.author.username === viewer ? null : (
                <ReportButton
                  kind="club_post"
                  id={post.id}
                  label={t('moderation.report.postLabel', { name: post.author.display_name || post.author.username })}
                />
              )}
            </li>
          ))}
        </ul>
      )}
      {posts.hasNextPage ? (
        <Button variant="secondary" onClick={() => void posts.fetchNextPage()}>
          {t('clubs.loadMore')}
        </Button>
      ) : null}
    </section>
  );
}

function Members({ club, admin, owner }: { club: Club; admin: boolean; owner: boolean }) {
  const { t } = useTranslation();
  const members = useClubMembers(club.id, true);
  const setRole = useSetRole(club.id);
  const remove = useRemoveMember(club.id);
  const error = setRole.error ?? remove.error;
  return (
    <section aria-labelledby="club-members" className="club-section">
      <h2 id="club-members">{t('clubs.members.title')}</h2>
      {error ? <ErrorState inline message={errorMessage(error, t)} /> : null}
      {members.isPending ? (
        <Skeleton width="full" />
      ) : members.isError ? (
        <ErrorState message={errorMessage(members.error, t)} onRetry={() => void members.refetch()} />
      ) : (
        <ul className="club-members">
          {members.data.items.map((m) => (
            <li key={m.user.username} className="club-member">
              <span>
                {m.user.display_name} <span className="club-member__username">@{m.user.username}</span>
              </span>
              {m.role !== 'member' ? <Badge>{t(`clubs.role.${m.role}`)}</Badge> : null}
              {owner && m.role !== 'owner' ? (
                <Button
                  variant="secondary"
                 
                  onClick={() => setRole.mutate({ username: m.user.username, role: m.role === 'admin' ? 'member' : 'admin' })}
                >
                  {m.role === 'admin' ? t('clubs.members.makeMember') : t('clubs.members.makeAdmin')}
                </Button>
              ) : null}
              {admin && m.role !== 'owner' && (owner || m.role === 'member') ? (
                <Button variant="secondary" onClick={() => remove.mutate(m.user.username)}>
                  {t('clubs.members.remove')}
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Requests({ club }: { club: Club }) {
  const { t } = useTranslation();
  const requests = useClubRequests(club.id, true);
  const approve = useApproveRequest(club.id);
  const decline = useDeclineRequest(club.id);
  if (requests.isPending || requests.isError || requests.data.items.length === 0) return null;
  return (
    <section aria-labelledby="club-requests" className="club-section">
      <h2 id="club-requests">{t('clubs.requests.title')}</h2>
      <ul className="club-members">
        {requests.data.items.map((r) => (
          <li key={r.user.username} className="club-member">
            <span>
              {r.user.display_name} <span className="club-member__username">@{r.user.username}</span>
            </span>
            <Button onClick={() => approve.mutate(r.user.username)}>
              {t('clubs.requests.approve')}
            </Button>
            <Button variant="secondary" onClick={() => decline.mutate(r.user.username)}>
              {t('clubs.requests.decline')}
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Settings({ club, owner, paths }: { club: Club; owner: boolean; paths: ClubPaths }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const update = useUpdateClub(club.id);
  const remove = useDeleteClub(club.id);
  const [confirm, setConfirm] = useState(false);
  return (
    <section aria-labelledby="club-settings" className="club-section">
      <h2 id="club-settings">{t('clubs.settings.title')}</h2>
      <ClubForm
        initial={{ name: club.name, description: club.description, access: club.access }}
        submitLabel={t('clubs.settings.save')}
        pending={update.isPending}
        error={update.error}
        onSubmit={(input) => update.mutate(input)}
      />
      {owner ? (
        <>
          <Button variant="destructive" onClick={() => setConfirm(true)}>
            {t('clubs.settings.delete')}
          </Button>
          <ConfirmDialog
            open={confirm}
            title={t('clubs.settings.deleteTitle')}
            confirmLabel={t('clubs.settings.delete')}
            onConfirm={() => remove.mutate(undefined, { onSuccess: () => void navigate(paths.clubs) })}
            cancelLabel={t('clubs.settings.keep')}
            onCancel={() => setConfirm(false)}
          >
            {t('clubs.settings.deleteBody', { name: club.name })}
          </ConfirmDialog>
        </>
      ) : null}
    </section>
  );
}

function Challenges({ club, admin, paths }: { club: Club; admin: boolean; paths: ClubPaths }) {
  const { t } = useTranslation();
  const challenges = useClubChallenges(club.id, true);
  const items = challenges.data?.items ?? [];
  return (
    <section aria-labelledby="club-challenges" className="club-section">
      <h2 id="club-challenges">{t('clubs.challenges.title')}</h2>
      {admin ? <Link to={paths.newClubChallenge(club.id)}>{t('clubs.challenges.new')}</Link> : null}
      {challenges.isPending ? (
        <Skeleton width="full" />
      ) : challenges.isError ? (
        <ErrorState message={errorMessage(challenges.error, t)} onRetry={() => void challenges.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title={t('clubs.challenges.empty')}>{null}</EmptyState>
      ) : (
        <ul className="club-challenges">
          {items.map((challenge) => (
            <li key={challenge.id}>
              <Link to={paths.challenge(challenge.id)}>{challenge.title}</Link> · {challenge.starts_on} – {challenge.ends_on}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** /community/clubs/:id: about, membership, posts, members, requests and settings for admins. */
export function ClubPage({ id, paths, viewer }: { id: string; paths: ClubPaths; viewer?: string | undefined }) {
  const { t } = useTranslation();
  const club = useClub(id);
  if (club.isPending) return <Skeleton width="full" />;
  if (club.isError) {
    return <ErrorState title={t('clubs.loadFailed')} message={errorMessage(club.error, t)} onRetry={() => void club.refetch()} />;
  }
  const c = club.data;
  const member = c.my_state === 'active';
  const admin = member && (c.my_role === 'owner' || c.my_role === 'admin');
  const owner = member && c.my_role === 'owner';
  const readable = c.access === 'public' || member;
  return (
    <div className="clubs-page">
      <PageHeader
        title={c.name}
        intro={`${t('clubs.memberCount', { count: c.member_count })} · ${t(`clubs.access.${c.access}`)}`}
        back={<Link to={paths.clubs}>{t('clubs.back')}</Link>}
        actions={
          <>
            <Membership club={c} />
            {c.my_role === 'owner' ? null : <ReportButton kind="club" id={c.id} label={t('moderation.report.clubLabel', { name: c.name })} />}
          </>
        }
      />
      {c.description ? <p className="club-description">{c.description}</p> : null}
      {readable ? (
        <>
          <Posts club={c} member={member} viewer={viewer} />
          <Challenges club={c} admin={admin} paths={paths} />
          <Members club={c} admin={admin} owner={owner} />
        </>
      ) : (
        <EmptyState title={t('clubs.privateTitle')}>{t('clubs.privateBody')}</EmptyState>
      )}
      {admin ? <Requests club={c} /> : null}
      {admin ? <Settings club={c} owner={owner} paths={paths} /> : null}
    </div>
  );
}
