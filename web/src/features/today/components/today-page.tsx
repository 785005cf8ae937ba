import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ButtonLink, Card } from '@/components/ui';
import { useDocumentTitle } from '@/hooks/use-document-title';
import './today-page.css';

export interface TodayPageProps {
  username: string;
  securityPath: string;
}

/**
 * `/` for a signed-in user. For now a welcome and the one thing that exists already
 * (securing the account); the dashboard of shared/ux.md grows here as features land.
 */
export function TodayPage({ username, securityPath }: TodayPageProps) {
  const { t } = useTranslation();
  useDocumentTitle(t('today.documentTitle'));
  const cardId = useId();
  return (
    <div className="today">
      <h1 className="today__title">{t('today.greeting', { username })}</h1>
      <section aria-labelledby={cardId}>
        <Card className="today__card">
          <h2 id={cardId} className="today__card-title">
            {t('today.welcomeTitle')}
          </h2>
          <p>{t('today.welcomeBody')}</p>
          <p>{t('today.securityBody')}</p>
          <ButtonLink to={securityPath} variant="primary">
            {t('today.securityLink')}
          </ButtonLink>
        </Card>
      </section>
    </div>
  );
}
