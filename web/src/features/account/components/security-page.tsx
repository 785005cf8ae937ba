import { useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '@/components/ui';
import { useNavigate } from 'react-router';
import { forgetSession, type Me } from '@/lib/auth/get-me';
import { AuditEventsSection } from './audit-events-section';
import { ChangeEmailSection } from './change-email-section';
import { ChangePasswordSection } from './change-password-section';
import { DeleteAccountSection } from './delete-account-section';
import { ExportSection } from './export-section';
import { SessionsSection } from './sessions-section';
import { TokensSection } from './tokens-section';
import { TwoFactorSection } from './two-factor-section';
import './security.css';

export interface SecurityPageProps {
  me: Me;
  /** Where to go when this device's session ends here. */
  homePath: string;
  /** The consent to processing health data (issue 15), composed by the app; before deletion. */
  privacySection?: ReactNode;
}

/**
 * /settings/security: password, email, two-factor, devices, access tokens, security events, your
 * data (#export), privacy and consent, and deleting the account.
 */
export function SecurityPage({ me, homePath, privacySection }: SecurityPageProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();

  const onSignedOut = async () => {
    // flushSync: home is rendered before the cache forgets the user; otherwise this page's
    // guard would see "signed out" first and send the user to sign in.
    await navigate(homePath, { replace: true, flushSync: true });
    forgetSession(queryClient);
  };

  // The account is pending erasure and every session ended: to the landing page, which says
  // when the account goes and that signing in keeps it.
  const onDeleted = async (eraseAfter: string) => {
    await navigate(homePath, { replace: true, flushSync: true, state: { accountDeletion: { eraseAfter } } });
    forgetSession(queryClient);
  };

  return (
    <div className="settings-page">
      <PageHeader title={t('security.title')} documentTitle={t('security.documentTitle')} intro={t('security.intro', { username: me.username })} />
      <ChangePasswordSection />
      <ChangeEmailSection me={me} />
      <TwoFactorSection me={me} />
      <SessionsSection onSignedOut={() => void onSignedOut()} />
      <TokensSection />
      <AuditEventsSection meId={me.id} />
      <ExportSection />
      {privacySection}
      <DeleteAccountSection me={me} onDeleted={(eraseAfter) => void onDeleted(eraseAfter)} />
    </div>
  );
}
