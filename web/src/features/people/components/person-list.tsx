import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button, ErrorState, LoadingState } from '@/components/ui';
import { errorMessage } from '@/lib/api/error-message';
import { usePersonList, type Person } from '../api/people';
import './people.css';

/** A person's picture, or their initial on a disc when they have none. */
export function Avatar({ person, size = 40 }: { person: Pick<Person, 'display_name' | 'avatar_url'>; size?: number }) {
  if (person.avatar_url) {
    return <img className="person-avatar" src={person.avatar_url} alt="" width={size} height={size} />;
  }
  return (
    <span className="person-avatar person-avatar--initial" aria-hidden="true" style={{ width: size, height: size }}>
      {person.display_name.slice(0, 1).toUpperCase()}
    </span>
  );
}

export interface PersonListProps {
  /** The list's path under /api/v1 (peopleLists). */
  path: string;
  /** Where a person's name links to. */
  profile: (username: string) => string;
  empty: string;
  /** Buttons for one person (approve, remove, unblock). */
  actions?: (person: Person) => ReactNode;
  enabled?: boolean;
}

/** People, page by page, each with a link to their profile and the list's actions. */
export function PersonList({ path, profile, empty, actions, enabled = true }: PersonListProps) {
  const { t } = useTranslation();
  const list = usePersonList(path, enabled);
  if (list.isPending) return <LoadingState label={t('people.loading')} />;
  if (list.isError) return <ErrorState inline message={errorMessage(list.error, t)} onRetry={() => void list.refetch()} />;
  const people = list.data.pages.flatMap((page) => page.items);
  if (people.length === 0) return <p className="people-empty">{empty}</p>;
  return (
    <>
      <ul className="person-list">
        {people.map((person) => (
          <li key={person.username} className="person-row">
            <Avatar person={person} />
            <Link className="person-row__name" to={profile(person.username)}>
              <span>{person.display_name}</span>
              <span className="person-row__username">@{person.username}</span>
            </Link>
            {actions ? <span className="person-row__actions">{actions(person)}</span> : null}
          </li>
        ))}
      </ul>
      {list.hasNextPage ? (
        <Button variant="secondary" onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage}>
          {t('people.more')}
        </Button>
      ) : null}
    </>
  );
}
