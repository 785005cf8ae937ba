import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button, Card, EmptyState, ErrorState, Notice, PageHeader, Skeleton } from '@/components/ui';
import { errorMessage } from '@/lib/api/error-message';
import { useCopyRoutineTemplate } from '../api/copy-routine-template';
import { useRoutineTemplates } from '../api/list-routine-templates';
import type { Routine } from '../lib/model';
import type { WorkoutPaths } from '../paths';
import { RoutineExerciseNames } from './routine-exercise-names';
import './workouts.css';
import './programs.css';

/** /templates: routines other users share publicly, newest first, each copied in one tap. */
export function TemplatesPage({ paths }: { paths: WorkoutPaths }) {
  const { t } = useTranslation();
  const templates = useRoutineTemplates();
  const copy = useCopyRoutineTemplate();
  const [copied, setCopied] = useState<Routine | null>(null);

  let content;
  if (templates.isPending) {
    content = <Skeleton width="lg" label={t('workouts.templates.loading')} />;
  } else if (templates.isError) {
    content = <ErrorState message={errorMessage(templates.error, t)} onRetry={() => void templates.refetch()} />;
  } else {
    const items = templates.data.pages.flatMap((page) => page.items);
    content =
      items.length === 0 ? (
        <EmptyState>{t('workouts.templates.empty')}</EmptyState>
      ) : (
        <>
          <ul className="routine-list">
            {items.map((template) => (
              <li key={template.id}>
                <Card className="routine-card">
                  <div className="routine-card__main">
                    <h2 className="routine-card__name">{template.name}</h2>
                    <p className="routine-card__meta">{t('workouts.templates.by', { author: template.author })}</p>
                    <RoutineExerciseNames routine={template} />
                  </div>
                  <Button
                    variant="secondary"
                    disabled={copy.isPending}
                    onClick={() => copy.mutate(template.id, { onSuccess: setCopied })}
                  >
                    {t('workouts.templates.copy')}
                    <span className="visually-hidden"> {template.name}</span>
                  </Button>
                </Card>
              </li>
            ))}
          </ul>
          {templates.hasNextPage ? (
            <Button variant="secondary" disabled={templates.isFetchingNextPage} onClick={() => void templates.fetchNextPage()}>
              {t('workouts.templates.more')}
            </Button>
          ) : null}
        </>
      );
  }

  return (
    <div className="workout-page">
      <PageHeader
        title={t('workouts.templates.title')}
        documentTitle={t('workouts.templates.documentTitle')}
        intro={t('workouts.templates.intro')}
      />
      {copied ? (
        <Notice tone="success">
          {t('workouts.templates.copied', { name: copied.name })}{' '}
          <Link to={paths.routine(copied.id)}>{t('workouts.templates.open')}</Link>
        </Notice>
      ) : null}
      {copy.isError ? <ErrorState message={errorMessage(copy.error, t)} /> : null}
      {content}
    </div>
  );
}
