import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Button, ButtonLink, EmptyState, ErrorState, PageHeader, SelectField, Skeleton, TextField } from '@/components/ui';
import { errorMessage } from '@/lib/api/error-message';
import { useMe } from '@/lib/auth/get-me';
import { deletingIds, usePendingEdits } from '../lib/pending-edits';
import { useWorkouts, type WorkoutKind } from '../api/list-workouts';
import type { WorkoutPaths } from '../paths';
import { WorkoutListItem } from './workout-list-item';
import './workouts.css';

const SEARCH_DELAY_MS = 300;
const kinds: readonly WorkoutKind[] = ['strength', 'cardio'];

function searchFor(q: string, kind: WorkoutKind | null): Record<string, string> {
  return { ...(q ? { q } : {}), ...(kind ? { kind } : {}) };
}

/** /workouts: every workout, newest first; search by title or exercise, filter by kind. */
export function HistoryPage({ paths }: { paths: WorkoutPaths }) {
  const { t } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const q = searchParams.get('q') ?? '';
  const kindParam = searchParams.get('kind');
  const kind = kinds.find((k) => k === kindParam) ?? null;
  const [input, setInput] = useState(q);
  const listId = useId();

  // Search as you type, once typing pauses; the search lives in the URL for links and Back.
  useEffect(() => {
    const next = input.trim();
    if (next === q) return;
    const timer = setTimeout(() => setSearchParams(searchFor(next, kind), { replace: true }), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [input, q, kind, setSearchParams]);

  const workouts = useWorkouts({ q, kind });
  // Deleted on this device while offline: gone from the list at once, though the server has it until the delete syncs.
  const deleting = deletingIds(usePendingEdits(useMe().data?.id ?? '').items);

  let content;
  if (workouts.isPending) {
    content = <Skeleton width="lg" label={t('workouts.history.loading')} />;
  } else if (workouts.isError) {
    content = <ErrorState message={errorMessage(workouts.error, t)} onRetry={() => void workouts.refetch()} />;
  } else {
    const items = workouts.data.pages.flatMap((page) => page.items).filter((w) => !deleting.has(w.id));
    if (items.length === 0) {
      content =
        q || kind ? (
          <EmptyState>{t('workouts.history.noMatch')}</EmptyState>
        ) : (
          <EmptyState
            action={
              <ButtonLink to={paths.log} variant="primary">
                {t('workouts.history.startOne')}
              </ButtonLink>
            }
          >
            {t('workouts.history.empty')}
          </EmptyState>
        );
    } else {
      content = (
        <>
          <p className="visually-hidden" role="status">
            {t('workouts.history.shown', { count: items.length })}
          </p>
          <ul className="item-list history-list" id={listId} aria-label={t('workouts.history.listLabel')}>
            {items.map((w) => (
              <WorkoutListItem key={w.id} workout={w} paths={paths} />
            ))}
          </ul>
          {workouts.hasNextPage ? (
            <div className="form__actions">
              <Button
                variant="secondary"
                disabled={workouts.isFetchingNextPage}
                onClick={() => void workouts.fetchNextPage()}
              >
                {workouts.isFetchingNextPage ? t('workouts.history.loadingMore') : t('workouts.history.loadMore')}
              </Button>
            </div>
          ) : null}
        </>
      );
    }
  }

  return (
    <div className="workout-page">
      <PageHeader title={t('workouts.history.title')} documentTitle={t('workouts.history.documentTitle')} />
      <form role="search" className="history-filters" onSubmit={(event) => event.preventDefault()}>
        <TextField
          type="search"
          label={t('workouts.history.search')}
          hint={t('workouts.history.searchHint')}
          autoComplete="off"
          maxLength={100}
          value={input}
          onValueChange={setInput}
        />
        <SelectField
          label={t('workouts.history.kind')}
          value={kind ?? ''}
          onValueChange={(value) =>
            setSearchParams(searchFor(q, kinds.find((k) => k === value) ?? null), { replace: true })
          }
          options={[
            { value: '', label: t('workouts.history.kindAll') },
            ...kinds.map((k) => ({ value: k, label: t(`workouts.kinds.${k}`) })),
          ]}
        />
      </form>
      {content}
    </div>
  );
}
