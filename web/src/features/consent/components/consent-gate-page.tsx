import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Card, ErrorState, LoadingState, PageHeader } from '@/components/ui';
import { errorMessage } from '@/lib/api/error-message';
import { useGiveConsent } from '../api/give-consent';
import { useConsents } from '../api/get-consents';
import { PolicyText } from './policy-text';
import { WithdrawalNotice, type WithdrawalPaths } from './withdrawal-notice';
import './consent.css';

export interface ConsentGatePageProps {
  /** The sign-out control (the app shell's). */
  signOut: ReactNode;
  paths: WithdrawalPaths;
}

/**
 * What a signed-in user whose consent is required sees before the app (GET /me says
 * consent_required): never consented (an account the operator created), or the admin published
 * a new policy version. Accepting records the consent to the version shown; declining explains
 * that it leads to deleting the account, with the export first.
 */
export function ConsentGatePage({ signOut, paths }: ConsentGatePageProps) {
  const { t } = useTranslation();
  const consents = useConsents();
  const give = useGiveConsent();
  const [declined, setDeclined] = useState(false);

  if (consents.isPending) return <LoadingState label={t('consent.loading')} />;
  if (consents.isError) {
    return <ErrorState message={errorMessage(consents.error, t)} onRetry={() => void consents.refetch()} />;
  }
  const { current_policy: policy, items } = consents.data;
  const everConsented = items.some((item) => item.withdrawn_at === null);
  return (
    <div className="consent-page">
      <PageHeader
        title={t('consent.page.title')}
        documentTitle={t('consent.page.documentTitle')}
        intro={everConsented ? t('consent.page.introChanged', { version: policy.version }) : t('consent.page.intro')}
        actions={signOut}
      />
      <Card>
        <PolicyText text={policy.text} />
      </Card>
      {give.isError ? <ErrorState message={errorMessage(give.error, t)} onRetry={() => void consents.refetch()} /> : null}
      <div className="form__actions">
        <Button variant="primary" disabled={give.isPending} onClick={() => give.mutate({ policy_version: policy.version })}>
          {give.isPending ? t('consent.page.accepting') : t('consent.page.accept', { version: policy.version })}
        </Button>
        <Button variant="secondary" onClick={() => setDeclined(true)} aria-expanded={declined}>
          {t('consent.page.decline')}
        </Button>
      </div>
      {declined ? (
        <Card>
          <h2 className="settings-section__title">{t('consent.page.declinedTitle')}</h2>
          <WithdrawalNotice paths={paths} />
        </Card>
      ) : null}
    </div>
  );
}
