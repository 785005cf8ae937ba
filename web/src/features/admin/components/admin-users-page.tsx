import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Button, EmptyState, ErrorState, PageHeader, Skeleton, TextField } from '@/components/ui';
import { errorMessage } from '@/lib/api/error-message';
import { useUsers } from '../api/list-users';
import { AdminNav, type AdminPaths } from './admin-nav';
import { UserCard } from './user-card';
import './admin.css';

export interface AdminUsersPageProps {
  /** The signed-in admin, who cannot demote, disable or delete themself. */
  meId: string;
  paths: AdminPaths;
}

const SEARCH_DELAY_MS = 300;

/** /admin/users: find users, change roles, disable, force a password reset, delete. */
export function AdminUsersPage({ meId, paths }: AdminUsersPageProps) {
  const { t } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const q = searchParams.get('q') ?? '';
  const [input, setInput] = useState(q);

  // Search as you type, once typing pauses; the query lives in the URL (?q=) for links.
  useEffect(() => {
    const next = input.trim();
    if (next === q) return;
    const timer = setTimeout(() => {
      setSearchParams(next ? { q: next } : {}, { replace: true });
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [input, q, setSearchParams]);

  const users = useUsers(q);

  let content;
  if (users.isPending) {
    content = <Skeleton width="lg" label={t('admin.users.loading')} />;
  } else if (users.isError) {
    content = <ErrorState message={errorMessage(users.error, t)} onRetry={() => void users.refetch()} />;
  } else {
    const items = users.data.pages.flatMap((page) => page.items);
    content =
      items.length === 0 ? (
        <EmptyState>{q ? t('admin.users.noMatch', { q }) : t('admin.users.empty')}</EmptyState>
      ) : (
        <>
          <p className="visually-hidden" role="status">
            {t('admin.users.shown', { count: items.length })}
          </p>
          <ul className="user-list" aria-label={t('admin.users.listLabel')}>
            {items.map((user) => (
              <li key={user.id}>
                <UserCard user={user} isMe={user.id === meId} />
              </li>
            ))}
          </ul>
          {users.hasNextPage ? (
            <div className="form__actions">
              <Button variant="secondary" disabled={users.isFetchingNextPage} onClick={() => void users.fetchNextPage()}>
                {users.isFetchingNextPage ? t('admin.users.loadingMore') : t('admin.users.loadMore')}
              </Button>
            </div>
          ) : null}
        </>
      );
  }

  return (
    <div className="settings-page settings-page--wide">
      <PageHeader title={t('admin.users.title')} documentTitle={t('admin.users.documentTitle')} />
      <AdminNav paths={paths} />
      <form role="search" className="form user-search" onSubmit={(event) => event.preventDefault()}>
        <TextField
          type="search"
          label={t('admin.users.search')}
          hint={t('admin.users.searchHint')}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          maxLength={100}
          value={input}
          onValueChange={setInput}
        />
      </form>
      {content}
    </div>
  );
}
