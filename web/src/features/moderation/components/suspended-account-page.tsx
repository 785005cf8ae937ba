import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '@/components/ui';
import { formatDateTime } from '@/lib/format';
import { MyDecisionsList } from './my-decisions-page';
import './moderation.css';

export interface SuspendedAccountPageProps {
  /** The end of the suspension (RFC 3339), from /me. */
  until: string;
  /** The sign-out control (the app shell's). */
  signOut: ReactNode;
}

/**
 * What a suspended user sees on every address while the suspension lasts: until when, the
 * decisions with the one appeal each, and signing out. The server refuses everything else to
 * this session, so nothing else is offered.
 */
export function SuspendedAccountPage({ until, signOut }: SuspendedAccountPageProps) {
  const { t, i18n } = useTranslation();
  const end = formatDateTime(until, i18n.language);
  return (
    <div className="moderation-page">
      <PageHeader
        title={t('moderation.suspended.title', { until: end })}
        documentTitle={t('moderation.suspended.documentTitle')}
        intro={t('moderation.suspended.intro')}
        actions={signOut}
      />
      <MyDecisionsList />
    </div>
  );
}
