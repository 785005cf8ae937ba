import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button, Card, ErrorState, Skeleton } from '@/components/ui';
import { errorMessage } from '@/lib/api/error-message';
import { formatDateTime } from '@/lib/format';
import { useConsents } from '../api/get-consents';
import { WithdrawalNotice, type WithdrawalPaths } from './withdrawal-notice';
import './consent.css';

export interface ConsentSectionProps {
  paths: WithdrawalPaths & { policy: string };
}

/**
 * Privacy on the settings page: what the user consented to (the policy version) and when, and
 * how to withdraw (which is deleting the account, after the export).
 */
export function ConsentSection({ paths }: ConsentSectionProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const consents = useConsents();
  const [withdrawing, setWithdrawing] = useState(false);

  let content;
  if (consents.isPending) {
    content = <Skeleton width="lg" label={t('consent.loading')} />;
  } else if (consents.isError) {
    content = <ErrorState message={errorMessage(consents.error, t)} onRetry={() => void consents.refetch()} />;
  } else {
    const { items, current_policy: policy } = consents.data;
    content = (
      <>
        {items.length === 0 ? (
          <p>{t('consent.section.none')}</p>
        ) : (
          <ul className="consent-history">
            {items.map((item) => (
              <li key={item.id}>
                {t('consent.section.given', {
                  version: item.policy_version,
                  when: formatDateTime(item.given_at, i18n.language),
                })}
                {item.withdrawn_at
                  ? ` ${t('consent.section.withdrawn', { when: formatDateTime(item.withdrawn_at, i18n.language) })}`
                  : ''}
              </li>
            ))}
          </ul>
        )}
        <p>
          <Link to={paths.policy}>{t('consent.section.readPolicy', { version: policy.version })}</Link>
        </p>
        <div className="form__actions">
          <Button variant="secondary" aria-expanded={withdrawing} onClick={() => setWithdrawing((open) => !open)}>
            {t('consent.section.withdraw')}
          </Button>
        </div>
        {withdrawing ? <WithdrawalNotice paths={paths} /> : null}
      </>
    );
  }

  return (
    <section aria-labelledby={id} id="privacy">
      <Card className="settings-section">
        <h2 id={id} className="settings-section__title">
          {t('consent.section.title')}
        </h2>
        <p className="settings-section__intro">{t('consent.section.intro')}</p>
        {content}
      </Card>
    </section>
  );
}
