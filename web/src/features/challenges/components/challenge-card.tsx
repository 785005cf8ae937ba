import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Badge, Card } from '@/components/ui';
import { formatDate } from '@/lib/format';
import { useUnitSystem } from '@/lib/units';
import type { Challenge } from '../api/challenges';
import { formatChallengeValue } from '../lib/format-value';

/** The dates of a challenge, as days of its own zone. */
export function ChallengeDates({ challenge }: { challenge: Challenge }) {
  const { t, i18n } = useTranslation();
  // Days, not instants: formatted at UTC noon so no zone moves them.
  const day = (d: string) => formatDate(`${d}T12:00:00Z`, i18n.language, { timeZone: 'UTC' });
  return (
    <>
      {t('challenges.dates', { from: day(challenge.starts_on), to: day(challenge.ends_on), zone: challenge.time_zone })}
    </>
  );
}

export function ChallengeCard({ challenge, href }: { challenge: Challenge; href: string }) {
  const { t, i18n } = useTranslation();
  const [system] = useUnitSystem();
  const titleId = useId();
  const sessions = (count: number) => t('challenges.sessionsCount', { count });
  return (
    <Card className="challenge-card">
      <h3 className="challenge-card__title" id={titleId}>
        <Link to={href}>{challenge.title}</Link>
      </h3>
      <p className="challenge-meta">
        {t(`challenges.metrics.${challenge.metric}`)} ·{' '}
        {challenge.sport ? t(`activity.sports.${challenge.sport as 'run'}`) : t('challenges.allSports')} ·{' '}
        {t('challenges.members', { count: challenge.member_count })}
      </p>
      <p className="challenge-meta">
        <ChallengeDates challenge={challenge} />
      </p>
      <div className="challenge-card__badges">
        <Badge>{t(`challenges.status.${challenge.status}`)}</Badge>
        {challenge.access === 'invite' && <Badge>{t('challenges.access.invite')}</Badge>}
        {challenge.joined && <Badge tone="accent">{t('challenges.joined')}</Badge>}
        {!challenge.joined && challenge.invited && <Badge tone="accent">{t('challenges.invited')}</Badge>}
      </div>
      {challenge.joined && challenge.progress !== null && (
        <p>
          {t('challenges.detail.yourProgress')}:{' '}
          {formatChallengeValue(challenge.progress, challenge.metric, system, i18n.language, sessions)}
        </p>
      )}
    </Card>
  );
}
