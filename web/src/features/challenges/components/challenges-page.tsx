import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ButtonLink, ErrorState, PageHeader, Skeleton } from '@/components/ui';
import { errorMessage } from '@/lib/api/error-message';
import { useChallenges, type ChallengeListKind } from '../api/challenges';
import { ChallengeCard } from './challenge-card';
import './challenges.css';

export interface ChallengesPaths {
  challenges: string;
  newChallenge: string;
  challenge: (id: string) => string;
}

const sections: readonly ChallengeListKind[] = ['mine', 'active', 'upcoming', 'ended'];

/** /community/challenges: yours, then the active, upcoming and ended ones you can see. */
export function ChallengesPage({ paths }: { paths: ChallengesPaths }) {
  const { t } = useTranslation();
  return (
    <div className="challenges-page">
      <PageHeader
        title={t('challenges.title')}
        documentTitle={t('challenges.documentTitle')}
        intro={t('challenges.intro')}
        actions={<ButtonLink to={paths.newChallenge}>{t('challenges.new')}</ButtonLink>}
      />
      {sections.map((kind) => (
        <ChallengeSection key={kind} kind={kind} paths={paths} />
      ))}
    </div>
  );
}

function ChallengeSection({ kind, paths }: { kind: ChallengeListKind; paths: ChallengesPaths }) {
  const { t } = useTranslation();
  const headingId = useId();
  const challenges = useChallenges(kind);
  const items = challenges.data?.items ?? [];
  return (
    <section aria-labelledby={headingId} className="challenges-section">
      <h2 id={headingId} className="challenges-section__title">
        {t(`challenges.sections.${kind}`)}
      </h2>
      {challenges.isPending ? (
        <Skeleton width="full" />
      ) : challenges.isError ? (
        <ErrorState
          title={t('challenges.loadFailed')}
          message={errorMessage(challenges.error, t)}
          onRetry={() => void challenges.refetch()}
          inline
        />
      ) : items.length === 0 ? (
        <p className="challenges-section__none">{t(`challenges.none.${kind}`)}</p>
      ) : (
        <ul className="challenge-list">
          {items.map((challenge) => (
            <li key={challenge.id}>
              <ChallengeCard challenge={challenge} href={paths.challenge(challenge.id)} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
