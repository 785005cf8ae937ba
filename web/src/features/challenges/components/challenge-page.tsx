import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import {
  Badge,
  Button,
  Checkbox,
  ConfirmDialog,
  EmptyState,
  ErrorState,
  Notice,
  PageHeader,
  Skeleton,
  TextField,
} from '@/components/ui';
import { ApiError } from '@/lib/api/client';
import { errorMessage } from '@/lib/api/error-message';
import { useUnitSystem } from '@/lib/units';
import {
  useChallenge,
  useDeleteChallenge,
  useInviteToChallenge,
  useJoinChallenge,
  useLeaderboard,
  useLeaveChallenge,
  type Challenge,
} from '../api/challenges';
import { formatChallengeValue } from '../lib/format-value';
import { ChallengeDates } from './challenge-card';
import type { ChallengesPaths } from './challenges-page';
import './challenges.css';

function useValueFormat(challenge: Pick<Challenge, 'metric'>) {
  const { t, i18n } = useTranslation();
  const [system] = useUnitSystem();
  return (value: number) =>
    formatChallengeValue(value, challenge.metric, system, i18n.language, (count) => t('challenges.sessionsCount', { count }));
}

/** /community/challenges/:id: what it is, your progress, the board, join or leave, invite. */
export function ChallengePage({ id, paths, username }: { id: string; paths: ChallengesPaths; username: string }) {
  const { t } = useTranslation();
  const challenge = useChallenge(id);
  if (challenge.isPending) return <Skeleton width="full" />;
  if (challenge.isError) {
    const missing = challenge.error instanceof ApiError && challenge.error.status === 404;
    return (
      <div className="challenge-page">
        <PageHeader title={t('challenges.title')} documentTitle={t('challenges.documentTitle')} />
        {missing ? (
          <EmptyState action={<Link to={paths.challenges}>{t('challenges.detail.back')}</Link>}>
            {t('challenges.detail.notFound')}
          </EmptyState>
        ) : (
          <ErrorState
            title={t('challenges.detail.loadFailed')}
            message={errorMessage(challenge.error, t)}
            onRetry={() => void challenge.refetch()}
          />
        )}
      </div>
    );
  }
  return <ChallengeView challenge={challenge.data} paths={paths} username={username} />;
}

function ChallengeView({ challenge, paths, username }: { challenge: Challenge; paths: ChallengesPaths; username: string }) {
  const { t } = useTranslation();
  const format = useValueFormat(challenge);
  const progressId = useId();
  const mine = challenge.creator?.username === username;
  return (
    <div className="challenge-page">
      <PageHeader
        title={challenge.title}
        documentTitle={challenge.title}
        back={<Link to={paths.challenges}>{t('challenges.detail.back')}</Link>}
      >
        <p className="challenge-meta">
          {t(`challenges.metrics.${challenge.metric}`)} ·{' '}
          {challenge.sport ? t(`activity.sports.${challenge.sport as 'run'}`) : t('challenges.allSports')} ·{' '}
          <ChallengeDates challenge={challenge} />
        </p>
        <p className="challenge-card__badges">
          <Badge>{t(`challenges.status.${challenge.status}`)}</Badge>
          <Badge>{t(`challenges.access.${challenge.access}`)}</Badge>
          <Badge>{t('challenges.members', { count: challenge.member_count })}</Badge>
          {challenge.creator && <span className="challenge-meta">{t('challenges.by', { name: challenge.creator.display_name })}</span>}
        </p>
      </PageHeader>
      {challenge.description !== '' && <p className="challenge-page__description">{challenge.description}</p>}
      {challenge.target !== null && <p>{t('challenges.detail.target', { value: format(challenge.target) })}</p>}

      <section aria-labelledby={progressId}>
        <h2 id={progressId} className="challenge-page__heading">
          {t('challenges.detail.yourProgress')}
        </h2>
        {challenge.joined ? (
          <p className="challenge-page__progress">{format(challenge.progress ?? 0)}</p>
        ) : (
          <p className="challenge-page__hint">{t('challenges.detail.notJoined')}</p>
        )}
      </section>

      <Membership challenge={challenge} />
      <LeaderboardView challenge={challenge} />
      {(challenge.joined || mine) && challenge.status !== 'ended' && <InviteForm challengeId={challenge.id} />}
      {mine && <DeleteChallenge challengeId={challenge.id} paths={paths} />}
    </div>
  );
}

function Membership({ challenge }: { challenge: Challenge }) {
  const { t } = useTranslation();
  const join = useJoinChallenge(challenge.id);
  const leave = useLeaveChallenge(challenge.id);
  const [countPrivate, setCountPrivate] = useState(challenge.count_private);
  const canJoin = !challenge.joined && challenge.status !== 'ended';
  if (!challenge.joined && !canJoin) return null;
  return (
    <section className="challenge-page__actions" aria-label={t('challenges.detail.join')}>
      <Checkbox
        label={
          <span>
            {t('challenges.detail.countPrivate')}
            <br />
            <span className="challenge-page__hint">{t('challenges.detail.countPrivateHint')}</span>
          </span>
        }
        checked={countPrivate}
        onCheckedChange={setCountPrivate}
      />
      {challenge.joined ? (
        <>
          {countPrivate !== challenge.count_private && (
            <Button variant="secondary" disabled={join.isPending} onClick={() => join.mutate(countPrivate)}>
              {t('challenges.detail.saveChoice')}
            </Button>
          )}
          <Button variant="destructive-subtle" disabled={leave.isPending} onClick={() => leave.mutate()}>
            {t('challenges.detail.leave')}
          </Button>
        </>
      ) : (
        <Button disabled={join.isPending} onClick={() => join.mutate(countPrivate)}>
          {t('challenges.detail.join')}
        </Button>
      )}
      {join.isError && <ErrorState title={t('challenges.detail.joinFailed')} message={errorMessage(join.error, t)} inline />}
      {leave.isError && <ErrorState title={t('challenges.detail.leaveFailed')} message={errorMessage(leave.error, t)} inline />}
    </section>
  );
}

function LeaderboardView({ challenge }: { challenge: Challenge }) {
  const { t } = useTranslation();
  const board = useLeaderboard(challenge.id);
  const format = useValueFormat(challenge);
  const headingId = useId();
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId} className="challenge-page__heading">
        {t('challenges.detail.leaderboard')}
      </h2>
      {board.isPending ? (
        <Skeleton width="full" />
      ) : board.isError ? (
        <ErrorState message={errorMessage(board.error, t)} onRetry={() => void board.refetch()} inline />
      ) : board.data.items.length === 0 ? (
        <p className="challenge-page__hint">{t('challenges.detail.leaderboardEmpty')}</p>
      ) : (
        <table className="leaderboard" aria-labelledby={headingId}>
          <thead>
            <tr>
              <th scope="col" className="leaderboard__rank">
                {t('challenges.detail.rank')}
              </th>
              <th scope="col">{t('challenges.detail.member')}</th>
              <th scope="col" className="leaderboard__value">
                {t('challenges.detail.value')}
              </th>
            </tr>
          </thead>
          <tbody>
            {board.data.items.map((row) => (
              <tr
                key={row.member.username}
                className={row.is_viewer ? 'leaderboard__row--viewer' : undefined}
                aria-current={row.is_viewer ? 'true' : undefined}
              >
                <td className="leaderboard__rank">{row.rank}</td>
                <td>
                  {row.member.display_name}
                  {row.is_viewer && ` ${t('challenges.detail.you')}`}
                </td>
                <td className="leaderboard__value">{format(row.value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function InviteForm({ challengeId }: { challengeId: string }) {
  const { t } = useTranslation();
  const invite = useInviteToChallenge(challengeId);
  const [username, setUsername] = useState('');
  const headingId = useId();
  function submit(event: FormEvent) {
    event.preventDefault();
    const name = username.trim();
    if (name === '') return;
    invite.mutate(name, { onSuccess: () => setUsername('') });
  }
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId} className="challenge-page__heading">
        {t('challenges.detail.invite')}
      </h2>
      <form className="challenge-invite" onSubmit={submit}>
        <TextField label={t('challenges.detail.inviteUsername')} value={username} onValueChange={setUsername} autoComplete="off" />
        <Button type="submit" variant="secondary" disabled={invite.isPending}>
          {t('challenges.detail.inviteSend')}
        </Button>
      </form>
      {invite.isSuccess && (
        <Notice tone="success">
          {invite.data.invited
            ? t('challenges.detail.invitedDone', { username: invite.data.username })
            : t('challenges.detail.inviteAlready', { username: invite.data.username })}
        </Notice>
      )}
      {invite.isError && <ErrorState title={t('challenges.detail.inviteFailed')} message={errorMessage(invite.error, t)} inline />}
    </section>
  );
}

function DeleteChallenge({ challengeId, paths }: { challengeId: string; paths: ChallengesPaths }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const remove = useDeleteChallenge();
  const [asking, setAsking] = useState(false);
  return (
    <div className="challenge-page__actions">
      <Button variant="destructive-subtle" onClick={() => setAsking(true)}>
        {t('challenges.detail.delete')}
      </Button>
      {remove.isError && <ErrorState title={t('challenges.detail.deleteFailed')} message={errorMessage(remove.error, t)} inline />}
      <ConfirmDialog
        open={asking}
        title={t('challenges.detail.delete')}
        confirmLabel={t('challenges.detail.delete')}
        cancelLabel={t('challenges.editor.cancel')}
        tone="destructive"
        busy={remove.isPending}
        onCancel={() => setAsking(false)}
        onConfirm={() =>
          remove.mutate(challengeId, {
            onSuccess: () => void navigate(paths.challenges),
            onSettled: () => setAsking(false),
          })
        }
      >
        {t('challenges.detail.deleteConfirm')}
      </ConfirmDialog>
    </div>
  );
}
