import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ReportButton } from '@/components/report';
import { Button, ButtonLink, Card, EmptyState, ErrorState, PageHeader, Skeleton } from '@/components/ui';
import { errorMessage } from '@/lib/api/error-message';
import { formatDateTime, formatDuration } from '@/lib/format';
import { formatDistance, formatWeight, useUnitSystem } from '@/lib/units';
import { useComments, useCommentWrites, type Comment } from '../api/comments';
import { useFeed, type FeedItem } from '../api/get-feed';
import { useToggleKudos } from '../api/kudos';
import { MarkdownLite } from '../lib/markdown-lite';
import './community.css';

export interface CommunityPaths {
  people: string;
  challenges: string;
  clubs: string;
  /** Another user's (or your own) workout: /u/:username/workouts/:id. */
  userWorkout: (username: string, workoutId: string) => string;
}

/** /community: the feed of the people you follow and your own, newest first. */
export function CommunityPage({ paths, userId }: { paths: CommunityPaths; userId: string }) {
  const { t } = useTranslation();
  const feed = useFeed();
  const items = feed.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <div className="community-page">
      <PageHeader title={t('community.title')} documentTitle={t('community.documentTitle')} intro={t('community.intro')} />
      <nav className="community-links" aria-label={t('community.placesLabel')}>
        <Link to={paths.people}>{t('community.people')}</Link>
        <Link to={paths.challenges}>{t('community.challenges')}</Link>
        <Link to={paths.clubs}>{t('community.clubs')}</Link>
      </nav>
      {feed.isPending ? (
        <Skeleton width="full" />
      ) : feed.isError ? (
        <ErrorState title={t('community.loadFailed')} message={errorMessage(feed.error, t)} onRetry={() => void feed.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title={t('community.empty.title')} action={<ButtonLink to={paths.people}>{t('community.empty.action')}</ButtonLink>}>
          {t('community.empty.body')}
        </EmptyState>
      ) : (
        <>
          <ul className="feed-list">
            {items.map((item) => (
              <li key={item.id}>
                <FeedCard item={item} paths={paths} userId={userId} />
              </li>
            ))}
          </ul>
          {feed.hasNextPage ? (
            <Button variant="secondary" onClick={() => void feed.fetchNextPage()} disabled={feed.isFetchingNextPage}>
              {t('community.loadMore')}
            </Button>
          ) : null}
        </>
      )}
    </div>
  );
}

type Summary = Record<string, unknown>;
const text = (s: Summary, key: string) => (typeof s[key] === 'string' ? (s[key] as string) : undefined);
const num = (s: Summary, key: string) => (typeof s[key] === 'number' ? (s[key] as number) : undefined);

function FeedCard({ item, paths, userId }: { item: FeedItem; paths: CommunityPaths; userId: string }) {
  const { t, i18n } = useTranslation();
  const [showComments, setShowComments] = useState(false);
  const kudos = useToggleKudos();
  const commentsId = useId();
  const who = item.owner.display_name || item.owner.username;
  return (
    <Card className="feed-card">
      <p className="feed-card__meta">
        <span className="feed-card__who">{who}</span>{' '}
        <time dateTime={item.occurred_at}>{formatDateTime(item.occurred_at, i18n.language)}</time>
      </p>
      <FeedSummary item={item} paths={paths} />
      <div className="feed-card__actions">
        <Button
          variant={item.you_gave_kudos ? 'primary' : 'secondary'}
         
          aria-pressed={item.you_gave_kudos}
          disabled={kudos.isPending}
          onClick={() => kudos.mutate({ itemId: item.id, give: !item.you_gave_kudos })}
        >
          {t('community.kudos', { count: item.kudos_count })}
        </Button>
        <Button
          variant="secondary"
         
          aria-expanded={showComments}
          aria-controls={commentsId}
          onClick={() => setShowComments((shown) => !shown)}
        >
          {t('community.comments', { count: item.comments_count })}
        </Button>
      </div>
      {showComments ? (
        <div id={commentsId}>
          <CommentThread item={item} userId={userId} />
        </div>
      ) : null}
    </Card>
  );
}

function FeedSummary({ item, paths }: { item: FeedItem; paths: CommunityPaths }) {
  const { t, i18n } = useTranslation();
  const [system] = useUnitSystem();
  const s = item.summary as Summary;
  const locale = i18n.language;
  if (item.kind === 'workout') {
    const distance = num(s, 'distance_m');
    const duration = num(s, 'duration_s');
    const volume = num(s, 'volume_kg');
    const facts = [
      text(s, 'sport'),
      distance !== undefined ? formatDistance(distance, system, locale) : undefined,
      duration !== undefined ? formatDuration(duration) : undefined,
      volume !== undefined ? formatWeight(volume, system, locale, 0) : undefined,
    ].filter(Boolean);
    const title = text(s, 'title') || t('community.untitledWorkout');
    return (
      <div className="feed-card__body">
        <h2 className="feed-card__title">
          {item.workout_id && item.owner.username ? (
            <Link to={paths.userWorkout(item.owner.username, item.workout_id)}>{title}</Link>
          ) : (
            title
          )}
        </h2>
        {facts.length > 0 ? <p className="feed-card__facts">{facts.join(' · ')}</p> : null}
      </div>
    );
  }
  if (item.kind === 'record') {
    const value = num(s, 'value') ?? 0;
    const unit = text(s, 'unit');
    const shown =
      unit === 'kg' ? formatWeight(value, system, locale) : unit === 'm' ? formatDistance(value, system, locale) : formatDuration(value);
    return (
      <div className="feed-card__body">
        <h2 className="feed-card__title">{t('community.record')}</h2>
        <p className="feed-card__facts">
          {text(s, 'exercise_id') ?? text(s, 'sport')} · {text(s, 'record_kind')?.replaceAll('_', ' ')}: {shown}
        </p>
      </div>
    );
  }
  return (
    <div className="feed-card__body">
      <h2 className="feed-card__title">{t('community.goalReached')}</h2>
      <p className="feed-card__facts">{text(s, 'title')}</p>
    </div>
  );
}

function CommentThread({ item, userId }: { item: FeedItem; userId: string }) {
  const { t } = useTranslation();
  const comments = useComments(item.id, true);
  const writes = useCommentWrites(item.id);
  const [draft, setDraft] = useState('');
  const fieldId = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!draft.trim()) return;
    writes.add.mutate(draft, { onSuccess: () => setDraft('') });
  };
  return (
    <section className="comment-thread" aria-label={t('community.commentsLabel')}>
      {comments.isPending ? (
        <Skeleton width="full" />
      ) : comments.isError ? (
        <ErrorState title={t('community.commentsFailed')} message={errorMessage(comments.error, t)} onRetry={() => void comments.refetch()} />
      ) : (
        <ul className="comment-list">
          {comments.data.items.map((comment) => (
            <li key={comment.id}>
              <CommentView comment={comment} itemOwnerId={item.owner.user_id} userId={userId} writes={writes} />
            </li>
          ))}
        </ul>
      )}
      <form className="comment-form" onSubmit={submit}>
        <label htmlFor={fieldId}>{t('community.writeComment')}</label>
        <textarea id={fieldId} value={draft} maxLength={2000} rows={2} onChange={(e) => setDraft(e.target.value)} />
        <p className="comment-form__hint">{t('community.formattingHint')}</p>
        {writes.add.isError ? <p role="alert">{errorMessage(writes.add.error, t)}</p> : null}
        <Button type="submit" disabled={writes.add.isPending || !draft.trim()}>
          {t('community.send')}
        </Button>
      </form>
    </section>
  );
}

function CommentView({
  comment,
  itemOwnerId,
  userId,
  writes,
}: {
  comment: Comment;
  itemOwnerId: string;
  userId: string;
  writes: ReturnType<typeof useCommentWrites>;
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<string | null>(null);
  const fieldId = useId();
  const mine = comment.author.user_id === userId;
  const mayDelete = mine || itemOwnerId === userId;
  if (editing !== null) {
    return (
      <form
        className="comment-form"
        onSubmit={(event) => {
          event.preventDefault();
          writes.edit.mutate({ id: comment.id, body: editing }, { onSuccess: () => setEditing(null) });
        }}
      >
        <label htmlFor={fieldId}>{t('community.editComment')}</label>
        <textarea id={fieldId} value={editing} maxLength={2000} rows={2} onChange={(e) => setEditing(e.target.value)} />
        <div className="comment__actions">
          <Button type="submit" disabled={!editing.trim() || writes.edit.isPending}>
            {t('community.save')}
          </Button>
          <Button type="button" variant="secondary" onClick={() => setEditing(null)}>
            {t('community.cancel')}
          </Button>
        </div>
      </form>
    );
  }
  return (
    <article className="comment">
      <p className="comment__author">
        {comment.author.display_name || comment.author.username}
        {comment.edited ? <span className="comment__edited"> {t('community.edited')}</span> : null}
      </p>
      <p className="comment__body">
        <MarkdownLite text={comment.body} />
      </p>
      {mine || mayDelete ? (
        <div className="comment__actions">
          {mine ? (
            <Button variant="secondary" onClick={() => setEditing(comment.body)}>
              {t('community.edit')}
            </Button>
          ) : null}
          {mayDelete ? (
            <Button variant="secondary" onClick={() => writes.remove.mutate(comment.id)} disabled={writes.remove.isPending}>
              {t('community.delete')}
            </Button>
          ) : null}
        </div>
      ) : null}
      {mine ? null : (
        <div className="comment__actions">
          <ReportButton
            kind="comment"
            id={comment.id}
            label={t('moderation.report.commentLabel', { name: comment.author.display_name || comment.author.username })}
          />
        </div>
      )}
    </article>
  );
}
