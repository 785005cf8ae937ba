import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { Badge, Button, ButtonLink, EmptyState, ErrorState, PageHeader, Skeleton, TextField } from '@/components/ui';
import { errorMessage } from '@/lib/api/error-message';
import { useClubs, useCreateClub, type Club } from '../api/clubs';
import { ClubForm } from './club-form';
import type { ClubPaths } from './club-paths';
import './clubs.css';

function ClubRow({ club, paths }: { club: Club; paths: ClubPaths }) {
  const { t } = useTranslation();
  return (
    <li className="club-row">
      <Link className="club-row__name" to={paths.club(club.id)}>
        {club.name}
      </Link>
      <span className="club-row__meta">
        {t('clubs.memberCount', { count: club.member_count })} · {t(`clubs.access.${club.access}`)}
      </span>
      {club.my_role ? (
        <Badge tone={club.my_state === 'pending' ? 'neutral' : 'accent'}>
          {club.my_state === 'pending' ? t('clubs.state.pending') : t(`clubs.role.${club.my_role}`)}
        </Badge>
      ) : null}
    </li>
  );
}

function ClubList({ q, mine, paths, emptyTitle }: { q: string; mine: boolean; paths: ClubPaths; emptyTitle: string }) {
  const { t } = useTranslation();
  const list = useClubs(q, mine);
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  if (list.isPending) return <Skeleton width="full" />;
  if (list.isError) return <ErrorState message={errorMessage(list.error, t)} onRetry={() => void list.refetch()} />;
  if (items.length === 0) return <EmptyState title={emptyTitle}>{null}</EmptyState>;
  return (
    <>
      <ul className="club-list">
        {items.map((club) => (
          <ClubRow key={club.id} club={club} paths={paths} />
        ))}
      </ul>
      {list.hasNextPage ? (
        <Button variant="secondary" disabled={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
          {t('clubs.loadMore')}
        </Button>
      ) : null}
    </>
  );
}

/** /community/clubs: your clubs, and a search of public ones. */
export function ClubsPage({ paths }: { paths: ClubPaths }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  return (
    <div className="clubs-page">
      <PageHeader
        title={t('clubs.title')}
        intro={t('clubs.intro')}
        actions={<ButtonLink to={paths.newClub}>{t('clubs.create')}</ButtonLink>}
      />
      <section aria-labelledby="clubs-yours">
        <h2 id="clubs-yours">{t('clubs.yours')}</h2>
        <ClubList q="" mine paths={paths} emptyTitle={t('clubs.noneYours')} />
      </section>
      <section aria-labelledby="clubs-find">
        <h2 id="clubs-find">{t('clubs.find')}</h2>
        <TextField type="search" label={t('clubs.search')} value={q} onValueChange={setQ} maxLength={80} />
        <ClubList q={q.trim()} mine={false} paths={paths} emptyTitle={t('clubs.noneFound')} />
      </section>
    </div>
  );
}

/** /community/clubs/new: a club of one's own. */
export function NewClubPage({ paths }: { paths: ClubPaths }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateClub();
  return (
    <div className="clubs-page">
      <PageHeader title={t('clubs.new.title')} back={<Link to={paths.clubs}>{t('clubs.back')}</Link>} />
      <ClubForm
        initial={{ name: '', description: '', access: 'public' }}
        submitLabel={t('clubs.new.submit')}
        pending={create.isPending}
        error={create.error}
        onSubmit={(input) => create.mutate(input, { onSuccess: (club) => void navigate(paths.club(club.id)) })}
      />
    </div>
  );
}
