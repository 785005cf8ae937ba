import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ErrorState, PageHeader, TextField } from '@/components/ui';
import { errorMessage } from '@/lib/api/error-message';
import { peopleLists, usePeopleAction } from '../api/people';
import { PersonList } from './person-list';

export interface PeoplePaths {
  profile: (username: string) => string;
}

/**
 * /community/people: find people in the directory, answer follow requests, and look after one's
 * followers, following, blocks and mutes.
 */
export function PeoplePage({ username, paths }: { username: string; paths: PeoplePaths }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const action = usePeopleAction();
  const busy = action.isPending;
  return (
    <div className="people-page">
      <PageHeader title={t('people.title')} intro={t('people.intro')} />
      {action.isError ? <ErrorState inline message={errorMessage(action.error, t)} /> : null}
      <section className="people-section" aria-labelledby="people-directory">
        <h2 id="people-directory">{t('people.directory')}</h2>
        <TextField
          label={t('people.search')}
          type="search"
          value={query}
          onValueChange={setQuery}
          hint={t('people.searchHint')}
          maxLength={100}
        />
        <PersonList path={peopleLists.directory(query.trim())} profile={paths.profile} empty={t('people.noMatches')} />
      </section>
      <section className="people-section" aria-labelledby="people-requests">
        <h2 id="people-requests">{t('people.requests')}</h2>
        <PersonList
          path={peopleLists.requests}
          profile={paths.profile}
          empty={t('people.noRequests')}
          actions={(person) => (
            <>
              <Button disabled={busy} onClick={() => action.mutate({ kind: 'approve', username: person.username })}>
                {t('people.approve')}
              </Button>
              <Button variant="secondary" disabled={busy} onClick={() => action.mutate({ kind: 'decline', username: person.username })}>
                {t('people.decline')}
              </Button>
            </>
          )}
        />
      </section>
      <section className="people-section" aria-labelledby="people-followers">
        <h2 id="people-followers">{t('people.yourFollowers')}</h2>
        <PersonList
          path={peopleLists.followers(username)}
          profile={paths.profile}
          empty={t('people.noFollowers')}
          actions={(person) => (
            <Button variant="secondary" disabled={busy} onClick={() => action.mutate({ kind: 'removeFollower', username: person.username })}>
              {t('people.remove')}
            </Button>
          )}
        />
      </section>
      <section className="people-section" aria-labelledby="people-following">
        <h2 id="people-following">{t('people.youFollow')}</h2>
        <PersonList
          path={peopleLists.following(username)}
          profile={paths.profile}
          empty={t('people.noFollowing')}
          actions={(person) => (
            <Button variant="secondary" disabled={busy} onClick={() => action.mutate({ kind: 'unfollow', username: person.username })}>
              {t('people.unfollow')}
            </Button>
          )}
        />
      </section>
      <section className="people-section" aria-labelledby="people-blocks">
        <h2 id="people-blocks">{t('people.blocked')}</h2>
        <PersonList
          path={peopleLists.blocks}
          profile={paths.profile}
          empty={t('people.noBlocks')}
          actions={(person) => (
            <Button variant="secondary" disabled={busy} onClick={() => action.mutate({ kind: 'unblock', username: person.username })}>
              {t('people.unblock')}
            </Button>
          )}
        />
      </section>
      <section className="people-section" aria-labelledby="people-mutes">
        <h2 id="people-mutes">{t('people.muted')}</h2>
        <PersonList
          path={peopleLists.mutes}
          profile={paths.profile}
          empty={t('people.noMutes')}
          actions={(person) => (
            <Button variant="secondary" disabled={busy} onClick={() => action.mutate({ kind: 'unmute', username: person.username })}>
              {t('people.unmute')}
            </Button>
          )}
        />
      </section>
    </div>
  );
}
