import { useTranslation } from 'react-i18next';
import { Card, ErrorState, LoadingState, PageHeader } from '@/components/ui';
import { errorMessage } from '@/lib/api/error-message';
import { formatDateTime } from '@/lib/format';
import { usePrivacyPolicy } from '@/lib/privacy/privacy-policy';
import { PolicyText } from './policy-text';

/** /privacy-policy: the instance's current privacy policy, for everyone (sign-up links here). */
export function PrivacyPolicyPage() {
  const { t, i18n } = useTranslation();
  const policy = usePrivacyPolicy();
  return (
    <div className="settings-page">
      <PageHeader
        title={t('consent.policyPage.title')}
        documentTitle={t('consent.policyPage.documentTitle')}
        intro={
          policy.data
            ? t('consent.policyPage.version', {
                version: policy.data.version,
                when: formatDateTime(policy.data.published_at, i18n.language),
              })
            : undefined
        }
      />
      {policy.isPending ? <LoadingState label={t('consent.loading')} /> : null}
      {policy.isError ? <ErrorState message={errorMessage(policy.error, t)} onRetry={() => void policy.refetch()} /> : null}
      {policy.data ? (
        <Card>
          <PolicyText text={policy.data.text} />
        </Card>
      ) : null}
    </div>
  );
}
